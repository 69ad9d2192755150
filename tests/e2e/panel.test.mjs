// The panel-selection view: the Sortition Foundation's example uploaded as two files gives every
// person 10.0% under LEXIMIN and LEGACY less to some; a bad file is named with its line, category
// and value while the last result stays; Danish throughout; a large synthetic pool (1,700 → 110,
// 7 categories) shows the column generation's progress in the worker and can be cancelled, after
// which the view runs again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openApp, root, tableRows, useSite } from './helpers.mjs';

const site = useSite();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe violations on the page (axe evaluated through DevTools: the CSP). */
async function axeScan(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(axePath, 'utf8'));
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}
const example = path.join(root, 'crates/engine/tests/data/sortition/example_small_20');

async function openView(lang) {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=${lang}`);
  await page.click('#tab-panel');
  await page.waitForSelector('#panel-run', { timeout: 30000 });
  assert.match(page.url(), /view=panel/);
  return { page, errors };
}

/** Runs the selection and waits for its result (a new measures table) or an error. */
async function run(page) {
  await page.evaluate(() => document.querySelector('#panel-measures-table')?.setAttribute('data-old', '1'));
  await page.click('#panel-run');
  await page.waitForFunction(() => {
    const t = document.querySelector('#panel-measures-table');
    return (t && !t.hasAttribute('data-old')) || document.querySelector('#panel-error');
  }, null, { timeout: 120000 });
}

/** A CSV pool of `n` people in `cats` categories of 3 features, quotas ±10% of the shares. */
function syntheticPool(n, cats, k) {
  let s = 12345;
  const rand = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  const rows = [];
  for (let i = 0; i < n; i += 1) {
    const engaged = rand() < 0.5;
    rows.push(Array.from({ length: cats }, () => (engaged && rand() < 0.5 ? 0 : Math.floor(rand() * 3))));
  }
  let categories = 'category,feature,min,max\n';
  for (let c = 0; c < cats; c += 1) {
    for (let f = 0; f < 3; f += 1) {
      const share = rows.filter((r) => r[c] === f).length / n;
      categories += `c${c},f${f},${Math.floor(share * k * 0.9)},${Math.ceil(share * k * 1.1)}\n`;
    }
  }
  const header = Array.from({ length: cats }, (_, c) => `c${c}`).join(',');
  const respondents = `${header}\n${rows.map((r) => r.map((f) => `f${f}`).join(',')).join('\n')}\n`;
  return { categories, respondents };
}

test('the example as two files: LEXIMIN gives everyone 10.0%, LEGACY leaves some far below', async () => {
  const { page, errors } = await openView('en');
  assert.equal(await page.locator('#view-heading').textContent(), 'Panel selection');
  await page.setInputFiles('#panel-categories', path.join(example, 'categories.csv'));
  await page.setInputFiles('#panel-respondents', path.join(example, 'respondents.csv'));
  await page.waitForSelector('#panel-pool');
  assert.match(await page.locator('#panel-pool').textContent(), /^200 people, 2 categories/);
  await page.fill('#panel-size', '20');
  await page.dispatchEvent('#panel-size', 'change');
  await run(page);
  const measures = await tableRows(page, 'panel-measures-table');
  assert.deepEqual(measures[0].slice(0, 1), ['Smallest chance']);
  assert.equal(measures[0][2], '10.0%', 'LEXIMIN');
  assert.ok(parseFloat(measures[0][1]) < 5, `LEGACY's smallest chance ${measures[0][1]}`);
  assert.match(await page.locator('#panel-probabilities .chart-summary').textContent(),
    /LEXIMIN gives the least likely person 10\.0%/);
  const quotas = await tableRows(page, 'panel-quotas-table');
  assert.equal(quotas.length, 4);
  for (const q of quotas) {
    const [min, max, drawn] = [Number(q[2]), Number(q[3]), Number(q[5])];
    assert.ok(min <= drawn && drawn <= max, q.join(' '));
  }
  assert.equal((await tableRows(page, 'panel-drawn-table')).length, 20);
  assert.ok((await tableRows(page, 'panel-certificate-table')).length >= 1);
  // The chart's marks are reachable by keyboard and name their value.
  const mark = page.locator('#panel-probabilities-svg g.mark').first();
  await mark.focus();
  assert.match(await mark.getAttribute('aria-label'), /%$/);
  // A file with a value its category does not have: named, and the result stays.
  await page.setInputFiles('#panel-respondents', {
    name: 'respondents.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('gender,leaning\nfemale,liberal\nwoman,liberal\n'),
  });
  await page.waitForSelector('#panel-error');
  const message = await page.locator('#panel-error').textContent();
  assert.match(message, /line 3/);
  assert.match(message, /“woman” is not a feature of category “gender”/);
  assert.match(message, /previous result is still shown/);
  assert.equal(await page.locator('#panel-run').isDisabled(), true);
  assert.equal((await tableRows(page, 'panel-measures-table'))[0][2], '10.0%');
  assert.deepEqual(errors, []);
});

test('in Danish, with the bundled example', async () => {
  const { page, errors } = await openView('da');
  assert.equal(await page.locator('#view-heading').textContent(), 'Udvælgelse af panel');
  await page.click('#panel-example');
  await run(page);
  const measures = await tableRows(page, 'panel-measures-table');
  assert.equal(measures[0][0], 'Mindste chance');
  assert.equal(measures[0][2], '10,0\u00a0%');
  assert.match(await page.locator('#panel-probabilities .chart-summary').textContent(),
    /LEXIMIN giver den mindst udvalgte 10,0\u00a0%/);
  await page.locator('details.data-table summary').evaluateAll((els) => els.forEach((e) => e.click()));
  assert.deepEqual(await axeScan(page), []);
  // Quotas that cannot be met are named in Danish.
  await page.fill('#panel-size', '300');
  await page.dispatchEvent('#panel-size', 'change');
  await run(page);
  assert.match(await page.locator('#panel-error').textContent(), /Panelet skal have mellem 1 og puljens 200 personer, ikke 300/);
  assert.deepEqual(errors, []);
});

test('a large pool shows its levels while it runs and can be cancelled', async () => {
  const { page, errors } = await openView('en');
  const pool = syntheticPool(1700, 7, 110);
  await page.setInputFiles('#panel-categories', { name: 'categories.csv', mimeType: 'text/csv', buffer: Buffer.from(pool.categories) });
  await page.setInputFiles('#panel-respondents', { name: 'respondents.csv', mimeType: 'text/csv', buffer: Buffer.from(pool.respondents) });
  await page.waitForSelector('#panel-pool');
  await page.fill('#panel-size', '110');
  await page.dispatchEvent('#panel-size', 'change');
  await page.uncheck('#panel-compare');
  await page.click('#panel-run');
  await page.waitForFunction(() => /^Level 1: .* panels tried/.test(document.querySelector('#panel-step')?.textContent ?? ''),
    null, { timeout: 120000 });
  assert.equal(await page.locator('#panel-run').isDisabled(), true);
  await page.click('#panel-cancel');
  await page.waitForFunction(() => /cancelled/.test(document.querySelector('#panel-status')?.textContent ?? ''));
  assert.equal(await page.locator('#panel-run').isDisabled(), false);
  // A fresh worker takes the next job.
  await page.click('#panel-example');
  await run(page);
  assert.equal((await tableRows(page, 'panel-measures-table'))[0][1], '10.0%');
  assert.deepEqual(errors, []);
});
