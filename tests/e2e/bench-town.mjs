// Frame times of the town's stage animation (a benchmark, not a test): the default preset (1,000
// figures), played through every stage several times in headless Chromium while
// requestAnimationFrame records each frame's interval. Prints percentiles and the share of frames
// over 16.7 ms (60 frames per second) and over 33.3 ms.
// Run after `trunk build --release`:  node tests/e2e/bench-town.mjs [rounds]
import { serveDist, launch, openApp, settled } from './helpers.mjs';

const rounds = Number(process.argv[2] ?? 3);
const server = await serveDist();
const browser = await launch();
const { page } = await openApp(browser, `${server.url}?v=1&lang=en&preset=faxe-dialogue`,
  { viewport: { width: 1280, height: 800 }, sections: 'closed' });
await settled(page);
const figures = await page.locator('#town-picture svg').getAttribute('data-figures');
await page.evaluate(() => {
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
const sorted = [...frames].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const over = (ms) => frames.filter((f) => f > ms).length / frames.length;
console.log(`Town animation, ${figures} figures, ${rounds} plays through 6 stages: ${frames.length} frames`);
console.log(`  frame interval p50 ${pct(50).toFixed(1)} ms, p90 ${pct(90).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
console.log(`  frames over 16.7 ms: ${(100 * over(16.7)).toFixed(1)}%, over 33.3 ms: ${(100 * over(33.4)).toFixed(1)}%`);
await browser.close();
await server.close();
