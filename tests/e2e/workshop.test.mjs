// Workshop mode (issue 19) in headless Chromium: a link opens a chapter in it, the room's bets
// unlock the reveal, the reveal shows the chapter's number, the verdict over the simulated towns,
// how the room fared and the town; the view's link round-trips (chapter and lever); the guide
// opens a chapter in it; axe-clean in both languages and every theme. Screenshots (Danish) in
// tests/e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, shots, useSite } from './helpers.mjs';

const site = useSite();

async function open(query, options = {}) {
  const page = await site.browser.newPage(options);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${site.url}${query}`);
  await page.waitForSelector('.workshop-view', { timeout: 30000 });
  return { page, errors };
}

async function bet(page, counts) {
  for (const [key, n] of Object.entries(counts)) {
    await page.fill(`#room-bet-${key}`, String(n));
    await page.press(`#room-bet-${key}`, 'Tab');
  }
}

test('the room bets, the reveal shows the town and how the room fared', async () => {
  const { page, errors } = await open('?view=workshop&chapter=1&lang=en');
  assert.equal(await page.locator('#tab-workshop').getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('#workshop-chapter-1').getAttribute('aria-current'), 'page');
  assert.ok(await page.locator('#workshop-reveal').isDisabled(), 'no reveal before the bets');
  const fontSize = await page.locator('.workshop-question').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 24, `large type (${fontSize}px)`);
  await bet(page, { up: 9, down: 3, same: 4 });
  assert.ok(await page.locator('#workshop-reveal').isEnabled());
  await page.click('#workshop-reveal');
  await page.waitForSelector('#workshop-change');
  assert.match(await page.locator('#workshop-change').innerText(), /→/);
  assert.ok(await page.locator('.workshop-view #town-picture svg').count() === 1, 'the reveal is drawn in the town');
  await page.waitForSelector('#workshop-room', { timeout: 60000 });
  const verdict = await page.locator('#workshop-towns').innerText();
  const answer = verdict.match(/The model's answer: (.+)\.$/)[1];
  const right = { up: 9, down: 3, 'about the same': 4 }[answer];
  assert.equal(await page.locator('#workshop-room').innerText(), `${right} of 16 in the room bet right (“${answer}”).`);
  assert.ok(await page.locator('#room-bet-up').isDisabled(), 'the bets are locked after the reveal');
  await page.click('#workshop-again');
  assert.equal(await page.inputValue('#room-bet-up'), '0');
  assert.deepEqual(errors, []);
  await page.close();
});

test('workshop mode round-trips through its link, and the guide opens a chapter in it', async () => {
  const { page, errors } = await open('?view=workshop&chapter=5&lang=da');
  const options = await page.locator('#workshop-lever option').evaluateAll((os) => os.map((o) => o.value));
  const pick = options[options.length - 1];
  await page.selectOption('#workshop-lever', pick);
  await page.click('#workshop-chapter-3');
  await page.waitForFunction(() => document.querySelector('#workshop-chapter-3')?.getAttribute('aria-current') === 'page');
  assert.match(page.url(), /view=workshop&chapter=3/, 'the address follows the chapter');
  await page.click('#workshop-chapter-5');
  await page.waitForFunction(() => document.querySelector('#workshop-chapter-5')?.getAttribute('aria-current') === 'page');
  await page.selectOption('#workshop-lever', pick);
  const link = await page.inputValue('#workshop-link');
  assert.match(link, /[?&]view=workshop&chapter=5[&#]?/);
  assert.match(link, /lang=da/);
  const again = await site.browser.newPage();
  await again.goto(link);
  await again.waitForSelector('.workshop-view', { timeout: 30000 });
  assert.equal(await again.locator('#workshop-chapter-5').getAttribute('aria-current'), 'page');
  assert.equal(await again.locator('#workshop-question').innerText(), await page.locator('#workshop-question').innerText());
  assert.equal(await again.inputValue('#workshop-link'), link, 'the same link back');
  await again.close();
  // From the guide.
  await page.goto(`${site.url}?view=guide&chapter=2&lang=en`);
  await page.waitForSelector('#open-workshop', { timeout: 30000 });
  await page.click('#open-workshop');
  await page.waitForSelector('.workshop-view');
  assert.equal(await page.locator('#workshop-chapter-2').getAttribute('aria-current'), 'page');
  assert.match(page.url(), /view=workshop&chapter=2/);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const lang of ['da', 'en']) {
  for (const theme of ['light', 'dark', 'projector']) {
    test(`workshop mode is axe-clean after a reveal: ${lang}, ${theme}`, async () => {
      const { page } = await open(`?view=workshop&chapter=2&lang=${lang}`, { viewport: { width: 1280, height: 800 } });
      await page.selectOption('#theme', theme);
      await bet(page, { up: 4, down: 1, same: 2 });
      await page.click('#workshop-reveal');
      await page.waitForSelector('#workshop-room', { timeout: 60000 });
      assert.deepEqual(await axeViolations(page), []);
      if (lang === 'da' && theme === 'light') {
        await page.screenshot({ path: path.join(shots, 'workshop-da-1280.png'), fullPage: true });
      }
      await page.close();
    });
  }
}
