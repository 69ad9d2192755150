// Performance figures (a benchmark, not a test): the 1,600-run sweep of the issue (4 strategies ×
// 20 budgets × 20 seeds on faxe-dialogue) in headless Chromium through the Web Workers, and the
// initial-load sizes of the page (the files index.html loads), which must not include the worker.
// Run after `trunk build --release`:  node tests/e2e/bench-sweep.mjs [repeats]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDist, launch, dist, settled } from './helpers.mjs';

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const loaded = [...new Set([...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*['"]?(?:\.?\/)?([\w.-]+\.(?:wasm|js|css))/g)]
  .map((m) => m[1]))];
const size = (f) => {
  const bytes = fs.readFileSync(path.join(dist, f));
  return [bytes.length, zlib.gzipSync(bytes, { level: 9 }).length];
};
let raw = 0;
let gz = 0;
console.log('Initial load (files index.html loads):');
for (const f of loaded) {
  const [r, g] = size(f);
  raw += r;
  gz += g;
  console.log(`  ${f.padEnd(44)} ${kb(r).padStart(10)} raw ${kb(g).padStart(10)} gzip`);
}
console.log(`  ${'total'.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzip   (targets: 1000 kB raw, 350 kB gzip)`);
console.log('Loaded on the first job only (the worker):');
for (const f of fs.readdirSync(dist).filter((f) => f.startsWith('dialoglab-worker'))) {
  const [r, g] = size(f);
  console.log(`  ${f.padEnd(44)} ${kb(r).padStart(10)} raw ${kb(g).padStart(10)} gzip${loaded.includes(f) ? '   (!) referenced by index.html' : ''}`);
}

const repeats = Number(process.argv[2] ?? 3);
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage();
const workers = [];
page.on('worker', (w) => workers.push(w.url()));
await page.goto(`${server.url}?v=1&lang=en&preset=faxe-dialogue`);
await page.waitForSelector('#index-attendees', { timeout: 60000 });
await settled(page);
await page.click('#tab-sweep');
await page.waitForSelector('#sweep-run');
const cores = await page.evaluate(() => navigator.hardwareConcurrency);
const times = [];
// The page's main-thread work during each sweep (Chromium's TaskDuration, seconds), which
// competes with the workers for the cores.
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const mainThread = async () => (await cdp.send('Performance.getMetrics')).metrics
  .find((m) => m.name === 'TaskDuration').value;
for (let k = 0; k < repeats; k++) {
  const busy0 = await mainThread();
  // The defaults are the sweep: budget 100,000 – 10,000,000 DKK (log, 20), four strategies, 20 seeds.
  const t0 = Date.now();
  await page.click('#sweep-run');
  await page.waitForFunction(() => !document.querySelector('.sweep-view')?.dataset.elapsedMs);
  await page.waitForFunction(() => document.querySelector('.sweep-view')?.dataset.elapsedMs,
    null, { timeout: 600000 });
  const wall = Date.now() - t0;
  const busy = (await mainThread()) - busy0;
  const r = await page.evaluate(() => ({
    elapsed: Number(document.querySelector('.sweep-view').dataset.elapsedMs),
    live: document.querySelector('#sweep-live').textContent,
    marks: document.querySelectorAll('#sweep-representativeness-attendees g.mark').length,
  }));
  times.push(r.elapsed);
  console.log(`\nRun ${k + 1}: ${r.live} (${r.marks} points drawn; ${(r.elapsed / 1000).toFixed(2)} s from Run to the last result, ${(wall / 1000).toFixed(2)} s wall clock incl. polling; main thread busy ${busy.toFixed(2)} s)`);
}
console.log(`\n1,600-run sweep in headless Chromium via ${workers.length / repeats} worker(s) per run (navigator.hardwareConcurrency = ${cores}):`);
console.log(`  best ${(Math.min(...times) / 1000).toFixed(2)} s, first ${(times[0] / 1000).toFixed(2)} s (includes loading the worker)   (target < 10 s)`);
await browser.close();
await server.close();
