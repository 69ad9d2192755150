// Trunk post_build hook: writes the service worker's precache list and build hash into the staged
// sw.js (see assets/sw.js). Lists every file Trunk staged (hashed wasm/JS/CSS, index.html, icons,
// worker files), relative to the site's root, so the built dist/ works offline from any origin
// and sub-path. The hash covers every file's name and contents, so each build gets its own cache.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('sw-manifest: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
const sw = path.join(stage, 'sw.js');
if (!fs.existsSync(sw)) {
  console.error(`sw-manifest: ${sw} is missing (index.html must copy assets/sw.js)`);
  process.exit(1);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

const files = walk(stage)
  .map((f) => path.relative(stage, f).split(path.sep).join('/'))
  .filter((f) => f !== 'sw.js' && !f.startsWith('.'))
  .sort();
const hash = crypto.createHash('sha256');
for (const f of files) {
  hash.update(f);
  hash.update('\0');
  hash.update(fs.readFileSync(path.join(stage, f)));
}
const build = hash.digest('hex').slice(0, 16);
const assets = ['./', ...files];
let text = fs.readFileSync(sw, 'utf8');
const replaced = text
  .replace(/^const BUILD = .*;$/m, `const BUILD = '${build}';`)
  .replace(/^const ASSETS = .*;$/m, `const ASSETS = ${JSON.stringify(assets)};`);
if (replaced === text || !replaced.includes(build)) {
  console.error('sw-manifest: the BUILD/ASSETS lines of sw.js were not found');
  process.exit(1);
}
fs.writeFileSync(sw, replaced);
console.log(`sw-manifest: ${assets.length} files, cache ${build}`);
