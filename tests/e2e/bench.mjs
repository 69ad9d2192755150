// Performance figures (a benchmark, not a test): the size of the built site and the time from a
// budget-slider move to the re-rendered charts in headless Chromium, via the Performance API.
// Run after `trunk build --release`:  node tests/e2e/bench.mjs [moves]   (0 moves: sizes only)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDist, launch, openApp, dist, settled } from './helpers.mjs';

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
// The initial load is what index.html itself references (the sandbox bundle's wasm and JS, the
// CSS); the views bundle and the worker are fetched later, on demand, and listed apart.
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = new Set([...html.matchAll(/["'=]\.\/([^"'\s>]+\.(?:wasm|js|css))/g)].map((m) => m[1]));
const sizes = (f) => {
  const bytes = fs.readFileSync(path.join(dist, f));
  return [bytes.length, zlib.gzipSync(bytes, { level: 9 }).length];
};
const row = (name, [r, g]) => console.log(`  ${name.padEnd(44)} ${kb(r).padStart(10)} raw ${kb(g).padStart(10)} gzip`);
let raw = 0;
let gz = 0;
console.log('Initial load (what dist/index.html loads):');
for (const f of [...initial].sort()) {
  const [r, g] = sizes(f);
  raw += r;
  gz += g;
  row(f, [r, g]);
}
row('total (wasm + js + css)', [raw, gz]);
console.log('  (targets: 1000 kB raw, 350 kB gzip; kB = 1000 bytes)');
console.log('Loaded on demand (views bundle, worker):');
for (const f of fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && !initial.has(f) && f !== 'sw.js').sort()) {
  row(f, sizes(f));
}

const moves = Number(process.argv[2] ?? 20);
if (moves < 1) process.exit(0); // sizes only
const server = await serveDist();
const browser = await launch();
const { page } = await openApp(browser, `${server.url}?v=1&lang=en&preset=faxe-dialogue`);
await settled(page);
await page.waitForTimeout(300);
const times = [];
const runs = [];
for (let k = 0; k < moves; k++) {
  const step = k % 2 === 0 ? 30 : 28;
  const r = await page.evaluate(async (step) => {
    const slider = document.querySelector('#budget-slider');
    const results = document.querySelector('section.results');
    performance.clearMeasures();
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (results.getAttribute('aria-busy') === 'false') { obs.disconnect(); resolve(); }
      });
      obs.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    performance.mark('slider-moved');
    slider.value = String(step);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await done;
    // The charts are in the DOM; wait for the frame that paints them.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const m = performance.measure('slider-to-chart', 'slider-moved');
    const run = performance.getEntriesByName('dialoglab-run').at(-1)?.duration ?? NaN;
    return { total: m.duration, run };
  }, step);
  times.push(r.total);
  runs.push(r.run);
  await page.waitForTimeout(400); // isolated moves, not a drag
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
console.log(`\nBudget slider move → re-rendered charts, default preset, ${moves} isolated moves:`);
console.log(`  median ${median(times).toFixed(1)} ms, max ${max(times).toFixed(1)} ms   (target ≤ 100 ms)`);
console.log(`  of which engine run: median ${median(runs).toFixed(1)} ms, max ${max(runs).toFixed(1)} ms`);
await browser.close();
await server.close();
