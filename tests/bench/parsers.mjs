// The parser question, measured: Chromium's own HTML parser (DOMParser, text/html, which runs no
// script) on the news-html dev pages, beside Lede's hand-written tokenizer.
//
// For each page, in headless Chromium: DOMParser parses it (timed), a TreeWalker visits every
// node once (timed: the least any extraction walking that DOM must do), and the parsed document is
// serialised back to HTML into target/bench/domparser/NAME.html. Then, natively,
//   lede eval-html --html-from target/bench/domparser
// extracts the story from what the spec parser built, to compare with the same extraction on the
// raw pages (lede eval-html): the difference between the two is what the tokenizer's own tree
// building changes. Not a test: run it by hand (`node tests/bench/parsers.mjs [DIR]`); it writes
// target/bench/parsers.json and prints the timings.

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../e2e/support/browser.mjs';
import { REPO_ROOT } from '../e2e/support/server.mjs';

const DIR = process.argv[2] || join(REPO_ROOT, '..', 'shared', 'data', 'news-html', 'dev');
const OUT = join(REPO_ROOT, 'target', 'bench', 'domparser');
await mkdir(OUT, { recursive: true });

const names = (await readdir(DIR)).filter((f) => f.endsWith('.html')).sort();
const browser = await launchBrowser();
const page = await browser.newPage();
const parse = [];
const walk = [];
let bytes = 0;
for (const file of names) {
  const html = await readFile(join(DIR, file), 'utf8');
  bytes += Buffer.byteLength(html);
  const r = await page.evaluate((source) => {
    const t0 = performance.now();
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const t1 = performance.now();
    const it = doc.createTreeWalker(doc, NodeFilter.SHOW_ALL);
    let n = 0;
    while (it.nextNode()) n++;
    const t2 = performance.now();
    return { parse: t1 - t0, walk: t2 - t1, nodes: n, html: '<!DOCTYPE html>\n' + doc.documentElement.outerHTML };
  }, html);
  parse.push(r.parse);
  walk.push(r.walk);
  await writeFile(join(OUT, file), r.html);
}
await browser.close();

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const result = {
  pages: names.length,
  megabytes: bytes / 2 ** 20,
  domparser_parse_ms: { total: sum(parse), median: median(parse), max: Math.max(...parse) },
  treewalker_ms: { total: sum(walk), median: median(walk) },
};
await writeFile(join(REPO_ROOT, 'target', 'bench', 'parsers.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
console.log(`serialised pages in ${OUT}; now: lede eval-html --html-from ${OUT}`);
