// Bad uploads, in Danish and English, through the file picker and by drag and drop: a file over
// 50 MB, an empty file, text that is not UTF-8, binary data (a gzip-compressed file), and for the
// scenario JSON a file with an unknown field. Each shows a message in the page's language naming
// what is wrong, and the file or scenario shown before stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openApp, root, settled, shareLink, useSite } from './helpers.mjs';

const site = useSite();
const data = process.env.PB_DATA ?? path.join(root, 'crates/engine/tests/data/pabulib');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dialoglab-uploads-'));
const BIG = 52_000_000;

// The files (the big one is sparse: it takes no disk space).
const big = path.join(tmp, 'big.pb');
fs.writeFileSync(big, '');
fs.truncateSync(big, BIG);
const good = path.join(data, 'Poland_Czestochowa_2020_Grabowka.pb');
const gzip = zlib.gzipSync(fs.readFileSync(good));
const latin1 = Buffer.concat([Buffer.from('META\nkey;value\nbudget;100\nname;'), Buffer.from([0xe6, 0xf8]), Buffer.from('\n')]);
const latin1Json = Buffer.concat([Buffer.from('{"budget": 5000, "note": "'), Buffer.from([0xe6]), Buffer.from('"}')]);

/** Gives `file` (a path, or { name, buffer }) to the file input `input`, or drops it on `zone`. */
async function give(page, how, { input, zone }, file) {
  if (how === 'picker') {
    await page.setInputFiles(input, file);
    return;
  }
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  const bytes = typeof file === 'string' ? null : [...file.buffer];
  await page.evaluate(({ zone, name, bytes, size }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes ? new Uint8Array(bytes) : new Uint8Array(size)], name));
    const target = document.querySelector(zone);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, { zone, name, bytes, size: BIG });
}

const PB_CASES = {
  da: [
    ['over 50 MB', big, /^Filen kunne ikke læses: Filen fylder 52,0 MB; grænsen er 50,0 MB\./],
    ['empty', { name: 'empty.pb', buffer: Buffer.alloc(0) }, /^Filen kunne ikke læses: filen er tom/],
    ['not UTF-8', { name: 'latin1.pb', buffer: latin1 }, /^Filen kunne ikke læses: filen er ikke UTF-8-tekst \(ugyldig byte ved position 31\)/],
    ['binary', { name: 'vote.pb.gz', buffer: gzip }, /^Filen kunne ikke læses: filen er ikke UTF-8-tekst \(ugyldig byte ved position 1\)/],
  ],
  en: [
    ['over 50 MB', big, /^The file could not be read: The file is 52\.0 MB; the limit is 50\.0 MB\./],
    ['empty', { name: 'empty.pb', buffer: Buffer.alloc(0) }, /^The file could not be read: the file is empty/],
    ['not UTF-8', { name: 'latin1.pb', buffer: latin1 }, /^The file could not be read: the file is not UTF-8 text \(invalid byte at offset 31\)/],
    ['binary', { name: 'vote.pb.gz', buffer: gzip }, /^The file could not be read: the file is not UTF-8 text \(invalid byte at offset 1\)/],
  ],
};
const KEPT = { da: 'Den forrige fil vises stadig.', en: 'The previous file is still shown.' };

for (const lang of ['da', 'en']) {
  test(`bad .pb files are refused with a ${lang} message and the previous file stays`, async () => {
    const { page, errors } = await openApp(site.browser, `${site.url}?v=1&lang=${lang}`);
    await page.click('#tab-real-data');
    await page.setInputFiles('#pb-file', good);
    await page.waitForFunction((n) => document.querySelector('#pb-file-name')?.textContent === n,
      path.basename(good), { timeout: 60000 });
    const winners = await page.locator('#pb-rules-table').innerText();
    let last = '';
    for (const how of ['picker', 'drop']) {
      for (const [what, file, message] of PB_CASES[lang]) {
        await give(page, how, { input: '#pb-file', zone: '#pb-drop' }, file);
        // Each case's message differs from the one before, so a changed message is this case's.
        await page.waitForFunction((prev) => {
          const e = document.querySelector('#pb-error');
          return e && e.innerText !== prev;
        }, last, { timeout: 60000 });
        const shown = await page.locator('#pb-error').innerText();
        assert.match(shown, message, `${lang}, ${how}, ${what}: ${shown}`);
        assert.ok(shown.includes(KEPT[lang]), `${lang}, ${how}, ${what}: says the file stays`);
        assert.equal(await page.locator('#pb-file-name').textContent(), path.basename(good), `${how}, ${what}`);
        assert.equal(await page.locator('#pb-rules-table').innerText(), winners, `${how}, ${what}: the winners stay`);
        last = shown;
      }
    }
    // A good file dropped afterwards opens.
    await give(page, 'drop', { zone: '#pb-drop' }, { name: 'zurich.pb', buffer: fs.readFileSync(path.join(data, 'Switzerland_Zurich_S5R.pb')) });
    await page.waitForFunction(() => document.querySelector('#pb-file-name')?.textContent === 'zurich.pb', null, { timeout: 60000 });
    assert.equal(await page.locator('#pb-error').count(), 0, 'the error is gone');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

const JSON_CASES = {
  da: [
    ['over 50 MB', big, /filen fylder 52,0 MB, men en scenariefil må højst fylde 5,0 MB$/],
    ['empty', { name: 'empty.json', buffer: Buffer.alloc(0) }, /filen er tom$/],
    ['not UTF-8', { name: 'latin1.json', buffer: latin1Json }, /filen er ikke UTF-8-tekst \(første ugyldige byte er nr\. 27\); gem den som UTF-8$/],
    ['binary', { name: 'scenario.json.gz', buffer: gzip }, /filen er ikke en tekstfil \(den indeholder binære data\)/],
    ['unknown field', { name: 'colour.json', buffer: Buffer.from('{"budget": 5000, "colour": "red"}') },
      /scenariet kunne ikke læses: der er intet scenariefelt ved navn »colour«$/],
    ['broken JSON', { name: 'broken.json', buffer: Buffer.from('{"budget": 5000,\n') },
      /scenariet kunne ikke læses: teksten slutter, før JSON-teksten er færdig \(linje 2, kolonne 0\)$/],
  ],
  en: [
    ['over 50 MB', big, /the file is 52\.0 MB, but a scenario file can be at most 5\.0 MB$/],
    ['empty', { name: 'empty.json', buffer: Buffer.alloc(0) }, /the file is empty$/],
    ['not UTF-8', { name: 'latin1.json', buffer: latin1Json }, /the file is not UTF-8 text \(the first invalid byte is byte 27\); save it as UTF-8$/],
    ['binary', { name: 'scenario.json.gz', buffer: gzip }, /the file is not a text file \(it holds binary data\)/],
    ['unknown field', { name: 'colour.json', buffer: Buffer.from('{"budget": 5000, "colour": "red"}') },
      /the scenario could not be read: unknown field `colour`/],
    ['broken JSON', { name: 'broken.json', buffer: Buffer.from('{"budget": 5000,\n') },
      /the scenario could not be read: EOF while parsing a value at line 2 column 0$/],
  ],
};
const REFUSED = {
  da: 'Filen kunne ikke indlæses, og det aktuelle scenarie er bevaret: ',
  en: 'The file could not be loaded, and the current scenario is kept: ',
};

for (const lang of ['da', 'en']) {
  test(`bad scenario files are refused with a ${lang} message and the scenario stays`, async () => {
    const { page, errors } = await openApp(site.browser, shareLink(site.url, { lang, budget: '300000', strategy: 'targeted' }));
    await settled(page);
    const results = await page.locator('#funnel-table').innerText();
    for (const how of ['picker', 'drop']) {
      for (const [what, file, message] of JSON_CASES[lang]) {
        // Reopening the dialog clears the last message, so the next one is this case's.
        await page.click('#share');
        await page.waitForSelector('#upload-json');
        assert.equal(await page.locator('#upload-status').textContent(), '');
        await give(page, how, { input: '#upload-json', zone: '#upload-drop' }, file);
        await page.waitForFunction(() => document.querySelector('#upload-status')?.textContent !== '', null, { timeout: 30000 });
        const shown = await page.locator('#upload-status').textContent();
        assert.ok(shown.startsWith(REFUSED[lang]), `${lang}, ${how}, ${what}: ${shown}`);
        assert.match(shown, message, `${lang}, ${how}, ${what}`);
        assert.equal(await page.getAttribute('#upload-status', 'role'), 'alert');
        await page.click('#close-share');
        assert.equal(await page.inputValue('#budget'), '300000', `${how}, ${what}: the scenario stays`);
        assert.equal(await page.inputValue('#strategy'), 'targeted', `${how}, ${what}: the scenario stays`);
        assert.equal(await page.locator('#funnel-table').innerText(), results, `${how}, ${what}: the results stay`);
      }
    }
    // A good file dropped afterwards replaces the scenario.
    await page.click('#share');
    await give(page, 'drop', { zone: '#upload-drop' }, { name: 'good.json', buffer: Buffer.from('{"budget": 5000}') });
    await page.waitForFunction(() => document.querySelector('#budget')?.value === '5000');
    assert.equal(await page.getAttribute('#upload-status', 'role'), 'status');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
