// End to end in headless Chromium: the Sweeps, Real PB data and Guide views come in a second wasm
// bundle (dialoglab-views) that is not part of the initial load: it is fetched once, after the
// first screen is drawn (it draws the many-towns panel below it) or when one of those views first
// opens, follows the app's language, and when it cannot be loaded says so in the page's language
// while the sandbox keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { settled, useSite } from './helpers.mjs';

const site = useSite();
const isViews = (url) => /dialoglab-views/.test(url);

/**
 * Opens the app at `query`, recording every requested URL. With `blockSw` the offline service
 * worker is not registered (page.route cannot intercept what it serves).
 */
async function open(query, { blockSw = false, blockViews = false, onViews } = {}) {
  const requests = [];
  const context = await site.browser.newContext(blockSw ? { serviceWorkers: 'block' } : {});
  const page = await context.newPage();
  if (blockViews) {
    await page.route('**/dialoglab-views*', (route) => route.fulfill({ status: 404, body: 'gone' }));
  } else if (onViews) {
    await page.route('**/dialoglab-views*', async (route) => { await onViews(page); await route.continue(); });
  }
  // Closing the page closes its context; once the browser is gone that rejects, which is fine.
  page.on('close', () => { context.close().catch(() => {}); });
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}${query}`);
  return { page, requests, errors };
}

test('the views bundle is fetched once, after the first screen, and serves the views in their language', async () => {
  // Whether the first screen's numbers were drawn when each file of the views bundle was asked for.
  const drawnFirst = [];
  const { page, requests, errors } = await open('?v=1&lang=en&preset=faxe-dialogue', {
    blockSw: true,
    onViews: async (p) => drawnFirst.push(await p.locator('#index-attendees').count()),
  });
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  // The many-towns panel below the first screen is drawn by the views bundle.
  await page.waitForSelector('#many-towns-panel[data-phase="ready"] #mc-heading', { timeout: 30000 });
  assert.ok(drawnFirst.length > 0 && drawnFirst.every((n) => n === 1), `first screen before the views bundle: ${drawnFirst}`);
  await settled(page);
  await page.click('#tab-guide');
  await page.waitForSelector('article.chapter', { timeout: 30000 });
  const fetched = requests.filter(isViews).map((u) => new URL(u).pathname).sort();
  assert.deepEqual(fetched, ['/dialoglab-views.js', '/dialoglab-views_bg.wasm']);
  assert.equal(await page.locator('#view-heading').textContent(), 'Guided tour');
  // The language switch in the sandbox bundle's header reaches the views.
  await page.selectOption('#lang', 'da');
  await page.waitForFunction(() => document.querySelector('#view-heading')?.textContent === 'Guidet tur');
  // Away and back, and to another secondary view: nothing is fetched again.
  await page.click('#tab-sandbox');
  await page.waitForSelector('#index-attendees');
  assert.equal(await page.locator('#views-host').isHidden(), true, 'the views are hidden in the sandbox');
  assert.equal(await page.locator('#view-heading').count(), 0, 'and draw nothing there');
  await page.click('#tab-sweep');
  await page.waitForSelector('#sweep-run');
  await page.click('#tab-real-data');
  await page.waitForSelector('#pb-file');
  assert.equal(requests.filter(isViews).length, 2, 'the views bundle is fetched only once');
  assert.equal(await page.locator('#views-loading').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a views bundle that cannot be loaded shows a message, the sandbox keeps working, and a retry loads it', async () => {
  // Blocked from the start: the sandbox asks for the bundle right after its first screen.
  const { page, errors } = await open('?v=1&lang=en&preset=faxe-dialogue', { blockSw: true, blockViews: true });
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await page.click('#tab-sweep');
  await page.waitForSelector('#views-error', { timeout: 30000 });
  assert.match(await page.locator('#views-error').textContent(), /could not be loaded\. The sandbox still works/);
  await page.selectOption('#lang', 'da');
  await page.waitForFunction(() => /Sandkassen virker stadig/.test(document.querySelector('#views-error')?.textContent ?? ''));
  // The sandbox still runs.
  await page.click('#tab-sandbox');
  await page.waitForSelector('#index-attendees');
  assert.equal(await page.locator('#views-error').count(), 0);
  const before = await page.locator('#index-attendees').textContent();
  await page.selectOption('#strategy', 'targeted');
  await page.waitForFunction((old) => document.querySelector('#index-attendees')?.textContent !== old,
    before, { timeout: 20000 });
  // A section's charts come from the bundle: opened, it says they could not be loaded.
  await page.click('#people-section summary');
  await page.waitForSelector('#people-charts-error', { timeout: 30000 });
  assert.match(await page.locator('#people-charts-error').textContent(), /Diagrammerne kunne ikke hentes\. Resten af sandkassen virker stadig/);
  // Once the bundle can be fetched, "try again" loads it.
  await page.unroute('**/dialoglab-views*');
  await page.click('#tab-sweep');
  await page.click('#views-retry');
  await page.waitForSelector('#sweep-run', { timeout: 30000 });
  assert.equal(await page.locator('#views-error').count(), 0);
  // Back in the sandbox, an opened section draws its charts.
  await page.click('#tab-sandbox');
  await page.click('#people-section summary');
  await page.waitForSelector('#people-charts-panel[data-phase="ready"] #funnel-desc', { state: 'attached', timeout: 30000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link to a secondary view opens it directly', async () => {
  const { page, errors } = await open('?v=1&lang=en&view=real-data');
  await page.waitForSelector('#pb-file', { timeout: 30000 });
  assert.equal(await page.locator('#tab-real-data').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('#view-heading').textContent(), 'Real PB data');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the share dialog gets its QR code and files from the views bundle, fetched when it opens', async () => {
  const { page, requests, errors } = await open('?v=1&lang=en&preset=faxe-dialogue', { blockSw: true, blockViews: true });
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  // The bundle cannot be fetched: the many-towns panel says so, the first screen is all there …
  await page.waitForSelector('#many-towns-error', { timeout: 30000 });
  assert.match(await page.locator('#many-towns-error').textContent(), /could not be loaded\. The rest of the sandbox still works/);
  await settled(page);
  // … and the dialog says so (the link still there) and retries.
  await page.click('#share');
  await page.waitForSelector('#share-tools-error', { timeout: 30000 });
  assert.match(await page.locator('#share-tools-error').textContent(), /QR code and the files could not be loaded\. The link still works/);
  assert.match(await page.inputValue('#share-link'), /preset=faxe-dialogue/);
  assert.equal(await page.locator('#download-pb').count(), 0, 'no file buttons without the bundle');
  await page.unroute('**/dialoglab-views*');
  await page.click('#share-tools-retry');
  const qr = page.locator('#share-qr path');
  await qr.waitFor({ timeout: 30000 });
  assert.ok((await qr.getAttribute('d')).length > 1000, 'a QR code is drawn');
  assert.equal(await page.locator('#share-tools-error').count(), 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-pb')]);
  assert.equal(download.suggestedFilename(), 'dialoglab-simulated-vote.pb');
  assert.match(fs.readFileSync(await download.path(), 'utf8'), /^META/);
  assert.equal(await page.locator('#share-pb-status').textContent(), '');
  await page.click('#close-share');
  // The panel's "try again" draws it from the bundle now loaded.
  await page.click('#many-towns-retry');
  await page.waitForSelector('#many-towns-panel[data-phase="ready"] #mc-heading', { timeout: 30000 });
  assert.equal(await page.locator('#many-towns-error').count(), 0);
  // In Danish too; the Guide then opens without fetching the bundle again.
  await page.selectOption('#lang', 'da');
  await page.click('#share');
  await page.locator('#share-qr title').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#share-qr title').textContent(), 'QR-kode med linket');
  await page.click('#close-share');
  await page.click('#tab-guide');
  await page.waitForSelector('article.chapter', { timeout: 30000 });
  const fetched = requests.filter(isViews).map((u) => new URL(u).pathname);
  assert.equal(fetched.filter((p) => p.endsWith('.wasm')).length, 1, 'the wasm is fetched once');
  assert.deepEqual(errors, []);
  await page.close();
});
