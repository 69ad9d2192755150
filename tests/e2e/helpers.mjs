// Shared helpers for the browser end-to-end tests: serve dist/ on an ephemeral 127.0.0.1 port
// from inside the test process, and launch Debian's Chromium through playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// A built site elsewhere (e.g. an older build, for a before-and-after benchmark) with DIALOGLAB_DIST.
export const dist = process.env.DIALOGLAB_DIST ? path.resolve(process.env.DIALOGLAB_DIST) : path.join(root, 'dist');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ and resolves to { url, close }. */
export function serveDist() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no built site in ${dist}: run trunk build --release first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Launches headless Chromium with the flags that keep it quiet on a closed network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

/**
 * Opens the app and waits until the first report is drawn. The detailed result sections open
 * (as a reader who wants the charts would open them), unless `options.sections` is 'closed'.
 */
export async function openApp(browser, url, options = {}) {
  const { sections, ...pageOptions } = options;
  const page = await browser.newPage(pageOptions);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  if (sections !== 'closed') await openSections(page);
  return { page, errors };
}

/**
 * Opens every detailed result section (`details.finding`) and waits for their charts, which the
 * views bundle draws into each section once it is opened.
 */
export async function openSections(page) {
  await page.evaluate(() => document.querySelectorAll('details.finding').forEach((d) => { d.open = true; }));
  await page.waitForFunction(() => [...document.querySelectorAll('details.finding')]
    .every((d) => d.querySelector('.lazy-panel[data-phase="ready"]')), null, { timeout: 30000 });
}

/** Serious and critical axe-core violations on the page, as short lines. */
export async function axeViolations(page) {
  const axePath = path.join(root, 'node_modules/axe-core/axe.min.js');
  // Evaluated through DevTools, not added as a <script>: the page's CSP blocks inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(axePath, 'utf8'));
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}

/** Directory for screenshots that people look at (not committed). */
export const shots = path.join(root, 'tests/e2e/screenshots');

/** A v1 share link for the given query knobs and fragment object. */
export function shareLink(base, query, fragment) {
  const q = new URLSearchParams({ v: '1', ...query }).toString();
  const f = fragment ? `#s=${Buffer.from(JSON.stringify(fragment)).toString('base64url')}` : '';
  return `${base}?${q}${f}`;
}

/** Waits until the results belong to the current scenario (the run after the last change). */
export async function settled(page) {
  await page.waitForFunction(() => document.querySelector('section.results')?.getAttribute('aria-busy') === 'false',
    null, { timeout: 30000 });
}

/** The numbers in a row of a data table, as text cells. */
export async function tableRows(page, id) {
  return page.locator(`#${id} tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

/**
 * Registers the file's before/after hooks: serve dist/ and launch Chromium once for all its
 * tests, and close both afterwards. Returns live accessors: `site.url`, `site.browser`.
 */
export function useSite() {
  let server;
  let browser;
  before(async () => {
    server = await serveDist();
    browser = await launch();
    fs.mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() { return server.url; },
    get browser() { return browser; },
  };
}

/**
 * An init script (`page.addInitScript(holdWorkers)`) that lets a test hold the answers of the
 * page's Web Workers: while `window.__holdWorkers` is true, every message a worker sends is kept
 * from the page, so a job cannot finish before the test lets it (the answers of a worker
 * terminated meanwhile are dropped). Used to cancel jobs that cannot win the race.
 */
export function holdWorkers() {
  const Original = window.Worker;
  window.Worker = class extends Original {
    set onmessage(handler) {
      super.onmessage = (event) => {
        if (window.__holdWorkers) return;
        handler(event);
      };
    }

    get onmessage() { return super.onmessage; }
  };
}

/**
 * Writes a `.pb` file of at least `bytes` bytes into `dir` (8 projects, short approval ballots, so
 * that reading and parsing dominate) and returns its path, byte size and number of voters. Used by
 * the near-the-limit test and the Real PB data view's benchmark.
 */
export function writeBigPb(dir, bytes = 47_000_000, name = 'near-limit.pb') {
  const projects = 8;
  const head = ['META', 'key;value', 'description;Dialoglab big-file test', 'country;Nowhere', 'unit;Test',
    'instance;2026', `num_projects;${projects}`, 'budget;1000000', 'vote_type;approval', 'rule;greedy',
    'PROJECTS', 'project_id;cost;name'];
  for (let k = 1; k <= projects; k++) head.push(`${k};${100000 + 25000 * k};Project ${k}`);
  head.push('VOTES', 'voter_id;vote');
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  let written = fs.writeSync(fd, `${head.join('\n')}\n`);
  let voters = 0;
  while (written < bytes) {
    const chunk = [];
    for (let k = 0; k < 50000; k++) {
      const v = voters + k;
      chunk.push(`${v};${(v % projects) + 1},${((v * 7 + 3) % projects) + 1}`);
    }
    voters += chunk.length;
    written += fs.writeSync(fd, `${chunk.join('\n')}\n`);
  }
  fs.closeSync(fd);
  return { file, bytes: written, voters, projects };
}

/**
 * The texts of the visible charts on the page (`selector` narrows them) that reach outside their
 * chart's drawing, and so are cut at its edges on screen, as `chart id: text`.
 */
export function textOutsideCharts(page, selector = 'svg[viewBox]') {
  return page.evaluate((sel) => {
    const out = [];
    for (const svg of document.querySelectorAll(sel)) {
      const box = svg.viewBox.baseVal;
      if (!box || box.width === 0 || svg.getBoundingClientRect().width === 0) continue;
      for (const t of svg.querySelectorAll('text')) {
        if (getComputedStyle(t).display === 'none' || t.closest('.tip')) continue;
        const b = t.getBBox();
        if (b.width === 0) continue;
        if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5
          || b.y < box.y - 0.5 || b.y + b.height > box.y + box.height + 0.5) {
          out.push(`${svg.id}: ${t.textContent}`);
        }
      }
    }
    return out;
  }, selector);
}
