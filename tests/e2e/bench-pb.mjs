// Time to first result in the Real PB data view (a benchmark, not a test): a generated `.pb` file
// of about 47 MB (8 projects, short approval ballots, so that reading and parsing dominate, as in
// pb.test.mjs's near-the-limit test) is chosen in the file picker, and the clock runs until the
// view shows the file's name and counts, i.e. the Web Worker has read, parsed and studied it and
// the page has drawn the result. Also a real file (Wrocław-sized, if given) for comparison.
// Run after `trunk build --release`:  node tests/e2e/bench-pb.mjs [rounds] [FILE.pb ...]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, writeBigPb } from './helpers.mjs';

const rounds = Number(process.argv[2] ?? 3);
const extra = process.argv.slice(3);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dialoglab-bench-'));
const files = [writeBigPb(dir).file, ...extra];
const server = await serveDist();
const browser = await launch();
for (const file of files) {
  const name = path.basename(file);
  const mb = fs.statSync(file).size / 1e6;
  const times = [];
  for (let r = 0; r < rounds; r++) {
    // A fresh page each round, so the worker starts as a user's would (its wasm is cached).
    const { page } = await openApp(browser, `${server.url}?v=1&lang=en`);
    await page.click('#tab-real-data');
    await page.waitForSelector('#pb-file', { state: 'attached' });
    const start = Date.now();
    await page.setInputFiles('#pb-file', file);
    await page.waitForFunction((n) => document.querySelector('#pb-file-name')?.textContent === n
      || document.querySelector('#pb-error') !== null, name, { timeout: 300000 });
    times.push(Date.now() - start);
    if (await page.locator('#pb-error').count()) throw new Error(`${name}: ${await page.locator('#pb-error').innerText()}`);
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${name} (${mb.toFixed(1)} MB): time to first result ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} (best ${(times[0] / 1000).toFixed(2)} s)`);
}
await browser.close();
await server.close();
fs.rmSync(dir, { recursive: true, force: true });
