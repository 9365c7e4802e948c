// Trunk post-build hook: writes the Content-Security-Policy into dist/index.html.
//
// The only script the page runs inline is the loader Trunk generates, whose text names the
// hashed wasm file, so its hash changes with every build: this hook hashes each inline script
// Trunk left in the staged index.html and puts exactly those hashes in the policy. Everything
// else must come from the page's own origin; WebAssembly needs 'wasm-unsafe-eval', nothing more.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}
const file = join(staging, 'index.html');
let html = readFileSync(file, 'utf8');

const hashes = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attributes, body] = match;
  if (/\bsrc\s*=/.test(attributes) || body.length === 0) continue;
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

export const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
// Right after the charset, before any script or style, so it governs all of them.
html = html.replace(/(<meta charset[^>]*>)(\s*)/i, (_, charset, space) => `${charset}${space}${meta}${space}`);
writeFileSync(file, html);
console.log(`csp.mjs: policy written with ${hashes.length} inline script hash(es)`);
