// Trunk post_build hook: minifies the sandbox bundle's JS glue (an ES module that Trunk's own
// minifier leaves as it is: it stops at wasm-bindgen's `export default`) with terser, and updates
// its Subresource Integrity hash in the staged index.html. Part of the initial-load budget
// (docs/APP.md). Must run before scripts/csp.mjs and scripts/sw-manifest.mjs, which read the
// final files. Release builds only (debug builds are left readable).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const htmlFile = path.join(stage, 'index.html');
let html = fs.readFileSync(htmlFile, 'utf8');
const files = fs.readdirSync(stage).filter((f) => /^dialoglab-app-[0-9a-f]+\.js$/.test(f));
if (files.length !== 1) {
  console.error(`minify-js: expected one dialoglab-app-*.js in the staging dir, found ${files.length}`);
  process.exit(1);
}
for (const name of files) {
  const file = path.join(stage, name);
  const source = fs.readFileSync(file, 'utf8');
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) {
    console.error(`minify-js: terser produced nothing for ${name}`);
    process.exit(1);
  }
  fs.writeFileSync(file, out.code);
  const sri = (text) => `sha384-${crypto.createHash('sha384').update(text, 'utf8').digest('base64')}`;
  const before = sri(source);
  const count = html.split(before).length - 1;
  html = html.replaceAll(before, sri(out.code));
  console.log(`minify-js: ${name} ${source.length} → ${out.code.length} bytes, ${count} integrity hash(es) updated`);
}
fs.writeFileSync(htmlFile, html);
