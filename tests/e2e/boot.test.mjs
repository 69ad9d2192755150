// When the page's WebAssembly cannot start, the page says so in both languages instead of staying
// blank (index.html, #boot-failed); when it starts, the message is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './helpers.mjs';

const site = useSite();

/** The failure message's state once the page has had `ms` to start. */
async function message(page, ms = 4000) {
  await page.waitForTimeout(ms);
  return page.evaluate(() => {
    const box = document.getElementById('boot-failed');
    return {
      present: Boolean(box),
      visible: Boolean(box) && !box.hidden && box.getBoundingClientRect().height > 0,
      da: box?.querySelector('[lang="da"]')?.textContent ?? '',
      en: box?.querySelector('[lang="en"]')?.textContent ?? '',
      app: document.getElementById('app').childElementCount,
    };
  });
}

test('a page that starts removes the failure message', async () => {
  const page = await site.browser.newPage();
  await page.goto(site.url);
  await page.waitForSelector('#index-attendees', { timeout: 30000 });
  const m = await message(page, 0);
  assert.equal(m.present, false, 'the message is removed once the app has started');
  await page.close();
});

test('a page whose WebAssembly fails to load says why, in Danish and English', async () => {
  const page = await site.browser.newPage();
  await page.route('**/dialoglab-app-*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(site.url);
  await page.waitForSelector('#boot-failed:not([hidden])', { timeout: 15000 });
  const m = await message(page, 0);
  assert.ok(m.visible, 'the message is shown');
  assert.equal(m.app, 0, 'nothing else was drawn');
  assert.match(m.da, /kunne ikke starte/);
  assert.match(m.en, /could not start/);
  await page.close();
});

test('a browser without WebAssembly gets the message too', async () => {
  const page = await site.browser.newPage();
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(site.url);
  await page.waitForSelector('#boot-failed:not([hidden])', { timeout: 15000 });
  assert.ok((await message(page, 0)).visible);
  await page.close();
});
