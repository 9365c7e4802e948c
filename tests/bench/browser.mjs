// The browser benchmark (run it with scripts/bench-browser, which builds dist/ first): Lede's
// release dist/ in headless Chromium, measured as a reader meets it, beside compromise and
// wink-nlp (npm) in the same Chromium on the same texts, against the goals of issue 16.
//
// One run is one Chromium (launched for it, closed after it):
//   - cold loads: navigation start → the sample rendered with its highlights (the first analysed
//     view), and the `load` event → that view, median of N loads (fresh context each, the server
//     sends no-store);
//   - the sample and a 1 MB text pasted into a loaded page: analyze in wasm (the app's
//     data-analyze-ms), paste → first screen (the reader's first paragraph is the new article's:
//     its plain first screen, shown before the analysis), paste → first analysed view (that screen
//     with its marks in the DOM, when the app sets data-render-ms), paste → fully rendered (the
//     DOM quiet), and the main thread's long
//     tasks while the 1 MB text is pasted, analysed and rendered;
//   - compromise and wink-nlp in one blank page, on the same two texts, interleaved;
//   - the gzipped size of the whole dist/ (each file at zlib level 9, summed).
// `--repeat N` makes N runs in a row and reports each run's figures and each goal's spread.
//
// Writes target/bench/browser.json and target/bench/browser.md and prints the markdown.
// Not under tests/e2e: scripts/test does not run it. Options: --runs N (cold loads and sample
// repeats, default 7), --big-runs N (1 MB repeats, default 3), --repeat N (runs, default 1).

import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { launchBrowser, newSession, waitForReady } from '../e2e/support/browser.mjs';
import { ORCHARD_ARTICLE } from '../e2e/support/fixtures.mjs';
import { DIST_DIR, REPO_ROOT, startServer } from '../e2e/support/server.mjs';
import { goalsOf, markdown, median, round, spreadOf } from './browser-report.mjs';
import { winkBrowserScript, winkVersions } from './wink-bundle.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'big-runs': { type: 'string', default: '3' },
    repeat: { type: 'string', default: '1' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const BIG_RUNS = Math.max(1, Number(args['big-runs']));
const REPEAT = Math.max(1, Number(args.repeat));
const OUT_DIR = join(REPO_ROOT, 'target', 'bench');
const COMPROMISE = join(REPO_ROOT, 'node_modules', 'compromise', 'builds', 'compromise.js');
// wink-nlp's annotations the benchmark asks for: sentences, parts of speech, its entities
// (tokens always). Negation, sentiment and custom entities are left out: Lede does neither.
const WINK_PIPE = ['sbd', 'pos', 'ner'];
// How long one paste may take to be analysed and rendered before the run is abandoned.
const PASTE_TIMEOUT_MS = 180_000;
// After a paste's first view, the page counts as fully rendered once its DOM has not changed
// for this long (later chunks of a long text render on later turns of the event loop).
const QUIET_MS = 500;

const SAMPLE = await readFile(join(REPO_ROOT, 'public', 'samples', 'ap-ukraine-ceasefire.txt'), 'utf8');

/** The sample repeated (as separate articles) to at least `bytes` bytes, as the native bench does. */
function textOfSize(bytes) {
  let text = '';
  while (Buffer.byteLength(text) < bytes) text += SAMPLE + '\n';
  return text;
}
const BIG = textOfSize(1 << 20);
const TEXTS = { sample: SAMPLE, '1 MB': BIG };

/** Whitespace-separated words: one count for every engine's words/s. */
const words = (text) => text.split(/\s+/).filter(Boolean).length;

// Installed before any page script: records long tasks and long animation frames (a frame's
// tasks plus its style, layout and paint, which the long-task API leaves out), and the moment the
// first analysed view (main#app ready, with entity highlights in the reader) is in the DOM, then
// the next frame. It says so on the console, so the harness can wait for it without running any
// script of its own in the page while it loads (Playwright's waits inject a large script, whose
// compile and run took 70-150 ms of the main thread in the middle of a cold load).
function instrument() {
  const bench = { longtasks: [], frames: [], firstScreen: null, firstView: null, firstFrame: null };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.frames.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // A browser without the API: no frames reported.
  }
  const seen = new MutationObserver(() => {
    // The opening article's first screen, plain, before its analysis (or the analysed view).
    if (bench.firstScreen === null && document.querySelector('#reader .reader-preview p, #reader mark.ent')) {
      bench.firstScreen = performance.now();
    }
    if (bench.firstView !== null) return;
    if (document.querySelector('main#app[data-state="ready"]') && document.querySelector('#reader mark.ent')) {
      bench.firstView = performance.now();
      seen.disconnect();
      requestAnimationFrame(() => {
        bench.firstFrame = performance.now();
        console.debug(FIRST_VIEW_SIGNAL);
      });
    }
  });
  seen.observe(document, { childList: true, subtree: true, attributes: true });
}
// What `instrument` logs once the first analysed view has had its frame.
const FIRST_VIEW_SIGNAL = 'lede-bench: first view';

/** Opens the app in a fresh context with the instrumentation installed. */
async function openApp(browser, url) {
  const session = await newSession(browser);
  await session.context.addInitScript(`const FIRST_VIEW_SIGNAL = ${JSON.stringify(FIRST_VIEW_SIGNAL)}; (${instrument})();`);
  const firstView = session.page.waitForEvent('console', {
    predicate: (message) => message.text() === FIRST_VIEW_SIGNAL,
    timeout: PASTE_TIMEOUT_MS,
  });
  await session.page.goto(url, { waitUntil: 'load' });
  await firstView;
  await waitForReady(session.page);
  return session;
}

/**
 * Pastes `text` onto the page (as tests/e2e/app.test.mjs does: a ClipboardEvent on the body),
 * waits for the new analysis's first view (data-generation bumped and data-render-ms set, with
 * data-timed counting it, which the app does once the first chunks are in the DOM), then for the DOM to be quiet. Returns the
 * app's timings, both wall times, and the long tasks and long animation frames from the paste
 * until quiet.
 *
 * The clipboard's data is handed to the page first, in a call of its own: carrying 1 MB into the
 * page and into a DataTransfer is the harness's work (a real paste brings its data along), and it
 * took a task of 60-90 ms that was counted as the app's. Only tasks and frames that start after
 * it count.
 */
async function paste(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.__benchClipboard = data;
    window.__benchStagedAt = performance.now();
  }, text);
  // The new article's first words, as its first screen shows them (plain or marked up).
  const opening = text.trim().split('\n')[0].trim().slice(0, 40);
  return page.evaluate(
    async ({ timeout, quietMs, opening }) => {
      const app = document.querySelector('main#app');
      const before = { generation: Number(app.dataset.generation), timed: Number(app.dataset.timed) };
      const since = window.__benchStagedAt;
      document.activeElement?.blur();
      const started = performance.now();
      let firstView = null;
      let firstScreen = null;
      let lastChange = null;
      const settled = new Promise((resolve, reject) => {
        const observer = new MutationObserver(() => {
          const now = performance.now();
          // The first screen: the reader's first paragraph is the new article's (its plain first
          // screen, or the analysed view if that came first).
          if (firstScreen === null) {
            const first = document.querySelector('#reader .reader-preview p, #reader p.para');
            if (first?.textContent.startsWith(opening)) firstScreen = now;
          }
          // data-render-ms is set after data-generation, once the first view is in the DOM, and
          // data-timed counts the results so timed. (Waiting for data-render-ms to change stalled
          // a run now and then: two results can take the same milliseconds to the hundredth.)
          if (
            firstView === null &&
            Number(app.dataset.generation) > before.generation &&
            Number(app.dataset.timed) > before.timed
          ) {
            firstView = now;
          }
          lastChange = now;
        });
        observer.observe(app, { attributes: true, childList: true, subtree: true, characterData: true });
        const poll = setInterval(() => {
          if (firstView !== null && performance.now() - lastChange >= quietMs) {
            clearInterval(poll);
            observer.disconnect();
            resolve();
          } else if (performance.now() - started > timeout) {
            clearInterval(poll);
            observer.disconnect();
            reject(new Error(`no new analysis rendered within ${timeout} ms`));
          }
        }, 50);
      });
      const data = window.__benchClipboard;
      window.__benchClipboard = null;
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      await settled;
      const after = (list) => list.filter((t) => t.start >= since).map((t) => t.duration);
      return {
        analyzeMs: Number(app.dataset.analyzeMs),
        renderMs: Number(app.dataset.renderMs),
        firstViewMs: firstView - started,
        firstScreenMs: (firstScreen ?? firstView) - started,
        renderedMs: lastChange - started,
        // Long-task entries arrive asynchronously; the quiet period gave them time.
        longtasks: after(window.__bench.longtasks),
        frames: after(window.__bench.frames),
      };
    },
    { timeout: PASTE_TIMEOUT_MS, quietMs: QUIET_MS, opening },
  );
}

/** Files of dist/ by kind; the models are compiled into the worker's wasm (include_bytes!). */
function kindOf(path) {
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'js';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.bin')) return 'model';
  return 'other';
}

const sizesOf = (body) => ({ raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
const sizes = async (path) => sizesOf(await readFile(path));

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
  // The entity model travels inside the worker's wasm; its own weight, for scale.
  out.modelInsideWasm = await sizes(join(REPO_ROOT, 'model', 'ner.bin'));
  return out;
}

/** Times compromise on `text`: nlp(text), then people, places, organizations, sentences. */
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

/**
 * Times wink-nlp on `text`: readDoc(text) (tokens, sentences, parts of speech, entities), then
 * every token, every token's part of speech, every sentence and every entity read out with
 * .out(), so no work is left lazy. Counts entities by type, for the sanity check.
 */
async function winkRun(page, text) {
  return page.evaluate((text) => {
    const its = window.__wink.its;
    const started = performance.now();
    const doc = window.__wink.readDoc(text);
    const tokens = doc.tokens().out().length;
    const tags = doc.tokens().out(its.pos);
    const sentences = doc.sentences().out().length;
    const entities = doc.entities().out(its.detail);
    const ms = performance.now() - started;
    const byType = {};
    for (const e of entities) byType[e.type] = (byType[e.type] ?? 0) + 1;
    const taggedNouns = tags.filter((t) => t === 'PROPN' || t === 'NOUN').length;
    return { ms, tokens, taggedNouns, sentences, entities: entities.length, entityTypes: byType };
  }, text);
}

/** Loads compromise and wink-nlp into one blank page; returns wink-nlp's load cost. */
async function loadPeers(page, winkScript) {
  await page.goto('about:blank');
  await page.addScriptTag({ path: COMPROMISE });
  const started = Date.now();
  await page.addScriptTag({ content: winkScript });
  const scriptMs = Date.now() - started;
  const initMs = await page.evaluate((pipe) => {
    const t0 = performance.now();
    window.__wink = window.winkNLP(window.winkModel, pipe);
    return performance.now() - t0;
  }, WINK_PIPE);
  return { scriptMs, initMs: round(initMs) };
}

/** Median, best and words/s of a peer's runs on `text`. */
const peerSummary = (runs, text) => ({
  runs,
  ms: round(median(runs.map((r) => r.ms))),
  bestMs: round(Math.min(...runs.map((r) => r.ms))),
  wordsPerS: Math.round(words(text) / (median(runs.map((r) => r.ms)) / 1e3)),
});

/** One run: its own Chromium, every measurement, and the goals judged on them. */
async function oneRun(server, winkScript, index) {
  const browser = await launchBrowser();
  const run = {
    run: index + 1,
    date: new Date().toISOString(),
    // The machine is shared: the load average says how much else was running.
    loadavg: loadavg().map((l) => round(l, 2)),
    chromium: browser.version(),
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
          firstScreenMs: window.__bench.firstScreen,
          firstViewMs: window.__bench.firstView,
          firstFrameMs: window.__bench.firstFrame,
          domContentLoadedMs: nav.domContentLoadedEventEnd,
          loadMs: nav.loadEventStart,
          loadToFirstViewMs: window.__bench.firstView - nav.loadEventStart,
          analyzeMs: Number(app.dataset.analyzeMs),
          longestTaskMs: Math.max(0, ...window.__bench.longtasks.map((l) => l.duration)),
        };
      });
      loads.push(t);
      requestedPaths = server.requests.slice(first).filter((r) => r.status === 200).map((r) => r.path);
      await context.close();
    }
    run.load = {
      runs: loads,
      firstViewMs: round(median(loads.map((l) => l.firstViewMs))),
      firstScreenMs: round(median(loads.map((l) => l.firstScreenMs))),
      loadToFirstViewMs: round(median(loads.map((l) => l.loadToFirstViewMs))),
      loadMs: round(median(loads.map((l) => l.loadMs))),
      firstFrameMs: round(median(loads.map((l) => l.firstFrameMs))),
      // The first analysis on a page also decodes the models and warms up the wasm.
      coldSampleAnalyzeMs: round(median(loads.map((l) => l.analyzeMs))),
    };

    // --- Sample and 1 MB pasted into a loaded page ------------------------------------------
    // Between two measured pastes a small article is pasted, so every paste is a new text.
    const { page, context, problems } = await openApp(browser, server.url('/'));
    const pasted = { sample: [], '1 MB': [] };
    for (const [name, count] of [['sample', RUNS], ['1 MB', BIG_RUNS]]) {
      for (let i = 0; i < count; i++) {
        await paste(page, ORCHARD_ARTICLE);
        pasted[name].push(await paste(page, TEXTS[name]));
      }
    }
    const ledeSummary = (runs, text) => {
      const analyzeMs = median(runs.map((r) => r.analyzeMs));
      const longtasks = runs.flatMap((r) => r.longtasks);
      return {
        runs,
        analyzeMs: round(analyzeMs),
        // The best run: on a shared machine, the closest to the code's own cost.
        bestAnalyzeMs: round(Math.min(...runs.map((r) => r.analyzeMs))),
        renderMs: round(median(runs.map((r) => r.renderMs))),
        firstViewMs: round(median(runs.map((r) => r.firstViewMs))),
        firstScreenMs: round(median(runs.map((r) => r.firstScreenMs))),
        renderedMs: round(median(runs.map((r) => r.renderedMs))),
        wordsPerS: Math.round(words(text) / (analyzeMs / 1e3)),
        longestTaskMs: round(Math.max(0, ...longtasks)),
        // The worst paste's count: every paste of the text should have none.
        longTasksOver50: Math.max(...runs.map((r) => r.longtasks.filter((d) => d > 50).length)),
        // Frames include style, layout and paint (a 1 MB text box's layout is one of these).
        longestFrameMs: round(Math.max(0, ...runs.flatMap((r) => r.frames))),
      };
    };
    run.lede = { sample: ledeSummary(pasted.sample, SAMPLE), '1 MB': ledeSummary(pasted['1 MB'], BIG) };
    if (problems.length) run.lede.pageProblems = problems;
    await context.close();

    // --- compromise and wink-nlp: one blank page, same texts, interleaved --------------------
    const blank = await newSession(browser);
    const winkLoad = await loadPeers(blank.page, winkScript);
    // The first call of each builds lexicons and warms the JIT: not timed.
    await compromiseRun(blank.page, SAMPLE);
    const winkFirst = await winkRun(blank.page, SAMPLE);
    const peers = { compromise: { sample: [], '1 MB': [] }, wink: { sample: [], '1 MB': [] } };
    for (const [name, count] of [['sample', RUNS], ['1 MB', BIG_RUNS]]) {
      for (let i = 0; i < count; i++) {
        peers.compromise[name].push(await compromiseRun(blank.page, TEXTS[name]));
        peers.wink[name].push(await winkRun(blank.page, TEXTS[name]));
      }
    }
    await blank.context.close();
    run.compromise = {
      sample: peerSummary(peers.compromise.sample, SAMPLE),
      '1 MB': peerSummary(peers.compromise['1 MB'], BIG),
    };
    run.wink = {
      pipe: WINK_PIPE,
      load: { ...winkLoad, firstSampleMs: round(winkFirst.ms) },
      sample: peerSummary(peers.wink.sample, SAMPLE),
      '1 MB': peerSummary(peers.wink['1 MB'], BIG),
    };
    // Sanity: each peer really did its work on the sample.
    const ws = peers.wink.sample[0];
    const cs = peers.compromise.sample[0];
    if (!(ws.tokens > 0 && ws.sentences > 1 && ws.entities > 0 && ws.taggedNouns > 0)) {
      throw new Error(`wink-nlp found nothing in the sample: ${JSON.stringify(ws)}`);
    }
    if (!(cs.people > 0 && cs.sentences > 1)) {
      throw new Error(`compromise found nothing in the sample: ${JSON.stringify(cs)}`);
    }

    run.bundle = await bundleSizes(requestedPaths);
  } finally {
    await browser.close();
  }
  run.goals = goalsOf(run);
  return run;
}

async function main() {
  const winkScript = winkBrowserScript();
  const server = await startServer({ mounts: ['/'] });
  const result = {
    date: new Date().toISOString(),
    command: (process.env.LEDE_BENCH_COMMAND ?? ['node tests/bench/browser.mjs', ...process.argv.slice(2)].join(' ')).trim(),
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadavg: loadavg().map((l) => round(l, 2)) },
    options: { runs: RUNS, bigRuns: BIG_RUNS, repeat: REPEAT, quietMs: QUIET_MS },
    texts: Object.fromEntries(
      Object.entries(TEXTS).map(([name, text]) => [name, { bytes: Buffer.byteLength(text), words: words(text) }]),
    ),
    peers: {
      compromise: {
        version: JSON.parse(await readFile(join(REPO_ROOT, 'node_modules', 'compromise', 'package.json'), 'utf8')).version,
        bundle: await sizes(COMPROMISE),
      },
      wink: { versions: winkVersions(), bundle: sizesOf(Buffer.from(winkScript)) },
    },
    runs: [],
  };
  try {
    for (let i = 0; i < REPEAT; i++) {
      const started = Date.now();
      console.error(`run ${i + 1} of ${REPEAT}…`);
      const run = await oneRun(server, winkScript, i);
      run.seconds = round((Date.now() - started) / 1e3);
      result.runs.push(run);
      const met = run.goals.filter((g) => g.met === true).length;
      const judged = run.goals.filter((g) => g.met !== null).length;
      console.error(`run ${i + 1}: ${run.seconds} s, ${met} of ${judged} goals met`);
    }
  } finally {
    await server.close();
  }
  result.machine.loadavgAtEnd = loadavg().map((l) => round(l, 2));
  result.spread = spreadOf(result.runs);

  const md = markdown(result);
  await mkdir(OUT_DIR, { recursive: true });
  await writeFile(join(OUT_DIR, 'browser.json'), JSON.stringify(result, null, 2) + '\n');
  await writeFile(join(OUT_DIR, 'browser.md'), md);
  console.log(md);
  console.log(`wrote ${relative(REPO_ROOT, join(OUT_DIR, 'browser.json'))} and browser.md`);
}

await main();
