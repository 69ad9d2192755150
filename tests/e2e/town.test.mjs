// The town (issue 19) in headless Chromium: its figures per stage equal the report's counts (every
// citizen of a small town; every attendee and speaker of a large one), it pauses and steps by
// keyboard, reduced motion shows each stage's end state, it is axe-clean in both languages and
// every theme, the first screen holds the town and the three numbers at 1280×800 and 390 px, and on
// a phone the results are a few keystrokes away. Screenshots (Danish) in tests/e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, openApp, openSections, settled, shareLink, shots, tableRows, useSite } from './helpers.mjs';

const site = useSite();
const STAGES = ['town', 'invited', 'came', 'spoke', 'voted', 'funded'];

/** The funnel's counts as the report gives them: population, invited, attendees, speakers, voters. */
async function funnel(page) {
  const rows = await tableRows(page, 'funnel-table');
  return rows.map((r) => Number(r[1].replace(/[^0-9]/g, '')));
}

async function goToStage(page, k) {
  await page.focus('#town-picture');
  await page.keyboard.press('Home');
  for (let i = 0; i < k; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((k) => document.querySelector('section.town').dataset.step === String(k), k);
}

const lit = (page) => page.locator('#town-picture svg').getAttribute('data-lit').then(Number);

// Two animation frames after now, where the opaque pixels of the figures' canvas are (the
// figures the stage concerns; the others are dimmed to 0.16): inside the hall's box or outside it.
const opaqueByHall = async () => {
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const canvas = document.querySelector('#town-picture canvas.town-figures');
  const s = canvas.width / 640;
  const [hx, hy, hw, hh] = [470, 34, 164, 258].map((v) => v * s);
  const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let inside = 0; let outside = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[4 * (y * width + x) + 3] < 200) continue;
      if (x >= hx - 1 && x <= hx + hw + 1 && y >= hy - 1 && y <= hy + hh + 1) inside++; else outside++;
    }
  }
  return { inside, outside };
};

test('a small town shows every citizen, and the lit figures per stage are the report\'s counts', async () => {
  const { page, errors } = await openApp(site.browser,
    shareLink(site.url, { lang: 'en', size: '800', strategy: 'letters' }, { invitation: { letters: 300 } }));
  await settled(page);
  const [population, invited, attendees, speakers, voters] = await funnel(page);
  assert.equal(population, 800);
  assert.equal(Number(await page.locator('#town-picture svg').getAttribute('data-figures')), 800, 'everyone is drawn');
  const expected = { town: population, invited, came: attendees, spoke: speakers, voted: voters };
  for (const [k, stage] of STAGES.entries()) {
    if (!(stage in expected)) continue;
    await goToStage(page, k);
    assert.equal(await lit(page), expected[stage], stage);
  }
  assert.match(await page.locator('#town-sentence').innerText(), new RegExp(`^${voters} of 800 voted`));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a large town shows every attendee and speaker among its 1,000 figures', async () => {
  const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'da' }));
  await settled(page);
  const [population, , attendees, speakers] = await funnel(page);
  assert.equal(population, 29500);
  assert.equal(Number(await page.locator('#town-picture svg').getAttribute('data-figures')), 1000);
  await goToStage(page, 2);
  assert.equal(await lit(page), attendees);
  assert.equal(Number((await page.locator('#came').innerText()).replace(/\D/g, '')), attendees);
  assert.match(await page.locator('#town-sentence').innerText(), new RegExp(`^${attendees.toLocaleString('da-DK')} af 29\\.500 kom`));
  await goToStage(page, 3);
  assert.equal(await lit(page), speakers);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the town pauses, plays and steps by keyboard', async () => {
  const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }));
  await settled(page);
  const step = () => page.locator('section.town').getAttribute('data-step').then(Number);
  // After a key press, wait for the picture to reach the step rather than read it at once.
  const stepIs = (n) => page.waitForFunction((n) => document.querySelector('section.town')?.dataset.step === String(n),
    n, { timeout: 5000 });
  assert.equal(await step(), 2, 'opens paused on who came');
  await page.waitForTimeout(1600);
  assert.equal(await step(), 2, 'nothing moves until asked');
  await page.focus('#town-picture');
  await page.keyboard.press('ArrowRight');
  await stepIs(3);
  assert.equal(await page.locator('#town-step-name').innerText(), 'Spoke');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await stepIs(1);
  assert.match(await page.locator('#town-sentence').innerText(), /were invited or heard of the meeting/);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#town-play').getAttribute('aria-pressed') === 'true');
  await page.waitForFunction(() => document.querySelector('section.town').dataset.step === '2', null, { timeout: 4000 });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#town-play').getAttribute('aria-pressed') === 'false');
  const paused = await step();
  await page.waitForTimeout(1800);
  assert.equal(await step(), paused, 'paused stays put');
  await page.keyboard.press('End');
  await stepIs(5);
  // The slider and the buttons are native controls.
  await page.focus('#town-step');
  await page.keyboard.press('Home');
  await stepIs(0);
  await page.focus('#town-next');
  await page.keyboard.press('Enter');
  await stepIs(1);
  // Colour and shape follow the picked attribute.
  await page.selectOption('#town-key', 'children');
  // The legend is redrawn after the change event: wait for it rather than read it at once.
  await page.waitForFunction(() => document.querySelectorAll('.town-legend li').length === 2, null, { timeout: 5000 });
  assert.equal(await page.locator('.town-legend li').count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a change replays from the stage it affects; reduced motion shows each end state at once', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }));
  await settled(page);
  const step = () => page.locator('section.town').getAttribute('data-step').then(Number);
  // With motion, figures walk: choosing "came" animates a move (the canvas counts them), and
  // when it is over every attendee stands in the hall (the reduced-motion page below never moves).
  const canvas = page.locator('#town-picture canvas.town-figures');
  await goToStage(page, 1);
  await page.waitForFunction(() => document.querySelector('#town-picture canvas').dataset.moving === 'false');
  const moves = Number(await canvas.getAttribute('data-moves'));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('section.town').dataset.step === '2');
  await page.waitForFunction((m) => Number(document.querySelector('#town-picture canvas').dataset.moves) > m, moves);
  await page.waitForFunction(() => document.querySelector('#town-picture canvas').dataset.moving === 'false');
  const arrived = await page.evaluate(opaqueByHall);
  assert.ok(arrived.inside > 0 && arrived.outside === 0, `the attendees walked to the hall (${JSON.stringify(arrived)})`);
  await goToStage(page, 5);
  // The budget is what is at stake, which moves who comes: the picture goes back to the stage
  // before and plays forward to where it was.
  await page.fill('#budget', '400000');
  await page.press('#budget', 'Enter');
  await page.waitForFunction(() => document.querySelector('section.town').dataset.step === '1', null, { timeout: 10000 });
  assert.equal(await page.locator('#town-play').getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('section.town').dataset.step === '5', null, { timeout: 10000 });
  await page.close();

  const reduced = await site.browser.newContext({ reducedMotion: 'reduce' });
  const rp = await reduced.newPage();
  await rp.goto(shareLink(site.url, { lang: 'en' }));
  await rp.waitForSelector('#index-attendees', { timeout: 30000 });
  await settled(rp);
  assert.equal(await rp.locator('#town-picture canvas.town-figures').getAttribute('data-motion'), 'still');
  // At once, each figure stands where its stage puts it: at "came", every opaque pixel of the
  // figures' canvas (the attendees; the others are dimmed to 0.16) is inside the hall, two frames
  // after the stage changed (a move takes 0.9 s, so moving figures would still be on their way).
  await goToStage(rp, 2);
  const inHall = await rp.evaluate(opaqueByHall);
  assert.ok(inHall.inside > 0 && inHall.outside === 0, `every attendee is in the hall straight away (${JSON.stringify(inHall)})`);
  assert.equal(await rp.locator('#town-picture canvas.town-figures').getAttribute('data-moves'), '0', 'nothing was animated');
  const before = await rp.locator('section.town').getAttribute('data-step');
  await rp.fill('#budget', '400000');
  await rp.press('#budget', 'Enter');
  await settled(rp);
  await rp.waitForTimeout(300);
  assert.equal(await rp.locator('section.town').getAttribute('data-step'), before, 'no replay under reduced motion');
  await reduced.close();
});

for (const lang of ['da', 'en']) {
  for (const theme of ['light', 'dark', 'projector']) {
    test(`the first screen and its sections are axe-clean: ${lang}, ${theme}`, async () => {
      const { page } = await openApp(site.browser, shareLink(site.url, { lang }),
        { viewport: { width: 1280, height: 800 }, sections: 'closed' });
      await page.selectOption('#theme', theme);
      await settled(page);
      assert.deepEqual(await axeViolations(page), [], 'closed');
      await openSections(page);
      await goToStage(page, 1);
      assert.deepEqual(await axeViolations(page), [], 'open, invited stage');
      await page.close();
    });
  }
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`the first screen at ${width}×${height} holds the town and the three numbers`, async () => {
    const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'da' }),
      { viewport: { width, height }, sections: 'closed' });
    await settled(page);
    // A change, so "what the last change did" shows.
    await page.fill('#budget', '300000');
    await page.press('#budget', 'Enter');
    await page.waitForSelector('#last-change');
    // Back to the top of the page, as a visitor who just opened it.
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    if (width < 500) {
      // Phone: the skip link to the results (the page's first Tab stop; the keystrokes from a
      // fresh page are tested below), then the first screen is what is visible.
      await page.focus('.skip-link');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
      // A smooth scroll, unless reduced motion is asked for: wait until the page stops moving.
      await page.waitForFunction(() => new Promise((resolve) => {
        const y = window.scrollY;
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === y)));
      }), null, { timeout: 5000 });
    }
    const box = async (sel) => page.locator(sel).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    for (const sel of ['#came', '#mirror-attendees', '#cost', '#last-change', '#town-picture svg']) {
      const b = await box(sel);
      assert.ok(b.top >= 0 && b.top < height, `${sel} starts on the first screen (${b.top})`);
    }
    if (width > 1000) {
      const b = await box('#town-picture svg');
      assert.ok(b.bottom <= height, `the whole town is on the first screen (${b.bottom})`);
    }
    assert.match(await page.locator('#last-change').innerText(), /^Sidste ændring: .+ til mødet; spejlet .+ point; omkostning ±0$/);
    assert.match(await page.locator('#mirror-attendees').innerText(), /^\d{1,3}$/);
    await page.screenshot({ path: path.join(shots, `town-first-screen-da-${width}.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('the figures are redrawn at the canvas\'s new size when the window narrows', async () => {
  const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'en' }),
    { viewport: { width: 1280, height: 800 }, sections: 'closed' });
  await settled(page);
  // The canvas is sized in device pixels to its box; a narrower window makes a smaller box.
  const sized = () => page.waitForFunction(() => {
    const c = document.querySelector('#town-picture canvas.town-figures');
    return c.width === Math.round(c.clientWidth * devicePixelRatio) && c.width > 0;
  }, null, { timeout: 5000 });
  await sized();
  const wide = await page.locator('#town-picture canvas.town-figures').evaluate((c) => c.width);
  await page.setViewportSize({ width: 390, height: 844 });
  await sized();
  const narrow = await page.locator('#town-picture canvas.town-figures').evaluate((c) => c.width);
  assert.ok(narrow < wide, `${narrow} < ${wide}`);
  // And drawn: some of its pixels are the figures'.
  const drawn = await page.evaluate(opaqueByHall);
  assert.ok(drawn.inside + drawn.outside > 0, JSON.stringify(drawn));
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone the results come first and are two keystrokes away', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'da' }),
    { viewport: { width: 390, height: 844 }, sections: 'closed' });
  const order = await page.evaluate(() => {
    const r = document.querySelector('#results-heading').getBoundingClientRect().top;
    const s = document.querySelector('#scenario-heading').getBoundingClientRect().top;
    return r < s;
  });
  assert.ok(order, 'the results are above the form');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'results-heading');
  // And back to the settings in one link.
  await page.click('.to-settings');
  await page.waitForFunction(() => document.activeElement?.id === 'scenario-heading');
  await page.close();
});
