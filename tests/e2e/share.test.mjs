// Share links, persistence, upload/download and CSV export in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openApp, shareLink, settled, tableRows, useSite } from './helpers.mjs';

const site = useSite();

const cli = (args) => {
  const bin = process.env.DIALOGLAB_CLI;
  assert.ok(bin, 'set DIALOGLAB_CLI to the dialoglab binary');
  return JSON.parse(execFileSync(bin, ['run', ...args, '--compact']).toString());
};
const en = (n) => n.toLocaleString('en-US');

test('a share link reproduces the CLI report for the same scenario', async () => {
  const link = shareLink(site.url, {
    lang: 'en', preset: 'borgerbudget-small', budget: '400000', strategy: 'targeted', size: '12000', seed: '7',
  }, { invitation: { contacts: 4, outreach_reach: 0.6, supports: { childcare: true } } });
  const report = cli(['--preset', 'borgerbudget-small', '--set', 'budget=400000', '--set', 'invitation.strategy=targeted',
    '--set', 'population.size=12000', '--set', 'seed=7', '--set', 'invitation.contacts=4',
    '--set', 'invitation.outreach_reach=0.6', '--set', 'invitation.supports.childcare=true']);
  const { page, errors } = await openApp(site.browser, link);
  await settled(page);
  assert.equal(await page.inputValue('#budget'), '400000');
  assert.equal(await page.inputValue('#population'), '12000');
  assert.equal(await page.inputValue('#contacts'), '4');
  assert.equal(await page.isChecked('#childcare'), true);
  const rows = await tableRows(page, 'funnel-table');
  assert.equal(rows[0][1], en(report.population.size));
  assert.equal(rows[1][1], en(report.stages.invited.count));
  assert.equal(rows[2][1], en(report.stages.attendees.count));
  assert.equal(rows[3][1], en(report.stages.speakers.count));
  assert.equal(rows[4][1], en(report.stages.voters.count));
  assert.equal(await page.locator('#voice-gini').innerText(), report.deliberation.voice_gini.toFixed(2));
  assert.equal(await page.locator('#turnout').innerText(), `${(report.outcome.turnout * 100).toFixed(1)}%`);
  assert.equal(await page.locator('#projects-chart g.project').count(), report.outcome.projects.length);
  const funded = await page.locator('#projects-chart-table tbody tr').evaluateAll((trs) =>
    trs.filter((tr) => tr.children[3].textContent === 'funded').map((tr) => tr.children[0].textContent.split(' · ')[0]));
  assert.deepEqual(funded, report.outcome.funded);
  assert.equal(await page.locator('#index-attendees').innerText(),
    report.stages.attendees.representativeness.index.toFixed(3));
  assert.equal(await page.locator('#cost').innerText(), `DKK\u00a0${en(report.cost.dkk)}`);
  // The address keeps the scenario (the page rewrites it in its own canonical form).
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('strategy'), 'targeted');
  assert.equal(url.searchParams.get('seed'), '7');
  assert.match(url.hash, /^#s=/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the downloaded scenario JSON runs to the same numbers in the CLI', async () => {
  const link = shareLink(site.url, { lang: 'en', strategy: 'stratified', seed: '3' }, { invitation: { panel_size: 36 } });
  const { page } = await openApp(site.browser, link, { acceptDownloads: true });
  await settled(page);
  await page.click('#share');
  const qr = page.locator('#share-qr path');
  assert.ok((await qr.getAttribute('d')).length > 1000, 'a QR code is drawn');
  const shared = await page.inputValue('#share-link');
  assert.match(shared, /strategy=stratified/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dl-')), 'scenario.json');
  await download.saveAs(file);
  const scenario = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(scenario.invitation.panel_size, 36);
  const report = cli(['--scenario', file]);
  await page.click('#close-share');
  const rows = await tableRows(page, 'funnel-table');
  assert.equal(rows[2][1], en(report.stages.attendees.count));
  await page.close();
});

test('an uploaded file with an unknown field is refused with its name, keeping the scenario', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'en', budget: '300000' }));
  await page.click('#share');
  await page.setInputFiles('#upload-json', {
    name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"budget": 5000, "colour": "red"}'),
  });
  const status = page.locator('#upload-status');
  await page.waitForFunction(() => /colour/.test(document.querySelector('#upload-status')?.textContent ?? ''));
  assert.match(await status.innerText(), /could not be loaded.*colour/s);
  await page.click('#close-share');
  assert.equal(await page.inputValue('#budget'), '300000');
  // A good file replaces the scenario.
  await page.click('#share');
  await page.setInputFiles('#upload-json', {
    name: 'good.json', mimeType: 'application/json', buffer: Buffer.from('{"budget": 5000}'),
  });
  await page.waitForFunction(() => document.querySelector('#budget')?.value === '5000');
  await page.close();
});

test('settings without a form control are named in words in Compare and the brief, in Danish', async () => {
  const scenario = JSON.parse(execFileSync(process.env.DIALOGLAB_CLI, ['scenario', '--preset', 'faxe-dialogue']).toString());
  scenario.vote.costs_by_category = false;
  scenario.attendance.free_time = 0.35;
  scenario.population.women_shares = [0.52, 0.52, 0.52, 0.58];
  const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang: 'da' }));
  await settled(page);
  await page.click('#pin-headline');
  await page.click('#share');
  await page.setInputFiles('#upload-json', {
    name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)),
  });
  await page.waitForFunction(() => /indlæst|loaded/i.test(document.querySelector('#upload-status')?.textContent ?? ''));
  await page.click('#close-share');
  await settled(page);
  const compare = page.locator('#compare-summary').locator('xpath=..');
  await compare.getByText('Ændret fra A til B').waitFor({ timeout: 60000 });
  const changed = await compare.innerText();
  for (const name of ['Fremmøde: fritid', 'Andel kvinder i hver aldersgruppe', 'Projektpriser fra projekter i samme kategori']) {
    assert.ok(changed.includes(name), `${name} in ${changed}`);
  }
  assert.doesNotMatch(changed, /costs_by_category|women_shares|free_time/);
  await page.click('#open-brief');
  await page.waitForSelector('#brief-settings');
  const rows = await page.locator('#brief-settings tr').allInnerTexts();
  const row = (name) => rows.find((r) => r.startsWith(name)) ?? '';
  assert.match(row('Fremmøde: fritid'), /1,8\s+→ 0,35/);
  assert.match(row('Andel kvinder i hver aldersgruppe'), /0,5 \/ 0,5 \/ 0,5 \/ 0,55\s+→ 0,52 \/ 0,52 \/ 0,52 \/ 0,58/);
  assert.match(row('Projektpriser fra projekter i samme kategori'), /Ja\s+→ Nej/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a newer, damaged or foreign link shows a bilingual message and keeps stored work', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  // Stored work: a scenario edited in an earlier visit.
  await page.goto(shareLink(site.url, { lang: 'en', budget: '777000' }));
  await page.waitForSelector('#index-attendees');
  await page.waitForFunction(() => (localStorage.getItem('dialoglab.last') ?? '').includes('budget=777000'));
  const stored = await page.evaluate(() => localStorage.getItem('dialoglab.last'));

  for (const bad of ['?v=99&budget=1', '?v=1&budget=lots', `?v=1#s=eyJidWRnZXQiOjEy`, '?v=1&preset=atlantis']) {
    await page.goto(site.url + bad);
    const notice = page.locator('#link-notice');
    await notice.waitFor();
    assert.equal(await page.inputValue('#budget'), '250000', `${bad}: the default scenario is shown`);
    assert.equal(await page.evaluate(() => localStorage.getItem('dialoglab.last')), stored, `${bad}: storage untouched`);
  }
  // The message is in the stored language and switches live.
  await page.goto(site.url + '?v=99');
  await page.locator('#link-notice').waitFor();
  assert.match(await page.locator('#link-notice').innerText(), /newer Dialoglab/);
  await page.selectOption('#lang', 'da');
  assert.match(await page.locator('#link-notice').innerText(), /nyere udgave af Dialoglab/);
  // Opening the bare address restores the stored work (link > stored > default).
  await page.goto(site.url);
  await page.waitForSelector('#index-attendees');
  assert.equal(await page.inputValue('#budget'), '777000');
  await context.close();
});

test('an old (version 0) link is migrated', async () => {
  const { page } = await openApp(site.browser, `${site.url}?preset=borgerbudget-small&population=9000&budget_k=75`);
  assert.equal(await page.inputValue('#population'), '9000');
  assert.equal(await page.inputValue('#budget'), '75000');
  assert.equal(new URL(page.url()).searchParams.get('v'), '1', 'rewritten as a current link');
  await page.close();
});

test('the last scenario, language and theme persist across visits', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('#index-attendees');
  await page.selectOption('#lang', 'en');
  await page.selectOption('#theme', 'projector');
  await page.selectOption('#strategy', 'letters');
  await page.fill('#letters', '2000');
  await page.locator('#letters').press('Enter');
  await page.waitForFunction(() => location.search.includes('strategy=letters') && location.hash.startsWith('#s='));
  await page.goto(site.url);
  await page.waitForSelector('#index-attendees');
  assert.equal(await page.inputValue('#strategy'), 'letters');
  assert.equal(await page.inputValue('#letters'), '2000');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'projector');
  await context.close();
});

test('CSV export of a chart: standard and Danish Excel', async () => {
  const { page } = await openApp(site.browser, shareLink(site.url, { lang: 'da' }), { acceptDownloads: true });
  await settled(page);
  const rows = await tableRows(page, 'funnel-table');
  const read = async (selector) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  };
  const std = await read('#funnel .export-csv');
  assert.equal(std.name, 'dialoglab-funnel.csv');
  const lines = std.text.trim().split('\r\n');
  assert.equal(lines[0], 'Trin,Antal,Andel af befolkningen');
  assert.equal(lines.length, 1 + rows.length);
  assert.equal(lines[1], `Befolkning,${rows[0][1].replaceAll('.', '')},1`);
  const attendees = lines[3].split(',');
  assert.equal(attendees[1], rows[2][1].replaceAll('.', ''));
  assert.match(attendees[2], /^0\.\d+$/);
  const da = await read('#funnel .export-csv-da');
  assert.equal(da.name, 'dialoglab-funnel-da.csv');
  const daLines = da.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(daLines[0], 'Trin;Antal;Andel af befolkningen');
  assert.match(daLines[3], /^Deltagere;\d+;0,\d+$/);
  // SVG export is a standalone SVG document.
  const svg = await read('#ratio-chart .export-svg');
  assert.match(svg.text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg.text, /<desc[^>]*>.+<\/desc>/);
  // It carries its title, its legend and a line naming the scenario.
  assert.match(svg.text, /class="export-title"[^>]*>Repræsentation pr\. gruppe</);
  assert.match(svg.text, />Deltagere<\/text>/, 'a legend entry');
  assert.match(svg.text, /class="export-footer"[^>]*>Dialoglab · .+ · frø \d+</);
  // PNG export draws the SVG on a canvas.
  const png = await Promise.all([page.waitForEvent('download'), page.click('#funnel .export-png')]);
  const bytes = fs.readFileSync(await png[0].path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'PNG signature');
  await page.close();
});
