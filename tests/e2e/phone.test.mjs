// Phones (360, 390 and 414 px wide, Danish): no view is wider than the screen, with its data
// tables, the comparison, the meeting and the guide's workshop box open; "next chapter" opens at
// the chapter's top; a reveal scrolls into view. Screenshots at 390 px in
// tests/e2e/screenshots/ (not committed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openApp, settled, shots, textOutsideCharts, useSite } from './helpers.mjs';

const site = useSite();
const WIDTHS = [360, 390, 414];

/** Elements whose right edge lies beyond the screen (for the failure message). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth;
    if (wide <= width) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length)
      .filter((el) => !el.closest('.table-scroll'))
      .slice(0, 6)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}`);
    return { width, wide, culprits };
  });
}

async function noOverflow(page, what) {
  const o = await overflow(page);
  assert.equal(o, null, `${what}: ${JSON.stringify(o)}`);
}

/** Opens every data table and disclosure on the page. */
async function openAll(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
}

for (const width of WIDTHS) {
  test(`no view overflows horizontally at ${width} px`, async () => {
    const options = { viewport: { width, height: 800 }, deviceScaleFactor: 1 };
    const { page, errors } = await openApp(site.browser, `${site.url}?lang=da`, options);
    await settled(page);
    // The sandbox, with a comparison (pin A, then change the strategy) and every table open.
    await page.click('#pin-headline');
    await page.selectOption('#strategy', 'targeted');
    await settled(page);
    await openAll(page);
    await page.waitForSelector('#compare-table');
    await noOverflow(page, 'sandbox');
    // The larger chart text of a phone still fits its charts: nothing is cut at their edges.
    assert.deepEqual(await textOutsideCharts(page), [], 'sandbox charts');
    if (width === 390) await page.screenshot({ path: path.join(shots, 'phone-390-sandbox-da.png'), fullPage: true });
    for (const view of ['meeting', 'sweep', 'real-data', 'guide']) {
      await page.click(`#tab-${view}`);
      await page.waitForSelector('#view-heading', { timeout: 30000 });
      if (view === 'guide') {
        await page.waitForSelector('article.chapter');
        await page.check('#bet-up');
        await page.click('#reveal-button');
        await page.waitForSelector('#reveal');
      }
      await openAll(page);
      await noOverflow(page, view);
      assert.deepEqual(await textOutsideCharts(page), [], `${view} charts`);
      if (width === 390) await page.screenshot({ path: path.join(shots, `phone-390-${view}-da.png`), fullPage: true });
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('on a phone, »next chapter« opens at the chapter\'s top and a reveal scrolls into view', async () => {
  const page = await site.browser.newPage({ viewport: { width: 390, height: 700 } });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${site.url}?lang=da&view=guide&chapter=1`);
  await page.waitForSelector('article.chapter', { timeout: 30000 });
  await page.check('#bet-up');
  await page.click('#reveal-button');
  await page.waitForSelector('#reveal');
  await page.waitForFunction(() => {
    const r = document.querySelector('#reveal-heading').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reveal-heading');
  await page.click('#next-chapter');
  await page.waitForSelector('#chapter-2');
  await page.waitForFunction(() => {
    const r = document.querySelector('#chapter-title').getBoundingClientRect();
    return r.top > -2 && r.top < 150;
  }, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'chapter-title');
  await page.close();
});
