// End to end in headless Chromium: the built site loads, runs the engine in the page, reacts to
// the strategy and the language, and its numbers equal the native CLI's report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openApp, shots, useSite } from './helpers.mjs';

const site = useSite();

const text = (page, sel) => page.locator(sel).first().innerText();

test('changing the strategy changes the charts', async () => {
  const { page, errors } = await openApp(site.browser, site.url);
  await page.selectOption('#lang', 'en');
  const before = {
    funnel: await page.locator('#funnel-desc').textContent(),
    ratio: await page.locator('#ratio-chart-desc').textContent(),
    index: await text(page, '#index-attendees'),
  };
  assert.match(before.funnel, /citizens/);
  await page.screenshot({ path: path.join(shots, 'open-call-en.png'), fullPage: true });

  await page.selectOption('#strategy', 'stratified');
  await page.waitForFunction((old) => document.querySelector('#funnel-desc')?.textContent !== old,
    before.funnel, { timeout: 20000 });
  const after = {
    funnel: await page.locator('#funnel-desc').textContent(),
    ratio: await page.locator('#ratio-chart-desc').textContent(),
    index: await text(page, '#index-attendees'),
  };
  assert.notEqual(after.funnel, before.funnel);
  assert.notEqual(after.ratio, before.ratio);
  assert.ok(Number(after.index) > Number(before.index),
    `stratified index ${after.index} should exceed open call ${before.index}`);
  // The marker count is one per group and stage.
  assert.equal(await page.locator('#ratio-chart g.point').count(), 22 * 4);
  await page.screenshot({ path: path.join(shots, 'stratified-en.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page shows the same numbers as the native CLI', async () => {
  const cli = process.env.DIALOGLAB_CLI;
  assert.ok(cli, 'set DIALOGLAB_CLI to the dialoglab binary (scripts/test.sh does)');
  const report = JSON.parse(execFileSync(cli, ['run', '--preset', 'faxe-dialogue', '--compact']).toString());
  const { page } = await openApp(site.browser, site.url);
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => /citizens/.test(document.querySelector('#funnel-desc')?.textContent ?? ''));
  const rows = await page.locator('#funnel-table tbody tr').allTextContents();
  assert.equal(rows.length, 5);
  const fmt = (n) => n.toLocaleString('en-US');
  assert.ok(rows[0].includes(fmt(report.population.size)), rows[0]);
  assert.ok(rows[1].includes(fmt(report.stages.invited.count)), rows[1]);
  assert.ok(rows[2].includes(fmt(report.stages.attendees.count)), rows[2]);
  const idx = report.stages.attendees.representativeness.index.toFixed(3);
  assert.equal(await text(page, '#index-attendees'), idx);
  await page.close();
});

test('Danish is the default and switching language changes text and number format', async () => {
  const { page } = await openApp(site.browser, site.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  const da = await page.locator('#funnel-desc').textContent();
  assert.match(da, /borgere/);
  assert.match(da, /\d+\.\d{3}/, `Danish thousands separator in: ${da}`);
  assert.match(await text(page, '#cost'), /\u00a0kr\.$/);
  await page.screenshot({ path: path.join(shots, 'open-call-da.png'), fullPage: true });
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const en = await page.locator('#funnel-desc').textContent();
  assert.match(en, /citizens/);
  assert.match(en, /\d+,\d{3}/);
  assert.match(await text(page, '#cost'), /^DKK\u00a0/);
  await page.close();
});

test('the budget slider works by keyboard and announces its value with the unit', async () => {
  const { page, errors } = await openApp(site.browser, site.url);
  await page.selectOption('#lang', 'en');
  const slider = page.locator('#budget-slider');
  await slider.focus();
  const before = await slider.getAttribute('aria-valuetext');
  for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight');
  // Ten key presses are ten state updates: wait until the slider and the number field show the
  // last one (both are rendered from the same state, so they must end up agreeing).
  const agree = await page.waitForFunction(() => {
    const text = document.querySelector('#budget-slider').getAttribute('aria-valuetext') ?? '';
    return text.replace(/^DKK\u00a0/, '').replaceAll(',', '') === document.querySelector('#budget').value;
  }, null, { timeout: 10000 }).then(() => true, () => false);
  // If they never agree, say what each showed and what the page reported (a panic stops renders).
  assert.ok(agree, JSON.stringify({
    slider: await slider.getAttribute('aria-valuetext'),
    position: await slider.inputValue(),
    field: await page.inputValue('#budget'),
    errors,
  }));
  const after = await slider.getAttribute('aria-valuetext');
  assert.notEqual(after, before);
  assert.match(after, /^DKK\u00a0[\d,]+$/);
  assert.equal(await page.inputValue('#budget'), after.replace(/^DKK\u00a0/, '').replaceAll(',', ''));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an invalid number is rejected with a message naming the field, and the run is kept', async () => {
  const { page } = await openApp(site.browser, site.url);
  await page.selectOption('#lang', 'en');
  const index = await text(page, '#index-attendees');
  await page.fill('#population', '0');
  await page.locator('#population').press('Enter');
  const alert = page.locator('[role=alert]');
  await alert.waitFor({ timeout: 5000 });
  // The field by its label, not its internal key (population.size).
  assert.match(await alert.innerText(), /^Error: Adult citizens = 0 is outside/);
  assert.doesNotMatch(await alert.innerText(), /population\.size/);
  assert.equal(await text(page, '#index-attendees'), index);
  await page.close();
});
