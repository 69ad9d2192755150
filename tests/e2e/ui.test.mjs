// Keyboard operation of every control, compare, tooltips, the axe-core scan in both languages
// and all themes, and screenshots of the main views (tests/e2e/screenshots/, not committed).
import fs from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openApp, shareLink, settled, shots, useSite } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const site = useSite();

const state = (page) => page.evaluate(() => location.search + location.hash);

/** Presses the key that changes the focused control; returns its id. */
async function operate(page) {
  const info = await page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, tag: el.tagName, type: el.type ?? '', value: el.value, max: el.max };
  });
  if (info.tag === 'SELECT') {
    await page.keyboard.press('ArrowDown');
  } else if (info.type === 'range') {
    await page.keyboard.press(info.value === info.max ? 'ArrowLeft' : 'ArrowRight');
  } else if (info.type === 'number') {
    await page.keyboard.press(info.value === info.max ? 'ArrowDown' : 'ArrowUp');
    await page.keyboard.press('Enter');
  } else if (info.type === 'checkbox') {
    await page.keyboard.press('Space');
  } else if (info.tag === 'BUTTON') {
    await page.keyboard.press('Enter');
  }
  return info;
}

for (const strategy of ['open-call', 'letters', 'stratified', 'targeted', 'associations']) {
  test(`every control of the ${strategy} panel works from the keyboard alone`, async () => {
    // The detailed sections stay closed: the test works the form, and every change redraws what is open.
    const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'en', strategy }), { sections: 'closed' });
    await settled(page);
    await page.focus('#preset');
    const visited = [];
    for (let k = 0; k < 80; k++) {
      await page.keyboard.press('Tab');
      const inPanel = await page.evaluate(() => !!document.activeElement.closest('section.panel'));
      if (!inPanel) break;
      const id = await page.evaluate(() => document.activeElement.id);
      // The strategy and »reset all« change the panel itself; the panel selection's only other
      // choice (LEXIMIN) is disabled in the page bundle, and its link opens another view
      // (scenario-controls.test.mjs operates both): reached, not operated.
      if (['strategy', 'reset-all', 'panel-selection', 'open-panel-view'].includes(id)) { visited.push(id); continue; }
      // A »?« link opens the glossary: reached, not pressed.
      if (await page.evaluate(() => document.activeElement.classList.contains('term-link'))) continue;
      const before = await state(page);
      const info = await operate(page);
      await page.waitForFunction((old) => location.search + location.hash !== old, before, { timeout: 5000 })
        .catch(() => assert.fail(`${strategy}: operating #${info.id} (${info.tag} ${info.type}) by keyboard changed nothing`));
      visited.push(id);
    }
    for (const id of ['population', 'districts-slider', 'districts', 'childcare', 'evening', 'interpretation',
      'payment', 'online', 'meeting-format', 'table-size-slider', 'table-size', 'rounds', 'initiative', 'rules-by',
      'control-slider', 'control', 'ballot', 'rule', 'max-projects', 'vote-online', 'cycles-slider', 'cycles',
      'budget-slider', 'budget', 'seed', 'new-seed', 'reset-all']) {
      assert.ok(visited.includes(id), `${strategy}: #${id} reached by Tab (visited ${visited.join(' ')})`);
    }
    const specific = { letters: ['letters'], stratified: ['letters', 'panel-size', 'panel-dropout-slider', 'panel-selection', 'open-panel-view'],
      targeted: ['contacts-slider', 'contacts', 'outreach-reach-slider', 'outreach-reach'], associations: ['mobilisation-slider'] };
    for (const id of specific[strategy] ?? []) assert.ok(visited.includes(id), `${strategy}: #${id} reached`);
    // Every slider of the panel announces its value with a unit (the town's stage slider names
    // its stage).
    for (const valuetext of await page.locator('section.panel input[type=range]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-valuetext')))) {
      assert.match(valuetext, /^(DKK\u00a0[\d,]+|\d+%|[\d,]+\u00a0[a-z]+)$/, valuetext);
    }
    // Reset All by keyboard brings back the preset.
    await page.focus('#reset-all');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !location.hash.startsWith('#s=') && location.search.includes('budget=250000'));
    // The strategy select by keyboard.
    await page.focus('#strategy');
    const before = await page.inputValue('#strategy');
    await page.keyboard.press(before === 'associations' ? 'ArrowUp' : 'ArrowDown');
    assert.notEqual(await page.inputValue('#strategy'), before);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
test('the language switches live, with Danish text and number formats', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }));
  await settled(page);
  assert.match(await page.locator('#scenario-heading').innerText(), /Scenario/);
  await page.selectOption('#lang', 'da');
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  assert.equal(await page.locator('#scenario-heading').innerText(), 'Scenarie');
  assert.equal(await page.locator('#budget-slider').getAttribute('aria-valuetext'), '250.000\u00a0kr.');
  assert.match(await page.locator('#cost').innerText(), /^\d{1,3}(\.\d{3})*\u00a0kr\.$/);
  assert.match(await page.locator('#index-attendees').innerText(), /^0,\d{3}$/);
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'da');
  await page.close();
});

test('compare pins A and shows B beside it on the same population', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }));
  await settled(page);
  await page.click('#pin');
  await page.selectOption('#strategy', 'stratified');
  await settled(page);
  const table = page.locator('#compare-table');
  await table.waitFor();
  const attendees = await table.locator('tbody tr')
    .filter({ has: page.locator('th', { hasText: /^Attendees$/ }) }).locator('td').allTextContents();
  assert.notEqual(attendees[0], attendees[1], 'A and B differ');
  const population = await table.locator('tbody tr').nth(0).locator('td').allTextContents();
  assert.equal(population[2], '±0');
  assert.match(await page.locator('#compare-population').innerText(), /share the population/);
  assert.match(await page.locator('.compare').innerText(), /Invitation strategy/);
  // A and B side by side on the same axes: each group has A's and B's marker, and the chart's
  // table carries the same attendee ratios as the difference table.
  for (const id of ['compare-representation', 'compare-influence']) {
    const marks = await page.locator(`#${id}-svg .point`).count();
    assert.equal(marks, 2 * 22, `${id}: two markers per group`);
    assert.match(await page.locator(`#${id}`).innerText(), /largest change is for/);
  }
  const chartRow = page.locator('#compare-representation-table tbody tr').first();
  const group = (await chartRow.locator('th').innerText()).trim();
  const [a, b] = await chartRow.locator('td').allTextContents();
  const diffRow = table.locator('tbody tr').filter({ hasText: `${group} (attendees)` });
  assert.deepEqual((await diffRow.locator('td').allTextContents()).slice(0, 2), [a, b],
    'the chart and the difference table agree');
  await page.screenshot({ path: path.join(shots, 'compare-en.png'), fullPage: true });
  await page.close();
});

test('the axe scan finds a planted violation (the harness works)', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }));
  await page.evaluate(() => { const b = document.createElement('button'); b.id = 'planted'; document.body.append(b); });
  const violations = await axeScan(page);
  assert.ok(violations.some((v) => v.startsWith('button-name')), violations.join('\n'));
  await page.close();
});

test('chart marks show a tooltip on focus', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }));
  await settled(page);
  const mark = page.locator('#ratio-chart g.point').first();
  await mark.focus();
  const tip = page.locator('#ratio-chart .tip text');
  await tip.waitFor();
  assert.equal(await tip.textContent(), await mark.getAttribute('aria-label'));
  await page.close();
});

async function axeScan(page) {
  // Evaluated through DevTools, not added as a <script>: the page's CSP blocks inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(axePath, 'utf8'));
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}

for (const lang of ['da', 'en']) {
  for (const theme of ['light', 'dark', 'projector']) {
    test(`no serious or critical axe violations: ${lang}, ${theme}`, async () => {
      const { page } = await openApp(site.browser, shareLink(site.url, { lang, strategy: 'stratified' }),
        { viewport: { width: 1280, height: 900 } });
      await page.selectOption('#theme', theme);
      await settled(page);
      // Open every data table so they are scanned too.
      await page.locator('details.data-table summary').evaluateAll((els) => els.forEach((e) => e.click()));
      await page.click('#pin');
      const violations = await axeScan(page);
      assert.deepEqual(violations, []);
      await page.locator('details.data-table summary').evaluateAll((els) => els.forEach((e) => e.click()));
      await page.screenshot({ path: path.join(shots, `main-${lang}-${theme}.png`), fullPage: true });
      await page.click('#share');
      await page.locator('#share-qr').waitFor();
      assert.deepEqual(await axeScan(page), [], 'share dialog');
      await page.screenshot({ path: path.join(shots, `share-${lang}-${theme}.png`) });
      await page.close();
    });
  }
}

test('narrow screens: screenshots in Danish', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'da', strategy: 'targeted' }),
    { viewport: { width: 390, height: 844 } });
  await settled(page);
  await page.screenshot({ path: path.join(shots, 'mobile-da.png'), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, 'no horizontal scrolling on a phone');
  await page.close();
});

test('the meeting, the vote and the years have their views', async () => {
  const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }, { cycles: 3 }));
  await settled(page);
  assert.equal(await page.locator('#influence-chart g.point').count(), 22);
  assert.equal(await page.locator('#inclusion-chart g.point').count(), 22);
  assert.ok(await page.locator('#projects-chart g.project').count() > 3);
  assert.equal(await page.locator('#cycles-chart g.mark').count(), 3 * 4);
  assert.match(await page.locator('#cycles-chart-desc').textContent(), /Over 3 years/);
  assert.match(await page.locator('#influence-chart-desc').textContent(), /reflects the wishes of .+ most/);
  await page.screenshot({ path: path.join(shots, 'views-en.png'), fullPage: true });
  // One year: the years' section goes, and the section after it keeps its own charts.
  await page.fill('#cycles', '1');
  await page.locator('#cycles').press('Enter');
  await page.waitForFunction(() => !document.querySelector('#years-section'));
  await settled(page);
  assert.equal(await page.locator('#cost-section #cost-chart').count(), 1);
  assert.equal(await page.locator('#cycles-chart').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the meeting view starts paused and steps, plays and scrubs by keyboard', async () => {
  const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }));
  await settled(page);
  // The meeting is a view of the lazily loaded bundle, opened from the sandbox.
  await page.focus('#meeting-open');
  await page.keyboard.press('Enter');
  await page.locator('#meeting-play').waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#tab-meeting').getAttribute('aria-current'), 'page');
  assert.match(await page.locator('#meeting-step-text').innerText(), /^Turn 0 of \d+$/, 'starts paused at the start');
  await page.waitForTimeout(900);
  assert.match(await page.locator('#meeting-step-text').innerText(), /^Turn 0 of/, 'still paused');
  assert.equal(await page.locator('#meeting-realistic g.member').count(), await page.locator('#meeting-ideal g.member').count(),
    'the same attendees in both formats');
  await page.focus('#meeting-step');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^Turn 1 of/.test(document.querySelector('#meeting-step-text')?.textContent ?? ''),
    null, { timeout: 5000 });
  assert.equal(await page.locator('#meeting-realistic g.speaking').count(), 1, 'one speaker at a time');
  assert.match(await page.locator('#meeting-realistic-said').innerText(), /^Seat \d+ \(.+\) (said: “.+” – |had no argument)/,
    'the turn in words');
  await page.focus('#meeting-step-slider');
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const m = (document.querySelector('#meeting-step-text')?.textContent ?? '').match(/^Turn (\d+) of (\d+)$/);
    return m && m[1] === m[2];
  }, null, { timeout: 5000 });
  const end = await page.locator('#meeting-step-text').innerText();
  const [, last] = end.match(/of (\d+)/);
  assert.equal(end, `Turn ${last} of ${last}`);
  assert.match(await page.locator('#meeting-realistic-desc').textContent(), /speaks most/);
  await page.focus('#meeting-step-slider');
  await page.keyboard.press('Home');
  await page.click('#meeting-play');
  await page.waitForFunction(() => !/^Turn 0 /.test(document.querySelector('#meeting-step-text').textContent), null, { timeout: 5000 });
  await page.click('#meeting-play');
  await page.screenshot({ path: path.join(shots, 'meeting-en.png'), fullPage: false });
  await page.locator('#meeting-view').screenshot({ path: path.join(shots, 'meeting-part-en.png') });
  assert.deepEqual(await axeScan(page), [], 'the meeting view');
  await page.click('#tab-sandbox');
  await page.waitForSelector('#meeting-open');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the view tabs switch views by keyboard and keep the scenario', async () => {
  const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'en', budget: '777000' }));
  const tabs = await page.locator('nav.view-tabs button').allTextContents();
  assert.deepEqual(tabs, ['Sandbox', 'The meeting', 'Sweeps', 'Real PB data', 'Panel selection', 'Guided tour', 'Workshop', 'Glossary', 'Brief']);
  assert.equal(await page.getAttribute('#tab-sandbox', 'aria-current'), 'page');
  await page.focus('#tab-guide');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tab-guide[aria-current="page"]');
  assert.equal(await page.locator('#tab-sandbox').getAttribute('aria-current'), null);
  assert.equal(await page.locator('#scenario-heading, #budget-slider').count(), 0, 'the sandbox is hidden');
  await page.focus('#tab-sandbox');
  await page.keyboard.press('Space');
  await page.waitForSelector('#budget-slider');
  assert.equal(await page.inputValue('#budget'), '777000', 'the scenario survives a view switch');
  assert.deepEqual(errors, []);
  await page.close();
});
