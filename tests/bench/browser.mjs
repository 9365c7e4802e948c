// The browser benchmark (run it with scripts/bench-browser, which builds dist/ first):
// Lede's release dist/ in headless Chromium, measured as a reader meets it, and compromise
// (npm) in the same Chromium on the same texts.
//
//   - first analysed view: navigation start → the sample rendered with its highlights,
//     median of N cold loads (fresh context each, the server sends no-store);
//   - analyze in wasm for the sample and a 1 MB text, and render time for the 1 MB result,
//     read from the app's data-analyze-ms and data-render-ms on main#app;
//   - long tasks on the main thread while a pasted 1 MB text is analysed and rendered;
//   - the bytes a cold load transfers, raw and gzipped (zlib level 9), by kind;
//   - compromise: nlp(text) with people, places, organizations and sentences.
//
// Writes target/bench/browser.json and target/bench/browser.md and prints the table.
// Not under tests/e2e: scripts/test does not run it. Options: --runs N (cold loads and
// sample repeats, default 7), --big-runs N (1 MB repeats, default 3).

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser, newSession, waitForReady } from '../e2e/support/browser.mjs';
import { ORCHARD_ARTICLE } from '../e2e/support/fixtures.mjs';
import { DIST_DIR, REPO_ROOT, startServer } from '../e2e/support/server.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'big-runs': { type: 'string', default: '3' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const BIG_RUNS = Math.max(1, Number(args['big-runs']));
const OUT_DIR = join(REPO_ROOT, 'target', 'bench');
const COMPROMISE = join(REPO_ROOT, 'node_modules', 'compromise', 'builds', 'compromise.js');
// How long one paste may take to be analysed and rendered before the run is abandoned.
const PASTE_TIMEOUT_MS = 180_000;

const SAMPLE = await readFile(join(REPO_ROOT, 'public', 'samples', 'ap-ukraine-ceasefire.txt'), 'utf8');

/** The sample repeated (as separate articles) to at least `bytes` bytes, as the native bench does. */
function textOfSize(bytes) {
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += SAMPLE + '\n';
  return text;
}
const BIG = textOfSize(1 << 20);

/** Whitespace-separated words: one count for both engines' words/s. */
const words = (text) => text.split(/\s+/).filter(Boolean).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// Installed before any page script: records long tasks, and the moment the first analysed view
// (main#app ready, with entity highlights in the reader) is in the DOM, then the next frame.
function instrument() {
  const bench = { longtasks: [], firstView: null, firstFrame: null };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const seen = new MutationObserver(() => {
    if (bench.firstView !== null) return;
    if (document.querySelector('main#app[data-state="ready"]') && document.querySelector('#reader mark.ent')) {
      bench.firstView = performance.now();
      seen.disconnect();
      requestAnimationFrame(() => {
        bench.firstFrame = performance.now();
      });
    }
  });
  seen.observe(document, { childList: true, subtree: true, attributes: true });
}

/** Opens the app in a fresh context with the instrumentation installed. */
async function openApp(browser, url) {
  const session = await newSession(browser);
  await session.context.addInitScript(instrument);
  await session.page.goto(url, { waitUntil: 'load' });
  await waitForReady(session.page);
  await session.page.waitForFunction(() => window.__bench.firstFrame !== null);
  return session;
}

/**
 * Pastes `text` onto the page (as tests/e2e/app.test.mjs does: a ClipboardEvent on the body)
 * and waits for the new analysis to be rendered and timed. Returns the app's timings, the
 * wall time from the paste to the timing attributes, and the long tasks meanwhile.
 */
async function paste(page, text) {
  return page.evaluate(
    async ({ text, timeout }) => {
      const app = document.querySelector('main#app');
      const before = { generation: Number(app.dataset.generation), renderMs: app.dataset.renderMs };
      const longtasksBefore = window.__bench.longtasks.length;
      document.activeElement?.blur();
      const started = performance.now();
      const done = new Promise((resolve, reject) => {
        const check = () => {
          // data-render-ms is set after data-generation, once the DOM is updated.
          if (Number(app.dataset.generation) > before.generation && app.dataset.renderMs !== before.renderMs) {
            observer.disconnect();
            resolve(performance.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(app, { attributes: true });
        setTimeout(() => reject(new Error(`no new analysis within ${timeout} ms`)), timeout);
      });
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      const finished = await done;
      // Long-task entries arrive asynchronously: give them a few frames.
      await new Promise((r) => setTimeout(r, 300));
      return {
        analyzeMs: Number(app.dataset.analyzeMs),
        renderMs: Number(app.dataset.renderMs),
        wallMs: finished - started,
        longtasks: window.__bench.longtasks.slice(longtasksBefore).map((t) => t.duration),
      };
    },
    { text, timeout: PASTE_TIMEOUT_MS },
  );
}

/** Files of dist/ by kind; the model is compiled into the wasm (include_bytes!). */
function kindOf(path) {
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'js';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.bin')) return 'model';
  return 'other';
}

async function sizes(path) {
  const body = await readFile(path);
  return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** Raw and gzipped bytes by kind, for the files a cold load requested, and for all of dist/. */
async function bundleSizes(requestedPaths) {
  const all = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else all.push(relative(DIST_DIR, path));
    }
  };
  await walk(DIST_DIR);
  const requested = new Set(requestedPaths.map((p) => (p === '/' ? 'index.html' : p.replace(/^\//, ''))));
  const empty = () => ({ raw: 0, gzip: 0 });
  const out = { transferred: { total: empty() }, dist: { total: empty() }, files: {} };
  for (const file of all.sort()) {
    const s = await sizes(join(DIST_DIR, file));
    out.files[file] = { kind: kindOf(file), ...s, loaded: requested.has(file) };
    for (const group of requested.has(file) ? [out.transferred, out.dist] : [out.dist]) {
      group[kindOf(file)] ??= empty();
      for (const key of ['raw', 'gzip']) {
        group[kindOf(file)][key] += s[key];
        group.total[key] += s[key];
      }
    }
  }
  // The entity model travels inside the wasm; its own weight, for scale.
  out.modelInsideWasm = await sizes(join(REPO_ROOT, 'model', 'ner.bin'));
  return out;
}

/** Times compromise on `text` in a blank page: nlp(text), then people, places, organizations, sentences. */
async function compromiseRun(page, text) {
  return page.evaluate((text) => {
    const started = performance.now();
    const doc = nlp(text);
    const people = doc.people().out('array').length;
    const places = doc.places().out('array').length;
    const organizations = doc.organizations().out('array').length;
    const sentences = doc.sentences().out('array').length;
    return { ms: performance.now() - started, people, places, organizations, sentences };
  }, text);
}

async function main() {
  const server = await startServer({ mounts: ['/'] });
  const browser = await launchBrowser();
  const result = {
    date: new Date().toISOString(),
    // The machine is shared: the load average says how much else was running.
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadavg: loadavg().map((l) => round(l, 2)) },
    chromium: browser.version(),
    texts: {
      sample: { bytes: Buffer.byteLength(SAMPLE), words: words(SAMPLE) },
      '1 MB': { bytes: Buffer.byteLength(BIG), words: words(BIG) },
    },
  };
  try {
    // --- Cold loads: first analysed view ------------------------------------------------
    const loads = [];
    let requestedPaths = [];
    for (let i = 0; i < RUNS; i++) {
      const first = server.requests.length;
      const { page, context } = await openApp(browser, server.url('/'));
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const app = document.querySelector('main#app');
        return {
          firstViewMs: window.__bench.firstView,
          firstFrameMs: window.__bench.firstFrame,
          domContentLoadedMs: nav.domContentLoadedEventEnd,
          loadMs: nav.loadEventEnd,
          analyzeMs: Number(app.dataset.analyzeMs),
          longestTaskMs: Math.max(0, ...window.__bench.longtasks.map((l) => l.duration)),
        };
      });
      loads.push(t);
      requestedPaths = server.requests.slice(first).filter((r) => r.status === 200).map((r) => r.path);
      await context.close();
    }
    result.load = {
      runs: loads,
      firstViewMs: round(median(loads.map((l) => l.firstViewMs))),
      firstFrameMs: round(median(loads.map((l) => l.firstFrameMs))),
      // The first analysis on a page also decodes the model and warms up the wasm.
      coldSampleAnalyzeMs: round(median(loads.map((l) => l.analyzeMs))),
    };

    // --- Sample and 1 MB pasted into a loaded page ------------------------------------------
    // Between two measured pastes a small article is pasted, so every paste is a new text.
    const { page, context, problems } = await openApp(browser, server.url('/'));
    const sampleRuns = [];
    for (let i = 0; i < RUNS; i++) {
      await paste(page, ORCHARD_ARTICLE);
      sampleRuns.push(await paste(page, SAMPLE));
    }
    const bigRuns = [];
    for (let i = 0; i < BIG_RUNS; i++) {
      await paste(page, ORCHARD_ARTICLE);
      bigRuns.push(await paste(page, BIG));
    }
    const summary = (runs, text) => ({
      runs,
      analyzeMs: round(median(runs.map((r) => r.analyzeMs))),
      // The best run: on a shared machine, the closest to the code's own cost.
      bestAnalyzeMs: round(Math.min(...runs.map((r) => r.analyzeMs))),
      renderMs: round(median(runs.map((r) => r.renderMs))),
      wallMs: round(median(runs.map((r) => r.wallMs))),
      wordsPerS: Math.round(words(text) / (median(runs.map((r) => r.analyzeMs)) / 1e3)),
      longestTaskMs: round(Math.max(0, ...runs.flatMap((r) => r.longtasks))),
      longTasksOver200: Math.max(...runs.map((r) => r.longtasks.filter((d) => d > 200).length)),
    });
    result.lede = { sample: summary(sampleRuns, SAMPLE), '1 MB': summary(bigRuns, BIG) };
    if (problems.length) result.lede.pageProblems = problems;
    await context.close();

    // --- compromise, same Chromium, same texts ---------------------------------------------
    const blank = await newSession(browser);
    await blank.page.goto('about:blank');
    await blank.page.addScriptTag({ path: COMPROMISE });
    await compromiseRun(blank.page, SAMPLE); // first call builds its lexicon: not timed
    const cSample = [];
    for (let i = 0; i < RUNS; i++) cSample.push(await compromiseRun(blank.page, SAMPLE));
    const cBig = [];
    for (let i = 0; i < BIG_RUNS; i++) cBig.push(await compromiseRun(blank.page, BIG));
    await blank.context.close();
    const cSummary = (runs, text) => ({
      runs,
      ms: round(median(runs.map((r) => r.ms))),
      bestMs: round(Math.min(...runs.map((r) => r.ms))),
      wordsPerS: Math.round(words(text) / (median(runs.map((r) => r.ms)) / 1e3)),
    });
    result.compromise = {
      version: JSON.parse(await readFile(join(REPO_ROOT, 'node_modules', 'compromise', 'package.json'), 'utf8')).version,
      bundle: await sizes(COMPROMISE),
      sample: cSummary(cSample, SAMPLE),
      '1 MB': cSummary(cBig, BIG),
    };
    result.ratio = {
      sample: round(result.compromise.sample.ms / result.lede.sample.analyzeMs, 2),
      '1 MB': round(result.compromise['1 MB'].ms / result.lede['1 MB'].analyzeMs, 2),
    };

    result.bundle = await bundleSizes(requestedPaths);
  } finally {
    await browser.close();
    await server.close();
  }

  const md = markdown(result);
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'browser.json'), JSON.stringify(result, null, 2) + '\n');
  await writeFile(join(OUT_DIR, 'browser.md'), md);
  console.log(md);
  console.log(`wrote ${relative(REPO_ROOT, join(OUT_DIR, 'browser.json'))} and browser.md`);
}

const kb = (bytes) => `${round(bytes / 1024)} KB`;
const mark = (ok) => (ok ? 'met' : '**missed**');

function markdown(r) {
  const b = r.bundle.transferred;
  const kinds = Object.keys(b).filter((k) => k !== 'total');
  const big = r.lede['1 MB'];
  const budgets = [
    ['dist transfer, gzipped', kb(b.total.gzip), '≤ 2.0 MB', b.total.gzip <= 2 * 1024 * 1024],
    ['first analysed view (median)', `${r.load.firstViewMs} ms`, '≤ 1000 ms', r.load.firstViewMs <= 1000],
    ['sample: analyze in wasm (median)', `${r.lede.sample.analyzeMs} ms`, '≤ 15 ms', r.lede.sample.analyzeMs <= 15],
    ['1 MB: analyze in wasm (median)', `${big.analyzeMs} ms`, '≤ 1000 ms', big.analyzeMs <= 1000],
    ['compromise time / Lede time, sample', `${r.ratio.sample}x`, '≥ 5x', r.ratio.sample >= 5],
    ['compromise time / Lede time, 1 MB', `${r.ratio['1 MB']}x`, '≥ 5x', r.ratio['1 MB'] >= 5],
    ['1 MB paste: longest main-thread task', `${big.longestTaskMs} ms`, '≤ 200 ms', big.longestTaskMs <= 200],
  ];
  return [
    `## Browser benchmark, ${r.date.slice(0, 10)}`,
    '',
    `${r.machine.nproc} cores, ${r.machine.cpu} (load average ${r.machine.loadavg.join(', ')} at the start); Chromium ${r.chromium} headless; release dist/.`,
    '',
    '| budget | measured | goal | |',
    '| --- | ---: | ---: | --- |',
    ...budgets.map(([what, got, goal, ok]) => `| ${what} | ${got} | ${goal} | ${mark(ok)} |`),
    '',
    '| text | words | Lede analyze ms (best) | Lede render ms | Lede paste→view ms | Lede words/s | long tasks > 200 ms | compromise ms (best) | compromise words/s | ratio |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...['sample', '1 MB'].map((t) => {
      const l = r.lede[t];
      const c = r.compromise[t];
      return `| ${t} | ${r.texts[t].words} | ${l.analyzeMs} (${l.bestAnalyzeMs}) | ${l.renderMs} | ${l.wallMs} | ${l.wordsPerS} | ${l.longTasksOver200} (longest ${l.longestTaskMs} ms) | ${c.ms} (${c.bestMs}) | ${c.wordsPerS} | ${r.ratio[t]}x |`;
    }),
    '',
    `Cold load: first analysed view ${r.load.firstViewMs} ms, next frame ${r.load.firstFrameMs} ms (median of ${r.load.runs.length}); the first analyze on a page takes ${r.load.coldSampleAnalyzeMs} ms (model decode and warm-up included).`,
    '',
    '| bundle (loaded on a cold visit) | raw | gzip -9 |',
    '| --- | ---: | ---: |',
    ...kinds.map((k) => `| ${k} | ${kb(b[k].raw)} | ${kb(b[k].gzip)} |`),
    `| **total** | ${kb(b.total.raw)} | ${kb(b.total.gzip)} |`,
    `| (model, inside the wasm) | ${kb(r.bundle.modelInsideWasm.raw)} | ${kb(r.bundle.modelInsideWasm.gzip)} |`,
    `| compromise ${r.compromise.version} (builds/compromise.js) | ${kb(r.compromise.bundle.raw)} | ${kb(r.compromise.bundle.gzip)} |`,
    '',
    'Times are medians (best run in brackets). Lede analyze ms is data-analyze-ms (analyze alone, in wasm, on the main thread); render ms is data-render-ms',
    '(analysis result → DOM updated); compromise ms is nlp(text) + people(), places(), organizations(), sentences()',
    "with .out('array'). Ratio = compromise ms / Lede analyze ms. Words are whitespace-separated.",
    '',
  ].join('\n');
}

await main();
