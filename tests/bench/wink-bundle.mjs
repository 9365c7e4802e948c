// wink-nlp and its English model (npm, CommonJS) as one classic browser script, for the browser
// benchmark. No bundler: wink-nlp has no dependencies and no Node built-ins, so a module registry
// with a tiny `require` is enough. Starting from each package's `main`, every `require("…")` with
// a literal path is followed (relative files, `.json` files, and bare package names resolved in
// node_modules); each file becomes a function in the registry, each `.json` its parsed value.
//
// The script defines `window.winkNLP` (the wink-nlp factory) and `window.winkModel` (the
// wink-eng-lite-web-model model object). Used by tests/bench/browser.mjs; run it on its own
// (`node tests/bench/wink-bundle.mjs OUT.js`) to look at the script.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../e2e/support/server.mjs';

const NODE_MODULES = join(REPO_ROOT, 'node_modules');
// `require( './x.js' )` and `require("./x.js")`, as both packages write them.
const REQUIRE = /\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g;

/** The entry file of package `name`, from its package.json `main`. */
function packageMain(name) {
  const dir = join(NODE_MODULES, name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return resolve(dir, manifest.main ?? 'index.js');
}

/** The file `specifier` names, seen from the file `from`. */
function resolveSpecifier(specifier, from) {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  if (specifier.includes('/') || specifier.startsWith('node:')) {
    throw new Error(`wink bundle: ${relative(REPO_ROOT, from)} requires '${specifier}', which this bundler does not resolve`);
  }
  return packageMain(specifier);
}

/**
 * Every file reachable from the entries, keyed by its path below node_modules, with the keys its
 * requires resolve to. A require in a comment is followed too: it costs a registry entry at most.
 */
function collect(entries) {
  const files = new Map();
  const pending = [...entries];
  while (pending.length) {
    const path = pending.pop();
    const key = relative(NODE_MODULES, path);
    if (files.has(key)) continue;
    const source = readFileSync(path, 'utf8');
    const deps = {};
    if (!path.endsWith('.json')) {
      for (const [, , specifier] of source.matchAll(REQUIRE)) {
        const target = resolveSpecifier(specifier, path);
        deps[specifier] = relative(NODE_MODULES, target);
        pending.push(target);
      }
    }
    files.set(key, { source, deps });
  }
  return files;
}

/** The browser script: the registry, `require`, and the two globals. */
export function winkBrowserScript() {
  const nlpMain = packageMain('wink-nlp');
  const modelMain = packageMain('wink-eng-lite-web-model');
  const files = collect([nlpMain, modelMain]);
  const entries = [...files].sort(([a], [b]) => a.localeCompare(b));
  const definitions = entries.map(([key, { source, deps }]) => {
    const body = key.endsWith('.json')
      ? `module.exports = ${JSON.stringify(JSON.parse(source))};`
      : source;
    return `${JSON.stringify(key)}: [function (module, exports, require) {\n${body}\n}, ${JSON.stringify(deps)}],`;
  });
  return [
    '(function () {',
    'const defs = {',
    ...definitions,
    '};',
    'const cache = {};',
    'function load(key) {',
    '  if (cache[key]) return cache[key].exports;',
    '  const [factory, deps] = defs[key];',
    '  const module = (cache[key] = { exports: {} });',
    '  factory.call(module.exports, module, module.exports, (specifier) => {',
    '    if (!(specifier in deps)) throw new Error(`wink bundle: ${key} requires unknown ${specifier}`);',
    '    return load(deps[specifier]);',
    '  });',
    '  return module.exports;',
    '}',
    `window.winkNLP = load(${JSON.stringify(relative(NODE_MODULES, nlpMain))});`,
    `window.winkModel = load(${JSON.stringify(relative(NODE_MODULES, modelMain))});`,
    '})();',
    '',
  ].join('\n');
}

/** The installed versions, for the report. */
export function winkVersions() {
  const version = (name) => JSON.parse(readFileSync(join(NODE_MODULES, name, 'package.json'), 'utf8')).version;
  return { 'wink-nlp': version('wink-nlp'), 'wink-eng-lite-web-model': version('wink-eng-lite-web-model') };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const out = process.argv[2] ?? join(REPO_ROOT, 'target', 'bench', 'wink-nlp.browser.js');
  writeFileSync(out, winkBrowserScript());
  console.log(`wrote ${out}`);
}
