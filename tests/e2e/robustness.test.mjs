// End to end in headless Chromium: the headline numbers over many simulated towns (on by
// default), A and B over the same towns with paired differences that agree with the CLI town by
// town, and the robustness panel (runs in the worker, »holds in h of N«, Cancel, Danish).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openApp, settled, tableRows, useSite } from './helpers.mjs';

const site = useSite();
// A scenario path such as `meeting.status_backing` in a text meant for people.
const RAW_PATH = /[a-z]\.[a-z]|_/;

test('the headline numbers run over 20 towns by default and label the single run', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=en&preset=faxe-dialogue`);
  await settled(page);
  await page.waitForSelector('#mc-table', { timeout: 90000 });
  const lead = await page.locator('#mc-lead').innerText();
  assert.match(lead, /^In 20 simulated towns \(seeds \d+–\d+\)/);
  assert.match(lead, /The numbers above are one town \(seed \d+\)\./);
  const head = await page.locator('#mc-table thead th').allInnerTexts();
  assert.match(head[1], /^One town \(seed \d+\)$/);
  assert.match(head.join('|'), /95% interval of the mean/);
  assert.match(head.join('|'), /Range over the towns/);
  const rows = await tableRows(page, 'mc-table');
  const index = rows.find((r) => r[0].startsWith('Representativeness index – attendees'));
  const [lo, hi] = index[4].split(' – ').map(Number);
  const [mlo, mhi] = index[3].split(' – ').map(Number);
  // The range of outcomes is wider than the interval of the mean, and holds this town.
  assert.ok(lo <= mlo && mhi <= hi && lo < hi, `${index}`);
  const one = Number(index[1]);
  assert.ok(lo <= one && one <= hi, `${index}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('A/B: paired differences over the same 20 towns agree with the CLI town by town', async () => {
  const cli = process.env.DIALOGLAB_CLI;
  assert.ok(cli, 'set DIALOGLAB_CLI to the dialoglab binary (scripts/test.sh does)');
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=en&preset=faxe-dialogue`);
  await settled(page);
  await page.click('#pin-headline');
  await page.selectOption('#strategy', 'targeted');
  await settled(page);
  await page.waitForSelector('#pair-table', { timeout: 120000 });
  const lead = await page.locator('#pair-lead').innerText();
  const m = lead.match(/Representativeness index – attendees: higher with B in (\d+) of 20 simulated towns, lower in (\d+)\./);
  assert.ok(m, lead);
  assert.match(lead, /Mean difference [+−±][\d.]+ \([+−±][\d.]+ to [+−±][\d.]+\); in single towns from /);
  const seed = JSON.parse(execFileSync(cli, ['scenario', '--preset', 'faxe-dialogue', '--compact'])).seed;
  const index = (args) => JSON.parse(execFileSync(cli, ['run', '--preset', 'faxe-dialogue', ...args, '--compact'])
    .toString()).stages.attendees.representativeness.index;
  let higher = 0;
  let lower = 0;
  const diffs = [];
  for (let k = 0; k < 20; k++) {
    const a = index(['--seed', String(seed + k)]);
    const b = index(['--seed', String(seed + k), '--set', 'invitation.strategy="targeted"']);
    diffs.push(b - a);
    if (b - a > 1e-9) higher += 1;
    else if (a - b > 1e-9) lower += 1;
  }
  assert.equal(Number(m[1]), higher, `B higher: ${diffs}`);
  assert.equal(Number(m[2]), lower);
  const row = (await tableRows(page, 'pair-table')).find((r) => r[0].startsWith('Representativeness index – attendees'));
  const mean = diffs.reduce((x, y) => x + y, 0) / diffs.length;
  assert.equal(Number(row[3].split(' ')[0].replace('−', '-').replace('±', '')), Number(mean.toFixed(3)), `${row}`);
  assert.equal(row[5], `${higher} / ${lower}`);
  assert.equal(await page.locator('#pair-unpaired').count(), 0, 'same citizens in A and B');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the robustness panel runs on demand and shows how often each finding holds', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=en&preset=borgerbudget-small`);
  await settled(page);
  assert.equal(await page.locator('#robust-table').count(), 0, 'nothing runs before the button');
  await page.selectOption('#robust-members', '20');
  await page.click('#robust-run');
  await page.waitForSelector('#robust-progress');
  await page.waitForSelector('#robust-summary', { timeout: 240000 });
  const rows = page.locator('#robust-table tbody tr');
  assert.equal(await rows.count(), 6);
  for (const r of await rows.all()) {
    const holds = Number(await r.getAttribute('data-holds'));
    assert.equal(await r.getAttribute('data-members'), '20');
    const verdict = await r.getAttribute('data-verdict');
    const expected = holds >= 18 ? 'robust' : holds >= 12 ? 'mostly' : 'not-robust';
    assert.equal(verdict, expected);
    const cells = (await r.locator('td').allInnerTexts());
    assert.match(cells[0], new RegExp(`^${holds} of 20 plausible models \\(\\d+%\\)$`));
    assert.ok(cells[2].split(';').length >= 1 && /ρ\s=\s[+−]\d\.\d\d/.test(cells[2]), cells[2]);
    // The parameters are named in words, not by their scenario paths (population.traits.…).
    assert.doesNotMatch(cells[2], RAW_PATH, cells[2]);
  }
  assert.equal(await page.locator('#robust-summary li').count(), 6);
  assert.match(await page.locator('#robust-live').textContent(), /holds in \d+ of 20 plausible models/);
  // Cached by scenario: another scenario has none, coming back shows it at once.
  const strategy = await page.locator('#strategy').inputValue();
  await page.selectOption('#strategy', strategy === 'targeted' ? 'letters' : 'targeted');
  await settled(page);
  assert.equal(await page.locator('#robust-table').count(), 0);
  await page.selectOption('#strategy', strategy);
  await settled(page);
  await page.waitForSelector('#robust-summary', { timeout: 5000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the robustness job can be cancelled and run again', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=en&preset=faxe-dialogue`);
  await settled(page);
  await page.selectOption('#robust-members', '200');
  await page.click('#robust-run');
  await page.waitForFunction(() => Number(document.querySelector('#robust-progress')?.value) >= 1,
    null, { timeout: 120000 });
  await page.click('#robust-cancel');
  assert.equal(await page.locator('#robust-progress').count(), 0);
  await page.waitForSelector('#robust-cancelled');
  assert.match(await page.locator('#robust-live').textContent(), /cancelled/);
  assert.equal(await page.locator('#robust-run').isEnabled(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Danish: the robustness panel and the towns speak Danish', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=da&preset=borgerbudget-small`);
  await settled(page);
  assert.equal(await page.locator('#robust-heading').innerText(), 'Hvor sikre er fundene?');
  await page.waitForSelector('#mc-lead', { timeout: 90000 });
  assert.match(await page.locator('#mc-lead').innerText(), /^I 20 simulerede byer \(frø \d+–\d+\)/);
  await page.selectOption('#robust-members', '20');
  await page.click('#robust-run');
  await page.waitForSelector('#robust-summary', { timeout: 240000 });
  const first = await page.locator('#robust-summary li').first().innerText();
  assert.match(first, /^».+« gælder i \d+ af 20 plausible modeller \(\d+\u00a0%\)\. /);
  for (const r of await page.locator('#robust-table tbody tr').all()) {
    const factors = (await r.locator('td').allInnerTexts())[2];
    assert.match(factors, /ρ\s=\s[+−]\d,\d\d/, factors);
    assert.doesNotMatch(factors, RAW_PATH, factors);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a guide chapter\'s answer is tested across plausible models on demand', async () => {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}?view=guide&chapter=1&lang=en`);
  await page.waitForSelector('article.chapter', { timeout: 30000 });
  await page.check('#bet-up');
  await page.click('#reveal-button');
  await page.waitForSelector('#towns-verdict[data-majority="up"]', { timeout: 60000 });
  await page.click('#chapter-robust-run');
  await page.waitForSelector('#chapter-robust-progress');
  await page.waitForSelector('#chapter-robust', { timeout: 240000 });
  const p = page.locator('#chapter-robust');
  const holds = Number(await p.getAttribute('data-holds'));
  assert.equal(await p.getAttribute('data-members'), '50');
  assert.match(await p.innerText(), new RegExp(`^The answer “up” holds in ${holds} of 50 plausible models`));
  assert.match(await p.innerText(), /Parameters that move it most \(Spearman's ρ\): .*ρ\s=\s[+−]\d\.\d\d/);
  assert.deepEqual(errors, []);
  await page.close();
});
