// End to end in headless Chromium: the Web Worker (crates/worker) is loaded only when a job runs,
// the "× N seeds" panel and the Sweep view run in it and give the CLI's numbers, Cancel terminates
// the worker and leaves the app usable, and the page stays responsive during a job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { holdWorkers, openApp, openSections, settled, tableRows, useSite } from './helpers.mjs';

const site = useSite();
const isWorker = (url) => /dialoglab-worker/.test(url);

/**
 * Opens the app in English, recording every requested URL and every worker. With `blockSw` the
 * offline service worker is not registered (page.route cannot intercept what it serves).
 */
/** Waits (at most 5 s) for the workers' close events. */
function closed(entries) {
  return Promise.race([Promise.all(entries.map((e) => e.gone)), new Promise((r) => { setTimeout(r, 5000); })]);
}

async function open(query = '?v=1&lang=en&preset=faxe-dialogue', { blockSw = false } = {}) {
  const requests = [];
  const workers = [];
  const context = await site.browser.newContext(blockSw ? { serviceWorkers: 'block' } : {});
  const page = await context.newPage();
  // Cancel tests hold the workers' answers (window.__holdWorkers) so the job cannot finish first.
  await page.addInitScript(holdWorkers);
  page.on('close', () => { context.close().catch(() => {}); });
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => {
    const entry = { url: w.url(), closed: false };
    entry.gone = new Promise((resolve) => w.on('close', () => { entry.closed = true; resolve(); }));
    workers.push(entry);
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}${query}`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await settled(page);
  return { page, requests, workers, errors };
}

test('the worker is not part of the initial load: it is fetched for the first job, after the page is up', async () => {
  const { page, requests, workers } = await open();
  // The many-towns job runs by default once the first result is drawn, so the worker comes then:
  // after the app's own WebAssembly has finished loading, never with it.
  await page.waitForSelector('#mc-table', { timeout: 60000 });
  assert.ok(requests.some(isWorker), 'the worker was loaded for the job');
  assert.equal(workers.length, 1);
  const order = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const app = entries.filter((e) => /\.wasm$/.test(e.name) && !/dialoglab-worker/.test(e.name));
    const worker = entries.filter((e) => /dialoglab-worker/.test(e.name));
    return { app: Math.max(...app.map((e) => e.responseEnd)), worker: Math.min(...worker.map((e) => e.startTime)) };
  });
  assert.ok(order.app < order.worker, JSON.stringify(order));
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
  assert.match(await page.locator('#mc-live').textContent(), /Over 10 simulated towns/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('cancelling terminates the worker and leaves the app usable', async () => {
  const { page, workers, errors } = await open();
  await page.selectOption('#mc-seeds', '100');
  await page.check('#mc-toggle');
  await page.waitForFunction(() => Number(document.querySelector('#mc-progress')?.value) >= 1,
    null, { timeout: 60000 });
  const before = workers.length;
  await page.evaluate(() => { window.__holdWorkers = true; });
  await page.click('#mc-cancel');
  await page.evaluate(() => { window.__holdWorkers = false; });
  assert.equal(await page.locator('#mc-progress').count(), 0);
  await page.waitForFunction(() => document.querySelector('#mc-live')?.textContent.includes('cancelled'));
  const last = workers[before - 1];
  await closed([last]);
  assert.ok(last.closed, 'the worker was terminated');
  // The app still works: a new job runs in a new worker, and the controls respond.
  await page.selectOption('#mc-seeds', '10');
  await page.waitForSelector('#mc-table', { timeout: 60000 });
  assert.equal(workers.length, before + 1);
  await openSections(page);
  const funnel = await page.locator('#funnel-desc').textContent();
  await page.selectOption('#strategy', 'targeted');
  await page.waitForFunction((old) => document.querySelector('#funnel-desc')?.textContent !== old,
    funnel, { timeout: 20000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker that cannot be loaded shows a message and the app stays usable', async () => {
  const { page, errors } = await open(undefined, { blockSw: true });
  await page.route('**/dialoglab-worker*', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.selectOption('#mc-seeds', '10');
  await page.check('#mc-toggle');
  await page.waitForSelector('.monte-carlo .error', { timeout: 30000 });
  assert.match(await page.locator('.monte-carlo .error').textContent(), /background calculation failed/);
  // Once the worker can be fetched again, the next job runs.
  await page.unroute('**/dialoglab-worker*');
  await page.selectOption('#mc-seeds', '20');
  await page.waitForSelector('#mc-table', { timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});

/** Opens the Sweep view. */
async function openSweep() {
  const site_ = await open();
  await site_.page.click('#tab-sweep');
  await site_.page.waitForSelector('#sweep-run');
  return site_;
}

/** Sets up a sweep in the form: budget grid, strategies, seeds. */
async function setUp(page, { from, to, points, strategies, seeds }) {
  await page.fill('#sweep-from', String(from));
  await page.fill('#sweep-to', String(to));
  await page.fill('#sweep-points', String(points));
  await page.fill('#sweep-seeds', String(seeds));
  await page.locator('#sweep-seeds').dispatchEvent('change');
  for (const s of ['open-call', 'letters', 'stratified', 'targeted', 'associations']) {
    await page.setChecked(`#sweep-strategy-${s}`, strategies.includes(s));
  }
}

test('a sweep in the browser gives the numbers of dialoglab sweep', async () => {
  const cli = process.env.DIALOGLAB_CLI;
  assert.ok(cli, 'set DIALOGLAB_CLI to the dialoglab binary (scripts/test.sh does)');
  const { page, errors } = await openSweep();
  await setUp(page, { from: 100000, to: 1000000, points: 4, strategies: ['open-call', 'targeted'], seeds: 3 });
  await page.click('#sweep-run');
  await page.waitForFunction(() => /^Done/.test(document.querySelector('#sweep-live')?.textContent ?? ''),
    null, { timeout: 120000 });
  const rows = await tableRows(page, 'sweep-representativeness-attendees-table');
  const lines = execFileSync(cli, ['sweep', '--preset', 'faxe-dialogue', '--vary', 'budget=100000..1000000:log:4',
    '--vary', 'invitation.strategy=open-call,targeted', '--seeds', '3', '--format', 'jsonl', '--quiet'])
    .toString().trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 8);
  assert.equal(lines.length, 8);
  for (const [k, line] of lines.entries()) {
    const m = line.metrics['representativeness.attendees'];
    assert.equal(rows[k][1], line.budget.toLocaleString('en-US'), `point ${k} x`);
    assert.equal(rows[k][2], m.mean.toFixed(4), `point ${k} mean`);
    assert.equal(rows[k][3], m.ci_low.toFixed(4), `point ${k} low`);
    assert.equal(rows[k][4], m.ci_high.toFixed(4), `point ${k} high`);
    assert.equal(rows[k][5], String(m.n));
  }
  assert.equal(rows[0][0], 'Open call');
  assert.equal(rows[4][0], 'Targeted outreach to the marginalised');
  // The chart: one band and one line per strategy, one focusable mark per point.
  assert.equal(await page.locator('#sweep-representativeness-attendees path.band').count(), 2);
  assert.equal(await page.locator('#sweep-representativeness-attendees g.mark').count(), 8);
  assert.match(await page.locator('#sweep-representativeness-attendees-desc').textContent(), /Open call: /);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the page stays responsive during a sweep, and Cancel stops every worker', async () => {
  const { page, workers, errors } = await openSweep();
  await setUp(page, { from: 100000, to: 10000000, points: 20, strategies: ['open-call', 'letters', 'stratified', 'targeted'], seeds: 20 });
  await page.click('#sweep-run');
  await page.waitForFunction(() => Number(document.querySelector('#sweep-progress')?.value) >= 1,
    null, { timeout: 60000 });
  // A control responds while the workers compute: switch the language and back.
  await page.selectOption('#lang', 'da');
  await page.waitForFunction(() => document.querySelector('#sweep-run')?.textContent === 'Kør');
  const progress = await page.locator('#sweep-progress').getAttribute('value');
  assert.ok(Number(progress) < 1600, `the sweep was still running (${progress} of 1600 runs)`);
  await page.selectOption('#lang', 'en');
  await page.evaluate(() => { window.__holdWorkers = true; });
  await page.click('#sweep-cancel');
  await page.evaluate(() => { window.__holdWorkers = false; });
  assert.equal(await page.locator('#sweep-progress').count(), 0);
  assert.ok(workers.length >= 1);
  await closed(workers);
  assert.ok(workers.every((w) => w.closed), 'every worker was terminated');
  const shown = await page.locator('#sweep-representativeness-attendees g.mark').count();
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#sweep-representativeness-attendees g.mark').count(), shown,
    'no points arrive after Cancel');
  // Another run works.
  await setUp(page, { from: 100000, to: 1000000, points: 2, strategies: ['open-call'], seeds: 2 });
  await page.click('#sweep-run');
  await page.waitForFunction(() => /^Done/.test(document.querySelector('#sweep-live')?.textContent ?? ''),
    null, { timeout: 60000 });
  assert.equal(await page.locator('#sweep-representativeness-attendees g.mark').count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});
