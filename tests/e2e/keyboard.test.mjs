// A keyboard-only journey on a 390 px phone screen: after the page loads, only Tab, Shift+Tab,
// Enter, Space, arrow keys and Escape. Every view is reached from its tab (sandbox with a
// comparison, guide with a bet and its reveal, real data, sweeps, panel, meeting, workshop) and
// scanned with axe-core; the share dialog keeps focus inside while open, its Copy button puts the
// link on the clipboard, and Escape closes it and gives focus back to the Share button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, settled, useSite } from './helpers.mjs';

const site = useSite();

const active = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}` : '';
});

/**
 * Presses Tab until the element matching `selector` has the focus: forwards when it comes after
 * the focused element in the page, backwards (Shift+Tab) when it comes before.
 */
async function tabTo(page, selector, limit = 600) {
  const where = () => page.evaluate((s) => {
    const target = document.querySelector(s);
    const focused = document.activeElement;
    if (!target) return 'missing';
    if (focused === target) return 'here';
    if (!focused || focused === document.body) return 'after';
    return focused.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING ? 'before' : 'after';
  }, selector);
  for (let k = 0; k < limit; k++) {
    const w = await where();
    if (w === 'here') return k;
    await page.keyboard.press(w === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Tab (last: ${await active(page)})`);
}

/** Tabs to `selector` and presses `key` on it. */
async function press(page, selector, key = 'Enter') {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

async function noAxe(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
}

test('every view and the share dialog work from the keyboard alone at 390 px', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.replace(/\/$/, '') });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}?v=1&lang=en`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await settled(page);

  // The sandbox: pin the run, change the strategy with the arrow keys, compare.
  await noAxe(page, 'sandbox');
  await press(page, '#pin-headline');
  await page.waitForSelector('#headline-compare');
  const strategy = await page.inputValue('#strategy');
  await tabTo(page, '#strategy');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((s) => document.querySelector('#strategy').value !== s, strategy);
  await settled(page);
  await press(page, '#go-compare');
  await page.waitForSelector('#compare-table', { state: 'attached', timeout: 30000 });
  await noAxe(page, 'sandbox with a comparison');

  // The share dialog: focus stays inside, Copy copies, Escape closes and returns focus.
  await press(page, '#share');
  await page.waitForSelector('#share-dialog[open]');
  const link = await page.inputValue('#share-link');
  await noAxe(page, 'share dialog');
  const inside = () => page.evaluate(() => document.querySelector('#share-dialog').contains(document.activeElement));
  assert.ok(await inside(), `the dialog has the focus (${await active(page)})`);
  const seen = new Set();
  for (let k = 0; k < 24; k++) {
    await page.keyboard.press(k % 6 === 5 ? 'Shift+Tab' : 'Tab');
    assert.ok(await inside(), `after ${k + 1} presses the focus is still in the dialog (${await active(page)})`);
    seen.add(await active(page));
  }
  assert.ok(seen.has('button#copy-link') && seen.has('button#close-share'), [...seen].join(' '));
  await press(page, '#copy-link');
  await page.waitForFunction(() => [...document.querySelectorAll('#share-dialog p.ok')].some((p) => p.textContent === 'Link copied.'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#share-dialog:not([open])', { state: 'attached' });
  assert.equal(await active(page), 'button#share', 'Escape gives the focus back to the Share button');

  // Every other view from its tab.
  for (const view of ['meeting', 'sweep', 'real-data', 'panel', 'workshop', 'guide']) {
    await press(page, `#tab-${view}`);
    await page.waitForFunction((v) => document.querySelector(`#tab-${v}`)?.getAttribute('aria-current') === 'page', view);
    await page.waitForSelector('#view-heading', { timeout: 30000 });
    if (view === 'guide') {
      await page.waitForSelector('article.chapter');
      await tabTo(page, '#bet-up');
      await page.keyboard.press('Space');
      assert.equal(await page.isChecked('#bet-up'), true, 'Space places the bet');
      await press(page, '#reveal-button');
      await page.waitForSelector('#reveal');
      await page.waitForSelector('#towns-verdict[data-majority]', { timeout: 60000 });
    }
    await noAxe(page, view);
  }
  // Back to the sandbox, the way it came.
  await press(page, '#tab-sandbox');
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  assert.deepEqual(errors, []);
  await context.close();
});
