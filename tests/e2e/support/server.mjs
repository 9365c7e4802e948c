// A tiny static file server for the e2e tests: serves dist/ (Trunk's release build)
// on 127.0.0.1 at a free port the OS picks. No dependencies beyond Node itself.
//
// The same files can be mounted at several URL prefixes. By default dist/ is served
// both at "/" and at "/x/lede/". The sub-path test mounts it ONLY at "/x/lede/", so
// that an absolute URL such as "/lede-web.js" gets a 404 there instead of being
// quietly answered by the root mount.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
// LEDE_E2E_DIST points the tests at another build (default: the repo's dist/).
export const DIST_DIR = resolve(process.env.LEDE_E2E_DIST || join(REPO_ROOT, 'dist'));
export const SUB_PATH = '/x/lede/';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  // application/wasm is required for WebAssembly.instantiateStreaming.
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Starts the server. Resolves to { origin, url(path), requests, close() }.
 * `requests` records every request as { method, path, status }, so a test can
 * check that a page asked only for what it should have.
 */
export async function startServer({ root = DIST_DIR, mounts = ['/', SUB_PATH] } = {}) {
  const rootDir = resolve(root);
  // Longest prefix first, so "/x/lede/" wins over "/".
  const prefixes = [...mounts].sort((a, b) => b.length - a.length);
  const requests = [];

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const record = (status) => requests.push({ method: req.method, path, status });
    const send = (status, body, headers = {}) => {
      record(status);
      res.writeHead(status, { 'cache-control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');

    // "/x/lede" without its slash: redirect, as a real web server would, so that
    // relative URLs resolve against the directory.
    const bare = prefixes.find((p) => p !== '/' && path === p.slice(0, -1));
    if (bare) return send(301, '', { location: bare });

    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) return send(404, 'not found');

    let rel = path.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(rootDir, rel));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(403, 'forbidden');

    try {
      const info = await stat(file);
      if (!info.isFile()) return send(404, 'not found');
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, body, { 'content-type': type, 'content-length': body.length });
    } catch {
      return send(404, 'not found');
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok); // port 0: the OS picks a free one
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    requests,
    url: (path = '/') => origin + path,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// `node tests/e2e/support/server.mjs` serves dist/ by hand, for poking at it.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srv = await startServer();
  console.log(`serving ${DIST_DIR} at ${srv.url('/')} and ${srv.url(SUB_PATH)}`);
}
