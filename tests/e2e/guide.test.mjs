// The guide in headless Chromium: every chapter opens from the chapter list, a bet can be placed
// and the reveal shows the engine's run (checked against the CLI for the same scenarios), the
// facilitator link opens its chapter, "open in the sandbox" carries the chapter's scenario over,
// and the printable card has its parts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { shots, textOutsideCharts, useSite } from './helpers.mjs';

const site = useSite();

const cli = (args) => {
  const bin = process.env.DIALOGLAB_CLI;
  assert.ok(bin, 'set DIALOGLAB_CLI to the dialoglab binary (scripts/test.sh does)');
  return JSON.parse(execFileSync(bin, ['run', ...args, '--compact']).toString());
};

async function openGuide(query) {
  const page = await site.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${site.url}${query}`);
  await page.waitForSelector('article.chapter', { timeout: 30000 });
  return { page, errors };
}

test('every chapter opens, takes a bet and reveals a run', async () => {
  const { page, errors } = await openGuide('?view=guide&lang=en');
  assert.equal(await page.locator('#tab-guide').getAttribute('aria-current'), 'page');
  const count = await page.locator('.guide-chapters button').count();
  assert.equal(count, 7);
  for (let n = 1; n <= count; n++) {
    await page.click(`#chapter-link-${n}`);
    await page.waitForSelector(`#chapter-${n}`);
    assert.equal(await page.locator(`#chapter-link-${n}`).getAttribute('aria-current'), 'page');
    assert.equal(new URL(page.url()).searchParams.get('chapter'), String(n), 'the address names the chapter');
    assert.ok((await page.locator('.quote blockquote[lang="da"]').innerText()).length > 40, 'the deck quote');
    assert.ok((await page.locator('.quote .translation[lang="en"]').innerText()).length > 40, 'its translation');
    assert.equal(await page.locator('#reveal').count(), 0, 'nothing revealed before the bet');
    assert.equal(await page.isDisabled('#reveal-button'), true, 'no reveal without a bet');
    await page.check('#bet-up');
    await page.click('#reveal-button');
    await page.waitForSelector('#reveal');
    const numbers = page.locator('#reveal-numbers');
    const before = Number(await numbers.getAttribute('data-before'));
    const after = Number(await numbers.getAttribute('data-after'));
    assert.ok(Number.isFinite(before) && Number.isFinite(after), `chapter ${n}: ${before} → ${after}`);
    // The bet is judged over 20 simulated towns (seeds), not on the one town shown.
    const towns = page.locator('#towns-verdict[data-majority]');
    await towns.waitFor({ timeout: 30000 });
    const majority = await towns.getAttribute('data-majority');
    const counts = await Promise.all(['up', 'down', 'same'].map(async (k) => Number(await towns.getAttribute(`data-${k}`))));
    assert.equal(counts[0] + counts[1] + counts[2], 20, `chapter ${n}: ${counts}`);
    assert.match(await towns.innerText(), /of 20 simulated towns/);
    assert.match(await page.locator('#bet-result').innerText(), majority === 'up' ? /right/ : /otherwise/);
    assert.equal(await page.locator('#guide-chart-svg title').count(), 1);
    assert.ok((await page.locator('#guide-chart-desc').textContent()).length > 10);
    assert.equal(await page.locator('#guide-chart-table tbody tr').count(), 2);
    assert.deepEqual(await textOutsideCharts(page, '#guide-chart-svg'), [], `chapter ${n}: text outside the chart`);
    assert.equal(await page.isDisabled('#bet-up'), true, 'the bet is locked after the reveal');
    if (n === 1) await page.screenshot({ path: path.join(shots, 'guide-chapter-1-en.png'), fullPage: true });
  }
  assert.match(await page.locator('#guide-tally').innerText(), /of 7 right/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Danish setting names are shown whole in the chart, on a phone too', async () => {
  // The ideal-meeting chapter has the longest names (»Virkeligt (status styrer taletid og
  // overtalelse)«); they are broken into lines, not cut at the chart's left edge.
  for (const width of [1280, 390]) {
    const { page, errors } = await openGuide('?view=guide&lang=da&chapter=5');
    await page.setViewportSize({ width, height: 900 });
    await page.check('#bet-up');
    await page.click('#reveal-button');
    await page.waitForSelector('#guide-chart-svg');
    assert.deepEqual(await textOutsideCharts(page, '#guide-chart-svg'), [], `width ${width}`);
    const names = await page.locator('#guide-chart-svg text[text-anchor="end"]').allTextContents();
    assert.ok(names.some((t) => t.includes('overtalelse')), names.join(' | '));
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the revealed numbers are the CLI run of the same scenarios', async () => {
  // Chapter 1: Faxe, childcare off → on; parents' representation ratio among attendees.
  const { page, errors } = await openGuide('?view=guide&chapter=1&lang=en');
  await page.check('#bet-down');
  await page.click('#reveal-button');
  const numbers = page.locator('#reveal-numbers');
  await numbers.waitFor();
  const ratio = (r) => r.stages.attendees.representativeness.ratios.children.yes;
  const off = cli(['--preset', 'faxe-dialogue', '--set', 'invitation.supports.childcare=false']);
  const on = cli(['--preset', 'faxe-dialogue', '--set', 'invitation.supports.childcare=true']);
  assert.equal(Number(await numbers.getAttribute('data-before')), ratio(off));
  assert.equal(Number(await numbers.getAttribute('data-after')), ratio(on));
  assert.match(await numbers.innerText(), new RegExp(`${ratio(off).toFixed(2)} .*→ ${ratio(on).toFixed(2)}`));
  await page.waitForSelector('#towns-verdict[data-majority="up"]', { timeout: 30000 });
  assert.match(await page.locator('#bet-result').innerText(), /otherwise/, 'the model says up, the bet was down');
  // Chapter 4 with another lever setting: the pool at DKK 1,000,000 instead of 5 million.
  await page.click('#chapter-link-4');
  await page.waitForSelector('#chapter-4');
  await page.selectOption('#lever', '2');
  await page.check('#bet-same');
  await page.click('#reveal-button');
  await numbers.waitFor();
  // The 67+'s share of what the funded projects do for residents (outcome.benefit_shares).
  const old = (r) => r.outcome.benefit_shares.age_band['67+'];
  const small = cli(['--preset', 'borgerbudget-small']);
  const million = cli(['--preset', 'borgerbudget-small', '--set', 'budget=1000000']);
  assert.equal(Number(await numbers.getAttribute('data-before')), old(small));
  assert.equal(Number(await numbers.getAttribute('data-after')), old(million));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the facilitator link opens its chapter, and the sandbox takes over the scenario', async () => {
  const { page, errors } = await openGuide('?view=guide&chapter=6&lang=da');
  assert.equal(await page.locator('#chapter-6').count(), 1);
  assert.equal(await page.locator('html').getAttribute('lang'), 'da');
  const link = await page.inputValue('#facilitator-link');
  const url = new URL(link);
  assert.equal(url.searchParams.get('view'), 'guide');
  assert.equal(url.searchParams.get('chapter'), '6');
  assert.equal(await page.locator('#guide-qr path').count(), 1, 'a QR code of the link');
  // A fresh page from the link lands on the same chapter.
  const { page: other, errors: otherErrors } = await openGuide(link.slice(site.url.length));
  assert.equal(await other.locator('#chapter-6').count(), 1);
  assert.equal(await other.inputValue('#lever'), '3', 'the default setting of the lever');
  await other.close();
  // Open in the sandbox: the chapter's scenario with the chosen lever setting.
  await page.selectOption('#lever', '2');
  await page.click('#open-sandbox');
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  assert.equal(await page.locator('#tab-sandbox').getAttribute('aria-current'), 'page');
  assert.equal(await page.inputValue('#control'), '60', 'control 0.6 shown as a percentage');
  assert.equal(new URL(page.url()).searchParams.get('view'), null);
  // A chapter that does not exist is named, and the page still opens.
  const bad = await site.browser.newPage();
  await bad.goto(`${site.url}?view=guide&chapter=42&lang=en`);
  await bad.waitForSelector('#link-notice', { timeout: 30000 });
  assert.match(await bad.locator('#link-notice').innerText(), /chapter “42”/);
  await bad.close();
  assert.deepEqual([...errors, ...otherErrors], []);
  await page.close();
});

test('the printable card keeps the scenario, the key chart and the QR code', async () => {
  const { page, errors } = await openGuide('?view=guide&chapter=3&lang=en');
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }; });
  await page.click('#print-card');
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['#chapter-title', '#card-summary', '#guide-chart-svg', '#guide-qr', '#facilitator-link']) {
    assert.equal(await page.isVisible(sel), true, `${sel} is on the card`);
  }
  for (const sel of ['.topbar', '.guide-chapters', '#lever', '#open-sandbox', '#print-card']) {
    assert.equal(await page.isVisible(sel), false, `${sel} is not printed`);
  }
  await page.screenshot({ path: path.join(shots, 'guide-card-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(errors, []);
  await page.close();
});
