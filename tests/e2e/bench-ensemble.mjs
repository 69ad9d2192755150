// The ensemble in the browser (a benchmark, not a test): the Web Worker the app uses
// (dialoglab-worker, opt-level 3) runs the robustness job of one headline finding over an
// ensemble of SAMPLES parameter sets × SEEDS seeds of faxe-dialogue, the job the page's
// "How sure are the findings?" panel sends, in headless Chromium. Prints the wall time from
// posting the job to its result, with the native CLI's time for the same ensemble beside it
// (`dialoglab sensitivity --method ensemble --finding NAME`, two threads) when DIALOGLAB_CLI names
// a release build. A finding runs both of its scenarios, so 200 × 10 is 4,000 runs.
// Run after `trunk build --release`:
//   DIALOGLAB_CLI=target/release/dialoglab node tests/e2e/bench-ensemble.mjs [SAMPLES] [SEEDS] [FINDING] [WORKERS]
// With WORKERS > 1 the seeds are dealt out over that many workers (each runs every member with
// its share of the seeds), as the page does with sweeps; the finding's tally is then theirs summed.
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openApp } from './helpers.mjs';

const samples = Number(process.argv[2] ?? 200);
const seeds = Number(process.argv[3] ?? 10);
const finding = process.argv[4] ?? 'targeted-outreach';
const workers = Number(process.argv[5] ?? 1);
const cli = process.env.DIALOGLAB_CLI;
if (!cli) throw new Error('DIALOGLAB_CLI must name the dialoglab binary (for the base scenario)');
const base = JSON.parse(execFileSync(cli, ['scenario', '--preset', 'faxe-dialogue'], { encoding: 'utf8' }));

const server = await serveDist();
const browser = await launch();
const { page } = await openApp(browser, `${server.url}?v=1&lang=en`, { viewport: { width: 1280, height: 800 } });
const result = await page.evaluate(async ({ base, samples, seeds, finding, workers }) => {
  const start = (k) => new Promise((resolve, reject) => {
    const w = new Worker('./dialoglab-worker_loader.js');
    const share = Math.floor(seeds / workers) + (k < seeds % workers ? 1 : 0);
    const first = base.seed + [...Array(k).keys()].reduce((a, j) => a + Math.floor(seeds / workers) + (j < seeds % workers ? 1 : 0), 0);
    const spec = { base, findings: [finding], samples, seeds: share, first_seed: first, design_seed: 1 };
    let t0 = 0;
    w.onmessage = (e) => {
      const r = JSON.parse(e.data);
      if ('ready' === r.message) {
        t0 = performance.now();
        w.postMessage(JSON.stringify({ id: 1, job: { robustness: { spec } } }));
      } else if (r.message.done) {
        resolve({ ms: performance.now() - t0, done: r.message.done });
        w.terminate();
      } else if (r.message.error) {
        reject(new Error(r.message.error.message));
        w.terminate();
      }
    };
    w.onerror = (e) => reject(new Error(e.message));
  });
  const t = performance.now();
  const parts = await Promise.all([...Array(workers).keys()].map(start));
  return { wall: performance.now() - t, parts };
}, { base, samples, seeds, finding, workers });
await browser.close();
await server.close();

const load = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`Ensemble of ${samples} parameter sets × ${seeds} seeds, finding ${finding}, in ${workers} Web Worker(s), headless Chromium (load ${load}):`);
console.log(`  ${(result.wall / 1000).toFixed(2)} s wall (each worker's job: ${result.parts.map((p) => (p.ms / 1000).toFixed(2)).join(', ')} s)`);
const held = result.parts.map((p) => JSON.stringify(p.done).match(/"holds":(\d+)/)?.[1]).join(' + ');
console.log(`  members in which the finding holds: ${held}`);
if (process.env.BENCH_NATIVE !== '0') {
  const t = process.hrtime.bigint();
  execFileSync(cli, ['sensitivity', '--method', 'ensemble', '--samples', String(samples), '--seeds', String(seeds),
    '--finding', finding, '--threads', '2', '--out', '/dev/null'], { stdio: ['ignore', 'ignore', 'ignore'] });
  console.log(`  native CLI, 2 threads: ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(2)} s wall`);
}
