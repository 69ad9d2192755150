// End to end in headless Chromium: the glossary's table of the model's coefficients. It is read
// from the engine's parameter registry at run time, so it lists exactly the coefficients of
// docs/MODEL.md's generated table (which a Rust test keeps in step with the registry); it reads
// in Danish and English, is axe-clean in every theme, and scrolls inside its own region on a phone
// instead of widening the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { axeViolations, root, shots, useSite } from './helpers.mjs';

const site = useSite();

/** The coefficients of docs/MODEL.md's generated registry table: (path, default as written). */
function documented() {
  const text = fs.readFileSync(path.join(root, 'docs/MODEL.md'), 'utf8');
  const rows = [];
  for (const line of text.split('\n')) {
    const m = /^\| `([a-z_.0-9]+)` \| (-?[0-9.]+) \| (-?[0-9.]+) – (-?[0-9.]+) \|/.exec(line);
    if (m) rows.push({ path: m[1], value: m[2] });
  }
  return rows;
}

async function openGlossary(lang, viewport = { width: 1280, height: 800 }) {
  const page = await site.browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.url}?view=glossary&lang=${lang}`);
  await page.waitForSelector('#parameters-summary', { timeout: 60000 });
  return { page, errors };
}

test('the glossary lists every coefficient of the registry with its value, in both languages', async () => {
  const docs = documented();
  assert.ok(docs.length > 100, `MODEL.md lists ${docs.length} coefficients`);
  for (const lang of ['da', 'en']) {
    const { page, errors } = await openGlossary(lang);
    const rows = await page.locator('.model-parameters tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      path: tr.querySelector('code').textContent,
      value: tr.children[1].textContent,
      kind: tr.children[4].textContent,
    })));
    assert.deepEqual(rows.map((r) => r.path), docs.map((d) => d.path), lang);
    // Each value as MODEL.md writes it, in the page's number format.
    const local = (v) => {
      const [whole, frac] = v.replace('-', '').split('.');
      const grouped = whole.replace(/\B(?=(\d{3})+$)/g, lang === 'da' ? '.' : ',');
      const mark = lang === 'da' ? ',' : '.';
      return `${v.startsWith('-') ? '−' : ''}${grouped}${frac ? mark + frac : ''}`;
    };
    for (const [k, r] of rows.entries()) assert.equal(r.value, local(docs[k].value), r.path);
    const summary = await page.textContent('#parameters-summary');
    const total = lang === 'da' ? /Modellen har (\d+) koefficienter/.exec(summary) : /The model has (\d+) coefficients/.exec(summary);
    assert.ok(total, summary);
    assert.equal(Number(total[1]), docs.length);
    const kinds = new Set(rows.map((r) => r.kind));
    assert.deepEqual([...kinds].sort(), lang === 'da' ? ['antaget', 'kalibreret', 'målt'] : ['assumed', 'calibrated', 'measured']);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

for (const theme of ['light', 'dark', 'projector']) {
  test(`the coefficients' tables are axe-clean: da, ${theme}`, async () => {
    const { page } = await openGlossary('da');
    await page.selectOption('#theme', theme);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

test('on a phone the coefficients scroll inside their tables, not the page', async () => {
  const { page } = await openGlossary('da', { width: 390, height: 844 });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: window.innerWidth,
    regions: [...document.querySelectorAll('.model-parameters .table-scroll')]
      .map((r) => ({ client: r.clientWidth, scroll: r.scrollWidth, focusable: r.tabIndex === 0 })),
  }));
  assert.ok(widths.page <= widths.view, `page ${widths.page} px wide in a ${widths.view} px window`);
  assert.ok(widths.regions.length >= 5);
  assert.ok(widths.regions.every((r) => r.focusable && r.client <= widths.view));
  // The wide tables scroll sideways, reachable by keyboard (the region takes the focus).
  assert.ok(widths.regions.some((r) => r.scroll > r.client));
  fs.mkdirSync(shots, { recursive: true });
  await page.locator('#parameters-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'parameters-da-390.png') });
  await page.close();
});
