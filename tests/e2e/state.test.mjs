// Consistent state and honest charts in Chromium: the preset label says »(ændret)« once the
// scenario departs from the preset and not after Reset All; no label shows an internal key;
// Compare is reachable from the headline; a ratio that cannot be drawn on the axis (a group with
// no attendees: ratio 0 on a log axis) is marked at the edge with its value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openSections, settled, shareLink, useSite } from './helpers.mjs';

const site = useSite();

const presetText = (page) => page.locator('#preset option:checked').innerText();

test('the preset label shows »(ændret)« after an edit and loses it on Reset All', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?lang=da`);
  await settled(page);
  assert.doesNotMatch(await presetText(page), /ændret/);
  await page.selectOption('#strategy', 'targeted');
  await settled(page);
  assert.match(await presetText(page), /\(ændret\)$/);
  // No internal key such as »(invitation.strategy)« in any label of the page.
  const labels = await page.locator('label, legend, dt, th').allInnerTexts();
  for (const l of labels) assert.doesNotMatch(l, /\([a-z_]+\.[a-z_.]+\)/, l);
  await page.click('#reset-all');
  await settled(page);
  assert.doesNotMatch(await presetText(page), /ændret/);
  await page.selectOption('#lang', 'en');
  await page.fill('#seed', '7');
  await page.press('#seed', 'Enter');
  await settled(page);
  assert.match(await presetText(page), /\(changed\)$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Compare is reachable from the headline numbers', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?lang=en`);
  await settled(page);
  await page.click('#pin-headline');
  await page.selectOption('#strategy', 'stratified');
  await settled(page);
  assert.match(await page.locator('#headline-compare').innerText(), /^A: .* B: /);
  await page.click('#go-compare');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'compare-heading');
  await page.waitForFunction(() => {
    const r = document.querySelector('#compare-heading').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, null, { timeout: 5000 });
  assert.equal(await page.locator('#compare-table tbody tr').count() > 5, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a ratio off the axis is marked at the edge and labelled with its value', async () => {
  // 200 residents and an open call: about ten attendees, so some groups have none (ratio 0).
  const link = shareLink(site.url, { lang: 'da', size: '200', strategy: 'open-call' }, { invitation: { letters: 200 } });
  const { page, errors } = await openApp(site.browser, link);
  await settled(page);
  const marks = page.locator('#ratio-chart .clip-mark');
  assert.ok(await marks.count() > 0, 'a clipped value has its marker');
  assert.equal((await marks.first().locator('text').textContent()).trim(), '0,00');
  // The marker sits at the axis's left end, and the mark's label says it is off the axis.
  const labels = await page.locator('#ratio-chart .mark').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  assert.ok(labels.some((l) => /: 0,00 \(uden for aksen/.test(l)), labels.slice(0, 4).join(' | '));
  // Values inside the axis have no marker: a default run's charts draw every value in place.
  await page.goto(`${site.url}?lang=da`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await settled(page);
  await openSections(page);
  const ticks = await page.locator('#ratio-chart .tick text').allTextContents();
  assert.ok(ticks.includes('1'), ticks.join(' '));
  assert.deepEqual(errors, []);
  await page.close();
});
