// Trunk post_build hook: writes a Content-Security-Policy <meta> into the staged index.html.
// The inline scripts (Trunk's module loader and index.html's start-up check) are allowed by
// their SHA-256 hashes; nothing else inline runs. WebAssembly compiles under 'wasm-unsafe-eval';
// every fetch, worker, style and image comes from the site itself (images also from data: URLs,
// used by the PNG export).
// Must run before scripts/sw-manifest.mjs, which hashes the staged files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error('csp: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
const file = path.join(stage, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)]
  .filter((m) => !/\bsrc\s*=/.test(m[0].slice(0, m[0].indexOf('>'))))
  .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const charset = html.match(/<meta\s+charset=[^>]*>/i);
if (!charset || html.includes('Content-Security-Policy')) {
  console.error('csp: no <meta charset> in index.html, or a policy is already there');
  process.exit(1);
}
const at = charset.index + charset[0].length;
fs.writeFileSync(file, html.slice(0, at) + meta + html.slice(at));
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);
