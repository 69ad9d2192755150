// The scenario panel's controls for the newer model parts, in Danish and by keyboard only: the
// meeting's update rule and the arguments, the decision channel and who carries the projects
// out, and the panel selection (LEXIMIN is computed in the panel view, which the sandbox says and
// links to). Each change reruns the model (the results change) and travels in the page's link;
// the cost rates show their sources; axe finds nothing serious on the panel. The guide's verdict
// over 20 towns comes from the Web Worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openApp, settled, useSite } from './helpers.mjs';

const site = useSite();

/** The scenario fields the page's address carries (the query knobs and the `#s=` fragment). */
async function linked(page) {
  return page.evaluate(() => {
    const hash = location.hash.startsWith('#s=') ? location.hash.slice(3) : '';
    if (!hash) return {};
    const b64 = hash.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  });
}

/** The value at a dotted path of the link's scenario fields. */
const at = (tree, path) => path.split('.').reduce((node, key) => node?.[key], tree);

/** The run's results as text, without the many-towns panel (which has its own job and timing). */
async function results(page) {
  await settled(page);
  return page.evaluate(() => {
    const copy = document.querySelector('section.results').cloneNode(true);
    copy.querySelectorAll('.monte-carlo, #live-summary, #last-change').forEach((e) => e.remove());
    return copy.textContent;
  });
}

/**
 * Focuses `selector` and presses `key` `times` times, as a keyboard user would; the control keeps
 * the focus throughout, also when the change shows or hides other controls beside it.
 */
async function press(page, selector, key, times = 1) {
  await page.focus(selector);
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
  assert.equal(await page.evaluate(() => document.activeElement?.id), selector.slice(1), `${selector} lost the focus`);
}

/** The link's query knobs (src/url.rs KNOBS) by scenario path. */
const KNOBS = { 'invitation.strategy': 'strategy', budget: 'budget', 'population.size': 'size', seed: 'seed' };

/** Waits until the link carries `value` at `path` (a query knob, or in the `#s=` fragment). */
async function carries(page, path, value) {
  if (KNOBS[path]) {
    await page.waitForFunction(([k, v]) => new URLSearchParams(location.search).get(k) === String(v),
      [KNOBS[path], value], { timeout: 15000 });
    return;
  }
  await page.waitForFunction(([p, v]) => {
    const hash = location.hash.startsWith('#s=') ? location.hash.slice(3) : '';
    if (!hash) return false;
    const b64 = hash.replace(/-/g, '+').replace(/_/g, '/');
    const tree = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))));
    const got = p.split('.').reduce((node, key) => node?.[key], tree);
    return JSON.stringify(got) === JSON.stringify(v);
  }, [path, value], { timeout: 15000 });
  assert.deepEqual(at(await linked(page), path), value, path);
}

test('the new controls change the run and the link, by keyboard, in Danish', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?lang=da`);
  let before = await results(page);
  // One step: a key on a control; the results must differ and the link must carry the value.
  const step = async (selector, key, times, path, value) => {
    await press(page, selector, key, times);
    await carries(page, path, value);
    const now = await results(page);
    assert.ok(now !== before, `${selector}: the results did not change`);
    assert.equal(await page.locator('.panel .error').count(), 0, `${selector}: an error`);
    before = now;
  };

  // The meeting's update rule, under its Danish label and help line with a glossary link.
  assert.equal(await page.locator('label[for="meeting-update"]').innerText(), 'Sådan skifter man mening ved bordet');
  assert.match(await page.locator('#meeting-update-help').innerText(), /argument/);
  assert.equal(await page.locator('#meeting-update-help .term-link').getAttribute('data-term'), 'arguments');
  assert.equal(await page.locator('#confidence-bound').isVisible(), false, 'no bound while arguments are exchanged');
  await step('#meeting-update', 'ArrowDown', 2, 'meeting.update', 'averaging');
  assert.equal(await page.locator('#know-base').isVisible(), false, 'no arguments under averaging');
  await step('#confidence-bound-slider', 'Home', 1, 'meeting.confidence_bound', 0);
  // Back to the default rule and bound (the link then leaves them out).
  await press(page, '#confidence-bound-slider', 'End');
  await press(page, '#meeting-update', 'ArrowUp', 2);
  await page.waitForFunction(() => document.querySelector('#meeting-update')?.value === 'arguments');
  before = await results(page);

  // Who knows which arguments, and how far one moves.
  for (const [id, path, from] of [
    ['know-base', 'arguments.know_base', 20],
    ['know-education', 'arguments.know_education', 25],
    ['know-experience', 'arguments.know_experience', 45],
    ['know-association', 'arguments.know_association', 15],
    ['argument-impact', 'arguments.impact', 25],
  ]) {
    assert.equal(await page.locator(`#${id}`).inputValue(), String(from), id);
    await step(`#${id}-slider`, 'ArrowLeft', 10, path, (from - 10) / 100);
  }

  // Who decides and who carries the projects out.
  assert.equal(await page.locator('#advice-weight').isVisible(), false, 'no advice weight while everyone votes');
  // (In this preset only the attendees vote anyway, so »the attendees decide« gives the same
  // run; the municipality deciding on the meeting's advice does not.)
  await step('#decision-channel', 'ArrowDown', 2, 'decision.channel', 'advisory');
  assert.equal(await page.locator('#decision-channel-help .term-link').getAttribute('data-term'), 'decision-channel');
  await step('#advice-weight-slider', 'Home', 1, 'decision.advice_weight', 0);
  await step('#implementer', 'ArrowDown', 1, 'decision.implementer', 'proposers');
  assert.equal(await page.locator('#implementer option:checked').innerText(), 'Forslagsstillerne, i deres fritid');

  // The cost rates say where their values come from.
  for (const id of ['cost-staff-hour', 'open-call-hours']) {
    assert.match(await page.locator(`#${id}-source`).innerText(), /^Kilde: antagelse – .+\.$/, id);
  }

  // The panel selection shows with a stratified panel; LEXIMIN is offered but computed in the
  // panel view, which the note names and opens.
  assert.equal(await page.locator('#panel-selection').isVisible(), false);
  await step('#strategy', 'ArrowDown', 2, 'invitation.strategy', 'stratified');
  assert.equal(await page.locator('#panel-selection').inputValue(), 'legacy');
  assert.equal(await page.locator('#panel-selection option[value="leximin"]').isDisabled(), true);
  assert.match(await page.locator('#leximin-elsewhere').innerText(), /LEXIMIN regnes i visningen »Udvælgelse af panel«/);
  await press(page, '#panel-selection', 'ArrowDown');
  assert.equal(await page.locator('#panel-selection').inputValue(), 'legacy', 'LEXIMIN cannot be chosen here');
  assert.equal(at(await linked(page), 'invitation.selection'), undefined);

  // Everything on the opened panel passes axe.
  assert.deepEqual(await axeViolations(page), []);

  // (The link takes the focus to the panel view, so it is pressed without the focus check.)
  await page.focus('#open-panel-view');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#tab-panel')?.getAttribute('aria-current') === 'page',
    null, { timeout: 30000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link with the new settings opens them in the controls', async () => {
  const fragment = Buffer.from(JSON.stringify({
    meeting: { update: 'bounded-confidence', confidence_bound: 0.4 },
    arguments: { impact: 0.3 },
    decision: { channel: 'advisory', implementer: 'proposers', advice_weight: 0.6 },
  })).toString('base64url');
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=da&preset=faxe-dialogue#s=${fragment}`);
  assert.equal(await page.locator('#meeting-update').inputValue(), 'bounded-confidence');
  assert.equal(await page.locator('#confidence-bound').inputValue(), '40');
  assert.equal(await page.locator('#argument-impact').inputValue(), '30');
  assert.equal(await page.locator('#decision-channel').inputValue(), 'advisory');
  assert.equal(await page.locator('#implementer').inputValue(), 'proposers');
  assert.equal(await page.locator('#advice-weight').inputValue(), '60');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the guide verdict over 20 towns arrives from the worker', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}?view=guide&lang=da&chapter=3`);
  await page.waitForSelector('article.chapter', { timeout: 30000 });
  await page.check('#bet-up');
  await page.click('#reveal-button');
  // The one town is drawn at once; the towns follow from the worker.
  await page.waitForSelector('#reveal-numbers');
  const verdict = page.locator('#towns-verdict[data-from="worker"]');
  await verdict.waitFor({ timeout: 60000 });
  const counts = await Promise.all(['up', 'down', 'same'].map(async (k) => Number(await verdict.getAttribute(`data-${k}`))));
  assert.equal(counts[0] + counts[1] + counts[2], 20, String(counts));
  assert.match(await verdict.innerText(), /20 simulerede byer/);
  assert.equal(await page.locator('#towns-progress').count(), 0, 'the progress bar is gone');
  assert.deepEqual(errors, []);
  await page.close();
});
