// Round trips against the CLI, as a user makes them: a scenario changed in the page is shared
// with the app's own link (#share-link), opened in a fresh browser context, its scenario JSON
// downloaded and run by `dialoglab run --scenario`; the page shows the CLI's report. The same for
// a scenario seeded from a real .pb file. Every guide chapter's revealed numbers are the CLI's
// runs of the chapter's two scenarios, and one chapter's many-town verdict is counted from CLI
// runs of its 20 seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openApp, openSections, root, settled, tableRows, useSite } from './helpers.mjs';

const site = useSite();
const data = process.env.PB_DATA ?? path.join(root, 'crates/engine/tests/data/pabulib');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dialoglab-roundtrip-'));

const cli = (args) => {
  const bin = process.env.DIALOGLAB_CLI;
  assert.ok(bin, 'set DIALOGLAB_CLI to the dialoglab binary');
  return JSON.parse(execFileSync(bin, [...args, '--compact'], { maxBuffer: 64 << 20 }).toString());
};
const en = (n) => n.toLocaleString('en-US');

/** What the results section shows: its text and every data table's cells. */
async function shown(page) {
  // Every section open, and every part the views bundle draws there (the sections' charts, the
  // many towns) drawn.
  await openSections(page);
  await page.waitForFunction(() => [...document.querySelectorAll('section.results .lazy-panel')]
    .every((p) => p.dataset.phase === 'ready'), null, { timeout: 30000 });
  // The many towns run in the worker after the single run; both pages show them once finished
  // (before, one page may show the table and the other its progress).
  await page.waitForFunction(() => document.querySelector('section.results #mc-table')
    && !document.querySelector('section.results #mc-progress'), null, { timeout: 90000 });
  return page.evaluate(() => {
    const results = document.querySelector('section.results');
    const tables = Object.fromEntries([...results.querySelectorAll('table[id]')].map((t) =>
      [t.id, [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent.trim()))]));
    // The town's animation, background jobs' progress and the live announcements depend on what happened before, not on
    // the scenario: left out of the text (the town's numbers are in its tables).
    const copy = results.cloneNode(true);
    copy.querySelectorAll('section.town, .job-progress, #last-change, #live-summary, [aria-live]').forEach((e) => e.remove());
    return { text: copy.textContent.replace(/\s+/g, ' '), tables };
  });
}

/** Checks the numbers the sandbox shows against the CLI's report (English page). */
async function sameAsCli(page, report) {
  const rows = await tableRows(page, 'funnel-table');
  assert.deepEqual(rows.map((r) => r[1]), [report.population.size, report.stages.invited.count,
    report.stages.attendees.count, report.stages.speakers.count, report.stages.voters.count].map(en), 'the funnel');
  assert.equal(await page.locator('#index-attendees').innerText(),
    report.stages.attendees.representativeness.index.toFixed(3));
  assert.equal(await page.locator('#voice-gini').innerText(), report.deliberation.voice_gini.toFixed(2));
  assert.equal(await page.locator('#turnout').innerText(), `${(report.outcome.turnout * 100).toFixed(1)}%`);
  assert.equal(await page.locator('#cost').innerText(), `DKK\u00a0${en(report.cost.dkk)}`);
  // Every project with its cost and whether it was funded.
  const projects = await tableRows(page, 'projects-chart-table');
  assert.equal(projects.length, report.outcome.projects.length, 'every project is listed');
  const funded = projects.filter((r) => r[3] === 'funded').map((r) => r[0].split(' · ')[0]);
  assert.deepEqual([...funded].sort(), [...report.outcome.funded].sort(), 'the funded projects');
  // The representation ratios among attendees, group by group (two decimals as shown).
  const ratios = report.stages.attendees.representativeness.ratios;
  const header = await page.locator('#ratio-chart-table thead th').allTextContents();
  const column = header.findIndex((h) => h.trim() === 'Attendees');
  assert.ok(column > 0, `an attendees column in ${header}`);
  const groups = await tableRows(page, 'ratio-chart-table');
  const shownRatios = groups.map((r) => r[column]).sort();
  // Every attribute but the districts (the chart leaves them out; the town map shows them).
  const cliRatios = Object.entries(ratios).filter(([attr]) => attr !== 'district').flatMap(([, g]) => Object.values(g))
    .map((v) => (Number.isFinite(v) ? v.toFixed(2) : null)).sort();
  assert.equal(shownRatios.length, cliRatios.length, 'one row per group');
  assert.deepEqual(shownRatios.filter((v) => /^\d+\.\d\d$/.test(v)), cliRatios.filter((v) => v !== null));
}

/** Opens the share dialog, reads the link, downloads the scenario JSON; closes the dialog. */
async function share(page, name) {
  await page.click('#share');
  const link = await page.inputValue('#share-link');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const file = path.join(tmp, name);
  await download.saveAs(file);
  await page.click('#close-share');
  return { link, file };
}

/** Opens `link` in a fresh browser context (no stored work) and returns the shown report. */
async function openFresh(link) {
  const context = await site.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(link);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await settled(page);
  return { context, page, errors };
}

test('a scenario changed in the page, shared by its link, is the CLI run of its downloaded JSON', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=en`, { acceptDownloads: true });
  await settled(page);
  await page.selectOption('#strategy', 'targeted');
  await page.fill('#budget', '400000');
  await page.locator('#budget').press('Enter');
  await page.fill('#contacts', '4');
  await page.locator('#contacts').press('Enter');
  await page.check('#childcare');
  await page.waitForFunction(() => document.querySelector('#budget')?.value === '400000');
  await settled(page);
  const before = await shown(page);
  const { link, file: mine } = await share(page, 'mine.json');
  assert.match(link, /strategy=targeted/);

  const fresh = await openFresh(link);
  assert.deepEqual(await shown(fresh.page), before, 'the fresh page shows what the sharer saw');
  const { file } = await share(fresh.page, 'fresh.json');
  assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), JSON.parse(fs.readFileSync(mine, 'utf8')),
    'the link carries the whole scenario');
  const scenario = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(scenario.budget, 400000);
  assert.equal(scenario.invitation.contacts, 4);
  assert.equal(scenario.invitation.supports.childcare, true);
  await sameAsCli(fresh.page, cli(['run', '--scenario', file]));
  assert.deepEqual([...errors, ...fresh.errors], []);
  await fresh.context.close();
  await page.close();
});

test('a scenario seeded from a real .pb file survives the share link and is the CLI run', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=en`, { acceptDownloads: true });
  await page.click('#tab-real-data');
  const pb = path.join(data, 'Switzerland_Zurich_S5R.pb');
  await page.setInputFiles('#pb-file', pb);
  await page.waitForSelector('#pb-seed:not([disabled])', { timeout: 120000 });
  await page.click('#pb-seed');
  await page.waitForSelector('#real-data-note', { timeout: 30000 });
  await settled(page);
  const before = await shown(page);
  const { link, file: mine } = await share(page, 'seeded.json');
  const seeded = JSON.parse(fs.readFileSync(mine, 'utf8'));
  assert.ok(JSON.stringify(seeded).length > 1000, 'the file\'s projects are in the scenario');

  const fresh = await openFresh(link);
  await fresh.page.waitForSelector('#real-data-note');
  assert.deepEqual(await shown(fresh.page), before, 'the fresh page shows what the sharer saw');
  const { file } = await share(fresh.page, 'seeded-fresh.json');
  assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), seeded, 'the link carries the seeded scenario');
  await sameAsCli(fresh.page, cli(['run', '--scenario', file]));
  assert.deepEqual([...errors, ...fresh.errors], []);
  await fresh.context.close();
  await page.close();
});

// The guide's chapters (src/guide/chapters.rs): preset, setup, lever path and its settings
// (starting setting first, then the one asked about by default), and the measured value.
const ratio = (attr, cat) => (r) => r.stages.attendees.representativeness.ratios[attr]?.[cat] ?? NaN;
const CHAPTERS = [
  { n: 1, preset: 'faxe-dialogue', setup: [], lever: 'invitation.supports.childcare', from: 'false', to: 'true',
    metric: ratio('children', 'yes'), tol: 0.05 },
  { n: 2, preset: 'faxe-dialogue', setup: ['invitation.strategy=associations'], lever: 'invitation.mobilisation',
    from: '0', to: '0.6', metric: ratio('association_member', 'yes'), tol: 0.05 },
  { n: 3, preset: 'outreach', setup: [], lever: 'invitation.contacts', from: '1', to: '3',
    metric: ratio('marginalised', 'yes'), tol: 0.05 },
  { n: 4, preset: 'borgerbudget-small', setup: [], lever: 'budget', from: '100000', to: '5000000',
    metric: (r) => r.outcome.benefit_shares.age_band['67+'], tol: 0.02 },
  { n: 5, preset: 'faxe-dialogue', setup: [], lever: 'meeting.format', from: 'realistic', to: 'ideal',
    metric: (r) => r.influence.legitimacy_informed, tol: 0.02 },
  { n: 6, preset: 'faxe-dialogue', setup: [], lever: 'municipality.control', from: '0', to: '0.9',
    metric: (r) => r.cycles.at(-1)?.proposer_efficacy_after ?? NaN, tol: 0.01 },
  { n: 7, preset: 'faxe-dialogue', setup: [], lever: 'vote.turnout_intercept', from: '-1.8', to: '0.6',
    metric: (r) => r.influence.legitimacy, tol: 0.02 },
];
const runChapter = (c, value, seed) => cli(['run', '--preset', c.preset,
  ...c.setup.flatMap((s) => ['--set', s]), '--set', `${c.lever}=${value}`,
  ...(seed === undefined ? [] : ['--set', `seed=${seed}`])]);
const direction = (a, b, tol) => (b - a > tol ? 'up' : b - a < -tol ? 'down' : 'same');

test('every guide chapter reveals the CLI runs of its two scenarios', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}?view=guide&chapter=1&lang=en`);
  for (const c of CHAPTERS) {
    await page.click(`#chapter-link-${c.n}`);
    await page.waitForSelector(`#chapter-${c.n}`);
    await page.check('#bet-up');
    await page.click('#reveal-button');
    const numbers = page.locator('#reveal-numbers');
    await numbers.waitFor();
    const before = c.metric(runChapter(c, c.from));
    const after = c.metric(runChapter(c, c.to));
    assert.equal(Number(await numbers.getAttribute('data-before')), before, `chapter ${c.n}: before`);
    assert.equal(Number(await numbers.getAttribute('data-after')), after, `chapter ${c.n}: after`);
    // The verdict over 20 towns: counted here from the CLI for chapter 2 (40 runs); for the
    // others the page's counts add up to 20 (the guide test checks the wording).
    const towns = page.locator('#towns-verdict[data-majority]');
    await towns.waitFor({ timeout: 60000 });
    const counts = Object.fromEntries(await Promise.all(['up', 'down', 'same'].map(async (k) =>
      [k, Number(await towns.getAttribute(`data-${k}`))])));
    assert.equal(counts.up + counts.down + counts.same, 20, `chapter ${c.n}`);
    if (c.n === 2) {
      const seed = JSON.parse(execFileSync(process.env.DIALOGLAB_CLI, ['scenario', '--preset', c.preset]).toString()).seed;
      const cliCounts = { up: 0, down: 0, same: 0 };
      for (let k = 0; k < 20; k++) {
        const a = c.metric(runChapter(c, c.from, seed + k));
        const b = c.metric(runChapter(c, c.to, seed + k));
        cliCounts[direction(a, b, c.tol)] += 1;
      }
      assert.deepEqual(counts, cliCounts, 'chapter 2: the towns verdict is the CLI\'s');
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});
