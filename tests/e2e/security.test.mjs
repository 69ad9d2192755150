// Static-site safety in headless Chromium: the built page carries a Content-Security-Policy that
// allows no inline script but Trunk's loader and the start-up check (by hash) and no connection
// but the site itself; using every view (with a worker job) raises no `securitypolicyviolation`
// and requests nothing from any other host; external links open with rel="noopener".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dist, useSite } from './helpers.mjs';

const site = useSite();

/** A page that records CSP violations (from the first script on) and requests to other hosts. */
async function watchedPage() {
  const page = await site.browser.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const foreign = [];
  const own = new URL(site.url).host;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.host !== own) foreign.push(r.url());
  });
  const console = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) console.push(m.text()); });
  return { page, foreign, console };
}

/** External links (another host) without rel="noopener" on the current view. */
async function unsafeLinks(page) {
  return page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .filter((a) => /^https?:/.test(a.href) && new URL(a.href).host !== location.host)
    .filter((a) => !(a.relList.contains('noopener') || a.relList.contains('noreferrer')))
    .map((a) => a.outerHTML));
}

test('the built index.html has a strict Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a CSP <meta> in index.html (scripts/csp.mjs)');
  const policy = Object.fromEntries(meta[1].split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name, values];
  }));
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  assert.deepEqual(policy['worker-src'], ["'self'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  const scripts = policy['script-src'];
  assert.ok(scripts.includes("'self'") && scripts.includes("'wasm-unsafe-eval'"), scripts.join(' '));
  assert.ok(!scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), scripts.join(' '));
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/g)].length;
  assert.equal(scripts.filter((s) => s.startsWith("'sha256-")).length, inline, 'one hash per inline script');
  for (const values of Object.values(policy)) {
    for (const v of values) assert.ok(/^'|^data:$/.test(v), `no host source in the policy: ${v}`);
  }
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before the scripts');
});

test('the policy is enforced: an injected inline script is blocked and reported (the harness works)', async () => {
  const { page } = await watchedPage();
  await page.goto(site.url);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.head.append(s);
    return window.__injected === true;
  });
  assert.equal(ran, false, 'the inline script must not run');
  await page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 5000 });
  assert.match((await page.evaluate(() => window.__violations)).join('\n'), /script-src/);
  await page.close();
});

test('every view, and a worker job, run without a CSP violation or a foreign request', async () => {
  const { page, foreign, console } = await watchedPage();
  await page.goto(`${site.url}?lang=en`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  assert.deepEqual(await unsafeLinks(page), [], 'sandbox');
  for (const view of ['sweep', 'real-data', 'guide', 'sandbox']) {
    await page.click(`#tab-${view}`);
    await page.waitForFunction((v) => document.querySelector(`#tab-${v}`)?.getAttribute('aria-current') === 'page',
      view, { timeout: 10000 });
    if (view === 'sweep') {
      // Starts the Web Worker: its script, its wasm and its messages must pass the policy too.
      await page.click('#sweep-run');
      await page.waitForFunction(() => Number(document.querySelector('#sweep-progress')?.value) >= 1
        || /^Done/.test(document.querySelector('#sweep-live')?.textContent ?? ''), null, { timeout: 60000 });
    }
    assert.deepEqual(await unsafeLinks(page), [], view);
  }
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
  assert.deepEqual(console, [], 'CSP messages on the console');
  assert.deepEqual(foreign, [], 'requests to other hosts');
  await page.close();
});
