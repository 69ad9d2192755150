// Offline use in headless Chromium: after a first visit the service worker serves the built site
// with the network cut, from a sub-path of any static server (as a zipped dist/ would be); a new
// build takes over with its own cache and deletes the old one; and no request ever leaves for a
// host other than the local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dist, useSite } from './helpers.mjs';

const site = useSite();

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const PREFIX = '/some/sub/dialoglab/';
// The BUILD line the server rewrites to pretend a new build has been deployed.
let nextBuild = null;
let sub;

before(async () => {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(PREFIX)) { res.writeHead(404); res.end(); return; }
    let file = path.join(dist, decodeURIComponent(url.pathname.slice(PREFIX.length)));
    if (!file.startsWith(dist)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    let body = fs.readFileSync(file);
    if (nextBuild && path.basename(file) === 'sw.js') {
      body = Buffer.from(body.toString().replace(/^const BUILD = .*;$/m, `const BUILD = '${nextBuild}';`));
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  sub = { url: `http://127.0.0.1:${server.address().port}${PREFIX}`, close: () => new Promise((r) => server.close(r)) };
});
after(async () => {
  await sub?.close();
});

const build = () => /^const BUILD = '([0-9a-f]{16})';$/m.exec(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'))?.[1];

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30000 });
}

test('the build writes the precache list and a build hash into sw.js', () => {
  const text = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  assert.ok(build(), 'a 16-hex build hash');
  const assets = JSON.parse(/^const ASSETS = (.*);$/m.exec(text)[1]);
  const files = fs.readdirSync(dist).filter((f) => f !== 'sw.js' && !f.startsWith('.'));
  for (const f of files.filter((f) => /\.(wasm|js|css|html|svg)$/.test(f))) assert.ok(assets.includes(f), `${f} is precached`);
  assert.ok(assets.every((a) => !a.startsWith('/') && !/^[a-z]+:/.test(a)), 'relative URLs only');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /(src|href)="\/[^/]/, 'index.html refers to its files relatively');
});

test('after a first visit the site runs with the network cut, from a sub-path', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${sub.url}?lang=en`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await controlled(page);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`dialoglab-${build()}`]);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  // The app really runs: a change re-simulates, and a guide chapter reveals its run.
  await page.fill('#seed', '5');
  await page.press('#seed', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '5');
  await page.click('#tab-guide');
  await page.check('#bet-up');
  await page.click('#reveal-button');
  await page.waitForSelector('#reveal-numbers');
  // A link opened from scratch (another query) while offline is served too.
  const fresh = await context.newPage();
  await fresh.goto(`${sub.url}?view=guide&chapter=2&lang=da`);
  await fresh.waitForSelector('#chapter-2', { timeout: 30000 });
  await fresh.close();
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new build takes over and deletes the old cache', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(sub.url);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await controlled(page);
  const old = `dialoglab-${build()}`;
  assert.deepEqual(await page.evaluate(() => caches.keys()), [old]);
  nextBuild = 'feedfacefeedface';
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0] === 'dialoglab-feedfacefeedface';
    }, null, { timeout: 30000, polling: 200 });
    await page.reload();
    await page.waitForSelector('#index-attendees', { timeout: 30000 });
  } finally {
    nextBuild = null;
  }
  await context.close();
});

test('every request of a session goes to the local server', async () => {
  const context = await site.browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(`${site.url}?lang=en`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await controlled(page);
  await page.selectOption('#strategy', 'targeted');
  await page.selectOption('#lang', 'da');
  await page.click('#share');
  await page.keyboard.press('Escape');
  for (const tab of ['sweep', 'real-data', 'guide']) {
    await page.click(`#tab-${tab}`);
    await page.waitForFunction((t) => document.querySelector(`#tab-${t}`)?.getAttribute('aria-current') === 'page', tab);
  }
  await page.check('#bet-down');
  await page.click('#reveal-button');
  await page.waitForSelector('#reveal-numbers');
  await page.reload();
  await page.waitForSelector('article.chapter', { timeout: 30000 });
  const origin = new URL(site.url).origin;
  assert.ok(requests.length >= 4, `requests were recorded: ${requests.length}`);
  const foreign = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'no request to another host');
  await context.close();
});
