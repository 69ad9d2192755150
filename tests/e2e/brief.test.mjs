// The council brief (the Brief view) prints to one A4 page with its sections (Chromium's own PDF
// printer, print media) for a changed scenario; the glossary opens at a term from the sandbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openApp, settled, shots, useSite } from './helpers.mjs';

const site = useSite();

test('the council brief prints to one A4 page with its sections', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?lang=da`);
  await settled(page);
  await page.click('#pin-headline');
  await page.selectOption('#strategy', 'targeted');
  await settled(page);
  await page.click('#open-brief');
  await page.waitForSelector('#brief-index', { timeout: 30000 });
  // The findings' uncertainty: many towns, and A/B over the same towns (pinned A).
  await page.waitForSelector('#brief-towns[aria-busy="false"]', { timeout: 120000 });
  assert.match(await page.locator('#brief-towns').innerText(), /^I 20 simulerede byer .* Tallene ovenfor er én by \(frø \d+\)\. Deltagere: i gennemsnit/);
  await page.waitForSelector('#brief-pair', { timeout: 120000 });
  assert.match(await page.locator('#brief-pair').innerText(), /højere med B i \d+ af 20 simulerede byer, lavere i \d+/);
  assert.match(await page.locator('#brief-rates').innerText(), /Pris pr\. personaletime: 450\u00a0kr\. \(kilde: antagelse\)/);
  assert.equal(await page.locator('#tab-brief').getAttribute('aria-current'), 'page');
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.locator('#brief-scenario').innerText(), /\(ændret\)/);
  const settings = await page.locator('#brief-settings tr').allInnerTexts();
  assert.ok(settings.some((r) => /Invitationsstrategi.*Åben invitation.*Opsøgende kontakt/s.test(r)), settings.join(' | '));
  assert.match(await page.locator('#brief-rates').innerText(), /Pris pr\. personaletime: 450\u00a0kr\./);
  assert.match(await page.locator('#brief-cost').innerText(), /borgerbudget/);
  assert.match(await page.locator('#brief-link').innerText(), /strategy=targeted/);
  for (const id of ['#brief-index', '#ratio-chart', '#cost-chart', '#brief-link', '#brief-qr', '#brief-towns', '#brief-pair']) {
    assert.equal(await page.isVisible(id), true, id);
  }
  for (const id of ['#print-brief', '.topbar', '#ratio-chart .chart-tools']) {
    assert.equal(await page.isVisible(id), false, `${id} is not printed`);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(shots, 'brief-da.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `the brief takes ${pages} A4 pages`);
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: path.join(shots, 'brief-da.png'), fullPage: true });
  await page.click('#brief-back');
  await page.waitForSelector('#index-attendees');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a »?« beside a term opens the glossary at that term', async () => {
  const { page, errors } = await openApp(site.browser, `${site.url}?lang=da`);
  await settled(page);
  await page.click('#welfare-loss >> xpath=.. >> .term-link');
  await page.waitForSelector('#term-welfare-loss', { timeout: 30000 });
  await page.waitForFunction(() => document.activeElement?.id === 'term-welfare-loss', null, { timeout: 5000 });
  assert.match(await page.locator('#term-welfare-loss + dd').innerText(), /negativt/);
  assert.equal(await page.locator('#tab-glossary').getAttribute('aria-current'), 'page');
  await page.click('#glossary-back');
  await page.waitForSelector('#index-attendees');
  assert.deepEqual(errors, []);
  await page.close();
});
