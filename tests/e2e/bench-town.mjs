// Frame times of the town's stage animation (a benchmark, not a test): the default preset (1,000
// figures), played through every stage several times in headless Chromium while
// requestAnimationFrame records each frame's interval. Prints percentiles, the share of frames
// that missed a refresh at 60 frames per second (over 20 ms) or two (over 33.4 ms), and the page
// thread's work (Chromium's own task, script, style and layout durations, and its long tasks over
// 50 ms), which depends less on what else the machine is doing than frame intervals do.
// Run after `trunk build --release`:  node tests/e2e/bench-town.mjs [rounds]
// (DIALOGLAB_DIST=other/dist compares another build.)
import { serveDist, launch, openApp, settled } from './helpers.mjs';

const rounds = Number(process.argv[2] ?? 3);
const server = await serveDist();
const browser = await launch();
const { page } = await openApp(browser, `${server.url}?v=1&lang=en&preset=faxe-dialogue`,
  { viewport: { width: 1280, height: 800 }, sections: 'closed' });
await settled(page);
const figures = await page.locator('#town-picture svg').getAttribute('data-figures');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const before = await metrics();
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask' });
  window.__frames = [];
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; window.__raf = requestAnimationFrame(tick); };
  window.__raf = requestAnimationFrame(tick);
});
for (let r = 0; r < rounds; r++) {
  // From the town to the wishes: five transitions of 0.9 s, one every 1.4 s.
  await page.focus('#town-picture');
  await page.keyboard.press('Home');
  await page.waitForTimeout(1000);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#town-play').getAttribute('aria-pressed') === 'false'
    && document.querySelector('section.town').dataset.step === '5', null, { timeout: 20000 });
  await page.waitForTimeout(1000);
}
const frames = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__frames.slice(1); });
const after = await metrics();
const long = await page.evaluate(() => window.__long);
const spent = (k) => (1000 * (after[k] - before[k])).toFixed(0);
const sorted = [...frames].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const over = (ms) => frames.filter((f) => f > ms).length / frames.length;
console.log(`Town animation, ${figures} figures, ${rounds} plays through 6 stages: ${frames.length} frames`);
console.log(`  frame interval p50 ${pct(50).toFixed(1)} ms, p90 ${pct(90).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
// A frame is missed when an interval is well over one display refresh (16.7 ms; the intervals
// jitter by a tenth of a millisecond round it).
console.log(`  frames over 20 ms (a refresh missed): ${(100 * over(20)).toFixed(1)}%, over 33.4 ms: ${(100 * over(33.4)).toFixed(1)}%`);
console.log(`  page thread: tasks ${spent('TaskDuration')} ms, script ${spent('ScriptDuration')} ms, style ${spent('RecalcStyleDuration')} ms, layout ${spent('LayoutDuration')} ms`);
console.log(`  long tasks (> 50 ms): ${long.length}${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ''}`);
await browser.close();
await server.close();
