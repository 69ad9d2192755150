// The council brief prints to one A4 page with its sections (Chromium's own PDF printer, print
// media), for a changed scenario with A pinned; the glossary opens at a term from the sandbox.
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
  await page.emulateMedia({ media: 'print' });
  // The brief's sections are there, the controls are not.
  assert.equal(await page.isVisible('#brief'), true);
  assert.equal(await page.isVisible('section.panel'), false);
  assert.match(await page.locator('#brief-scenario').innerText(), /\(ændret\)/);
  const settings = await page.locator('#brief-settings tr').allInnerTexts();
  assert.ok(settings.some((r) => /Invitationsstrategi.*Åben invitation.*Opsøgende kontakt/s.test(r)), settings.join(' | '));
  assert.match(await page.locator('#brief-rates').innerText(), /Pris pr\. personaletime: 450 kr\./);
  assert.match(await page.locator('#cost-vs-budget').innerText(), /borgerbudget/);
  for (const id of ['#index-attendees', '#ratio-chart', '#compare-table', '#cost-chart', '#brief-link']) {
    assert.equal(await page.isVisible(id), true, id);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(shots, 'brief-da.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, `the brief takes ${pages} A4 pages`);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('#brief'), false, 'on screen only the button shows');
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
