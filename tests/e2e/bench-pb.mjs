// Time to first result in the Real PB data view (a benchmark, not a test): a generated `.pb` file
// of about 47 MB (8 projects, short approval ballots, so that reading and parsing dominate, as in
// pb.test.mjs's near-the-limit test) is chosen in the file picker, and the clock runs until the
// view shows the file's name and counts, i.e. the Web Worker has read, parsed and studied it and
// the page has drawn the result. Also a real file (Wrocław-sized, if given) for comparison.
// Run after `trunk build --release`:  node tests/e2e/bench-pb.mjs [rounds] [FILE.pb ...]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp } from './helpers.mjs';

const rounds = Number(process.argv[2] ?? 3);
const extra = process.argv.slice(3);

/** Writes the generated file (the same shape as the browser test's) and returns its path. */
function generate(dir) {
  const projects = 8;
  const head = ['META', 'key;value', 'description;Dialoglab big-file bench', 'country;Nowhere', 'unit;Test',
    'instance;2026', `num_projects;${projects}`, 'budget;1000000', 'vote_type;approval', 'rule;greedy',
    'PROJECTS', 'project_id;cost;name'];
  for (let k = 1; k <= projects; k++) head.push(`${k};${100000 + 25000 * k};Project ${k}`);
  head.push('VOTES', 'voter_id;vote');
  const file = path.join(dir, 'near-limit.pb');
  const fd = fs.openSync(file, 'w');
  let bytes = fs.writeSync(fd, `${head.join('\n')}\n`);
  let voters = 0;
  while (bytes < 47_000_000) {
    const chunk = [];
    for (let k = 0; k < 50000; k++) {
      const v = voters + k;
      chunk.push(`${v};${(v % projects) + 1},${((v * 7 + 3) % projects) + 1}`);
    }
    voters += chunk.length;
    bytes += fs.writeSync(fd, `${chunk.join('\n')}\n`);
  }
  fs.closeSync(fd);
  return file;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dialoglab-bench-'));
const files = [generate(dir), ...extra];
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
