// End to end in headless Chromium: the Web Worker (crates/worker) is loaded only when a job runs,
// the "× N seeds" panel and the Sweep view run in it and give the CLI's numbers, Cancel terminates
// the worker and leaves the app usable, and the page stays responsive during a job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openApp, settled, tableRows, useSite } from './helpers.mjs';

const site = useSite();
const isWorker = (url) => /dialoglab-worker/.test(url);

/** Opens the app in English, recording every requested URL and every worker. */
async function open(query = '?v=1&lang=en&preset=faxe-dialogue') {
  const requests = [];
  const workers = [];
  const page = await site.browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => {
    const entry = { url: w.url(), closed: false };
    w.on('close', () => { entry.closed = true; });
    workers.push(entry);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}${query}`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await settled(page);
  return { page, requests, workers, errors };
}

test('the worker is not requested at page load, only on the first job', async () => {
  const { page, requests, workers } = await open();
  await page.waitForTimeout(500);
  assert.deepEqual(requests.filter(isWorker), [], 'worker files requested at page load');
  assert.equal(workers.length, 0);
  await page.selectOption('#mc-seeds', '10');
  await page.check('#mc-toggle');
  await page.waitForSelector('#mc-table', { timeout: 60000 });
  assert.ok(requests.some(isWorker), 'the worker was loaded for the job');
  assert.equal(workers.length, 1);
  await page.close();
});

test('× N seeds: the intervals are those of the CLI runs with consecutive seeds', async () => {
  const cli = process.env.DIALOGLAB_CLI;
  assert.ok(cli, 'set DIALOGLAB_CLI to the dialoglab binary (scripts/test.sh does)');
  const { page, errors } = await open();
  await page.selectOption('#mc-seeds', '10');
  await page.check('#mc-toggle');
  await page.waitForSelector('#mc-table', { timeout: 60000 });
  const rows = await tableRows(page, 'mc-table');
  const index = rows.find((r) => r[0].startsWith('Representativeness index – attendees'));
  assert.ok(index, JSON.stringify(rows));
  // "This run" is the page's own run, and seed index 0 of the job.
  assert.equal(index[1], await page.locator('#index-attendees').innerText());
  const seed = JSON.parse(execFileSync(cli, ['scenario', '--preset', 'faxe-dialogue', '--compact'])).seed;
  const values = [];
  for (let k = 0; k < 10; k++) {
    const report = JSON.parse(execFileSync(cli,
      ['run', '--preset', 'faxe-dialogue', '--seed', String(seed + k), '--compact']).toString());
    values.push(report.stages.attendees.representativeness.index);
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  assert.equal(index[2], mean.toFixed(3), `mean of ${values}`);
  const [lo, hi] = index[3].split(' – ').map(Number);
  assert.ok(lo <= mean && mean <= hi && lo < hi, index[3]);
  assert.match(await page.locator('#mc-live').textContent(), /Over 10 seeds/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('cancelling terminates the worker and leaves the app usable', async () => {
  const { page, workers, errors } = await open();
  await page.selectOption('#mc-seeds', '100');
  await page.check('#mc-toggle');
  await page.waitForFunction(() => Number(document.querySelector('#mc-progress')?.value) >= 1,
    null, { timeout: 60000 });
  await page.click('#mc-cancel');
  assert.equal(await page.locator('#mc-progress').count(), 0);
  await page.waitForFunction(() => document.querySelector('#mc-live')?.textContent.includes('cancelled'));
  assert.equal(workers.length, 1);
  for (let k = 0; k < 50 && !workers[0].closed; k++) await page.waitForTimeout(100);
  assert.ok(workers[0].closed, 'the worker was terminated');
  // The app still works: a new job runs in a new worker, and the controls respond.
  await page.selectOption('#mc-seeds', '10');
  await page.waitForSelector('#mc-table', { timeout: 60000 });
  assert.equal(workers.length, 2);
  const before = await page.locator('#funnel-desc').textContent();
  await page.selectOption('#strategy', 'targeted');
  await page.waitForFunction((old) => document.querySelector('#funnel-desc')?.textContent !== old,
    before, { timeout: 20000 });
  assert.deepEqual(errors, []);
  await page.close();
});
