// The real-data view: open each shared .pb file and compare every rule's winners with the CLI;
// a malformed file keeps the previous one; names from files are text; the exported simulated
// vote re-parses and its winners match the report; a seeded scenario puts the file's projects on
// the sandbox's ballot; a file near the 50 MB limit parses while the page keeps responding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { holdWorkers, openApp, openSections, root, settled, tableRows, useSite, writeBigPb } from './helpers.mjs';

const site = useSite();
// The repository's own copy of the real files (crates/engine/tests/data/README.md says where
// they come from); a missing folder fails the test run rather than skipping it.
const data = process.env.PB_DATA
  ?? path.join(root, 'crates/engine/tests/data/pabulib');
const files = fs.readdirSync(data).filter((f) => f.endsWith('.pb')).sort();

const cli = (...args) => {
  const bin = process.env.DIALOGLAB_CLI;
  assert.ok(bin, 'set DIALOGLAB_CLI to the dialoglab binary');
  return JSON.parse(execFileSync(bin, args, { maxBuffer: 64 << 20 }).toString());
};

async function openView(lang = 'en') {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=${lang}`, { acceptDownloads: true });
  await page.click('#tab-real-data');
  await page.waitForSelector('#pb-file', { state: 'attached' });
  return { page, errors };
}

/** Opens a file and waits until its name is shown (or an error appears). */
async function openFile(page, file, name = path.basename(file)) {
  await page.setInputFiles('#pb-file', file);
  await page.waitForFunction((n) => document.querySelector('#pb-file-name')?.textContent === n
    || document.querySelector('#pb-error') !== null, name, { timeout: 120000 });
}

/** Winners per rule as shown in the rules table: { rule: [ids] }. */
async function shownWinners(page) {
  const rows = await tableRows(page, 'pb-rules-table');
  return Object.fromEntries(rows.map((r) => [r[0], r[1] === '' ? [] : r[1].split(', ')]));
}

test('every shared .pb file shows the same winners as dialoglab pb for every rule', async (t) => {
  assert.ok(files.length >= 5, `expected the five real .pb files in ${data}`);
  const { page, errors } = await openView();
  for (const f of files) {
    const file = path.join(data, f);
    const started = Date.now();
    await openFile(page, file);
    assert.equal(await page.locator('#pb-error').count(), 0, f);
    const shown = await shownWinners(page);
    const expected = cli('pb', file, '--rule', 'all');
    for (const r of expected.results) {
      assert.deepEqual(shown[r.rule], r.winners, `${f} ${r.rule}`);
    }
    assert.equal(Object.keys(shown).length, expected.results.length, f);
    const budget = await page.locator('#pb-budget').innerText();
    assert.ok(budget.replaceAll(',', '').startsWith(String(expected.budget)), `${f}: ${budget}`);
    // The project × rule table has a row per project; official matches are marked.
    const projects = await tableRows(page, 'pb-winners-table');
    assert.equal(String(projects.length), (await page.locator('#pb-projects').innerText()).replaceAll(',', ''));
    t.diagnostic(`${f}: ${Date.now() - started} ms in the page`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a malformed file shows its line and keeps the previous file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-'));
  const good = path.join(dir, 'good.pb');
  const bad = path.join(dir, 'bad.pb');
  fs.writeFileSync(good, 'META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;name\na;60;A\nb;50;B\nVOTES\nvoter_id;vote\nv1;a\nv2;a,b\n');
  fs.writeFileSync(bad, 'META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\na;60\nb;lots\nVOTES\nvoter_id;vote\nv1;a\n');
  for (const [lang, word] of [['en', 'line 7'], ['da', 'linje 7']]) {
    const { page } = await openView(lang);
    await openFile(page, good);
    const before = await shownWinners(page);
    await openFile(page, bad, 'never');
    const message = await page.locator('#pb-error').innerText();
    assert.match(message, new RegExp(word), message);
    assert.match(message, /lots/);
    assert.equal(await page.locator('#pb-file-name').innerText(), 'good.pb');
    assert.deepEqual(await shownWinners(page), before);
    // The sandbox's scenario is untouched.
    await page.click('#tab-sandbox');
    await page.waitForSelector('#index-attendees');
    await page.close();
  }
});

test('a project named like markup is shown as text and runs no script', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-'));
  const file = path.join(dir, 'xss.pb');
  const name = '<img src=x onerror=alert(1)>';
  fs.writeFileSync(file, `META\nkey;value\nbudget;100\ndescription;<script>window.pwned=1</script>\nPROJECTS\nproject_id;cost;name\na;60;${name}\nb;50;B\nVOTES\nvoter_id;vote\nv1;a\n`);
  const { page, errors } = await openView();
  let dialog = false;
  page.on('dialog', async (d) => { dialog = true; await d.dismiss(); });
  await openFile(page, file);
  const rows = await tableRows(page, 'pb-winners-table');
  assert.equal(rows[0][1], name);
  assert.equal(await page.locator('#pb-view img').count(), 0);
  assert.equal(await page.locator('#pb-description').innerText(), '<script>window.pwned=1</script>');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(dialog, false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the exported simulated vote re-parses and its winners match the report', async () => {
  const { page } = await openView();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#pb-export')]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pb-')), 'sim.pb');
  await download.saveAs(file);
  const rule = fs.readFileSync(file, 'utf8').match(/^rule;(.+)$/m)[1].trim();
  const pb = cli('pb', file, '--rule', rule);
  const report = JSON.parse(execFileSync(process.env.DIALOGLAB_CLI, ['run', '--preset', 'faxe-dialogue', '--compact']).toString());
  assert.deepEqual([...pb.winners].sort(), [...report.outcome.funded].sort());
  assert.equal(pb.matches_official, true, 'the selected column is the simulated outcome');
  // The file opens in the view too.
  await openFile(page, file);
  const shown = await shownWinners(page);
  assert.deepEqual(shown[rule], pb.winners);
  // The Share dialog offers the same file.
  await page.click('#tab-sandbox');
  await page.waitForSelector('#index-attendees');
  await page.click('#share');
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('#download-pb')]);
  const second = path.join(path.dirname(file), 'again.pb');
  await again.saveAs(second);
  assert.equal(fs.readFileSync(second, 'utf8'), fs.readFileSync(file, 'utf8'));
  await page.close();
});

test('reweighting to a preset profile re-runs every rule; age/sex groups are charted', async () => {
  const file = path.join(data, 'Poland_Warszawa_2017_Mlynow.pb');
  if (!fs.existsSync(file)) return;
  const { page, errors } = await openView();
  await openFile(page, file);
  assert.ok(await page.locator('#pb-groups svg title').count() === 1);
  await page.selectOption('#pb-profile', 'poland-2022');
  await page.fill('#pb-adults', '20000');
  await page.press('#pb-adults', 'Tab');
  await page.click('#pb-apply');
  await page.waitForSelector('#pb-reweighted-table', { timeout: 120000 });
  const rows = await tableRows(page, 'pb-reweighted-table');
  assert.equal(rows.length, 10);
  const weights = await tableRows(page, 'pb-weights-table');
  assert.equal(weights.length, 8);
  assert.equal(await page.locator('#pb-turnout-svg').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a running study can be cancelled; the previous file stays and the next file opens', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(holdWorkers);
  await page.goto(`${site.url}?v=1&lang=en`);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  await page.click('#tab-real-data');
  await page.waitForSelector('#pb-file', { state: 'attached' });
  const first = path.join(data, 'Switzerland_Zurich_S5R.pb');
  await openFile(page, first);
  const winners = await page.locator('#pb-rules-table').innerText();
  // The next study cannot finish: its worker's answers are held until the test lets them go.
  await page.evaluate(() => { window.__holdWorkers = true; });
  const second = path.join(data, 'Poland_Czestochowa_2020_Grabowka.pb');
  await page.setInputFiles('#pb-file', second);
  await page.waitForSelector('#pb-cancel');
  await page.click('#pb-cancel');
  await page.waitForSelector('#pb-status', { state: 'detached' });
  await page.evaluate(() => { window.__holdWorkers = false; });
  assert.equal(await page.textContent('#pb-file-name'), path.basename(first), 'the previous file stays');
  assert.equal(await page.locator('#pb-rules-table').innerText(), winners, 'with its winners');
  assert.equal(await page.locator('#pb-error').count(), 0, 'a cancel is not an error');
  await openFile(page, second);
  assert.equal(await page.textContent('#pb-file-name'), path.basename(second), 'a new worker serves the next file');
  assert.deepEqual(errors, []);
  await page.close();
});

/** The PROJECTS section of a .pb text as objects keyed by the header's column names. */
function projectsOf(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === 'PROJECTS');
  const header = lines[start + 1].split(';');
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (line.trim() === 'VOTES') break;
    if (line.trim() === '') continue;
    const cells = line.split(';');
    rows.push(Object.fromEntries(header.map((h, k) => [h, cells[k]])));
  }
  return rows;
}

const digits = (text) => Number(text.replace(/[^0-9]/g, ''));

test('open in sandbox puts the file\'s projects, at their costs, on the simulated ballot', async () => {
  const file = path.join(data, 'Poland_Warszawa_2017_Mlynow.pb');
  assert.ok(fs.existsSync(file), file);
  const projects = projectsOf(fs.readFileSync(file, 'utf8'));
  const costs = projects.map((p) => Number(p.cost)).sort((a, b) => a - b);
  const { page, errors } = await openView('en');
  await openFile(page, file);
  // The seed section says what is carried over.
  const carried = await page.locator('#pb-seed-projects').innerText();
  assert.match(carried, new RegExp(`^${projects.length} of ${projects.length} \\(`), carried);
  const lengths = await page.locator('#pb-seed-lengths').innerText();
  assert.match(lengths, /^1–\d+ projects per ballot \(median \d+\) from [\d,]+ ballots$/, lengths);
  await page.click('#pb-seed');
  await page.waitForSelector('#real-data-note');
  assert.match(await page.locator('#real-data-note').innerText(), new RegExp(`${projects.length} real projects`));
  // The sandbox opens with its sections closed; their charts are drawn once they are opened.
  await openSections(page);
  // The projects chart lists every file project (on the ballot or vetoed) by name and cost.
  await page.waitForFunction((n) => document.querySelectorAll('#projects-chart-table tbody tr').length === n,
    projects.length, { timeout: 60000 });
  await settled(page);
  const rows = await tableRows(page, 'projects-chart-table');
  assert.equal(rows.length, projects.length);
  assert.deepEqual(rows.map((r) => digits(r[1])).sort((a, b) => a - b), costs);
  for (const p of projects) {
    assert.ok(rows.some((r) => r[0].includes(p.name)), `${p.name} is shown`);
  }
  // The same in Danish.
  await page.selectOption('#lang', 'da');
  await page.waitForFunction(() => /rigtige projekter/.test(document.querySelector('#real-data-note')?.textContent ?? ''));
  await settled(page);
  const danish = await tableRows(page, 'projects-chart-table');
  // The address is a share link that carries the projects and lengths: a fresh page opens the
  // same ballot.
  const link = page.url();
  assert.match(link, /#s=/, link);
  const { page: again, errors: againErrors } = await openApp(site.browser, link);
  await settled(again);
  await again.waitForSelector('#real-data-note');
  assert.deepEqual(await tableRows(again, 'projects-chart-table'), danish);
  assert.deepEqual(errors, []);
  assert.deepEqual(againErrors, []);
  await again.close();
  await page.close();
});

test('a file near the 50 MB limit parses in the worker while the page keeps responding', async () => {
  // Few projects and many short approval ballots, so that reading and parsing dominate.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dialoglab-'));
  const { file: big, bytes, voters, projects } = writeBigPb(dir);
  assert.ok(bytes > 45_000_000 && bytes < 50_000_000, `${bytes} bytes`);

  const { page, errors } = await openView('en');
  const heading = await page.locator('#view-heading').innerText();
  await page.setInputFiles('#pb-file', big);
  await page.waitForSelector('#pb-status');
  // While the worker reads and studies the file, the page answers: the language switches.
  await page.selectOption('#lang', 'da');
  await page.waitForFunction((h) => document.querySelector('#view-heading')?.textContent !== h, heading);
  assert.equal(await page.locator('#pb-status').count(), 1, 'the study was still running when the page answered');
  await page.waitForSelector('#pb-file-name', { timeout: 120000 });
  assert.equal(await page.locator('#pb-error').count(), 0);
  assert.equal(await page.locator('#pb-file-name').innerText(), 'near-limit.pb');
  assert.equal(digits(await page.locator('#pb-projects').innerText()), projects);
  assert.equal(digits(await page.locator('#pb-voters').innerText()), voters);
  assert.deepEqual(errors, []);
  await page.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
