// Two or more builds of the analysis worker's wasm, A/B in one Node process: each build is loaded
// (start-up and warm-up as in tests/bench/worker-node.mjs), then every run analyses TEXT_FILE once
// with each build, taking turns (A B, then B A, ...), so the drift of a shared machine (other jobs,
// V8's compile threads) falls on all builds alike. Separate processes, even interleaved, differ by
// ±30% here; the per-run ratio to the first build does not.
//
//   node tests/bench/worker-ab.mjs [--runs N] TEXT_FILE DIR_A DIR_B [DIR...]
//
// Each DIR holds lede-worker.js and lede-worker_bg.wasm (scripts/profile-worker, or dist/). Prints
// per build its best, the median of the later half, and the median over the later half of its
// time over the first build's in the same run. Not a test: it asserts no timing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at < 0 ? 40 : Number(args.splice(at, 2)[1]);
const [textPath, ...dists] = args;
if (!textPath || dists.length < 2 || !(runs > 1)) {
  console.error('usage: node tests/bench/worker-ab.mjs [--runs N] TEXT_FILE DIR_A DIR_B [DIR...]');
  process.exit(2);
}

const replies = [];
globalThis.self = globalThis;
globalThis.postMessage = (message) => replies.push(message);
// Each build's glue declares its own `wasm_bindgen`: a function scope keeps them apart, and each
// instance's `onmessage` is taken as soon as it has set it.
const handlers = [];
for (const dist of dists) {
  globalThis.ledeQueue = [];
  const glue = readFileSync(join(dist, 'lede-worker.js'), 'utf8');
  const init = runInThisContext(`(function () {\n${glue}\nreturn wasm_bindgen;\n})()`);
  await init({ module_or_path: readFileSync(join(dist, 'lede-worker_bg.wasm')) });
  handlers.push(globalThis.onmessage);
}

const text = readFileSync(textPath, 'utf8');
const times = dists.map(() => []);
for (let i = 0; i < runs; i++) {
  const order = dists.map((_, k) => k);
  if (i % 2) order.reverse();
  for (const k of order) {
    replies.length = 0;
    handlers[k]({ data: [i, text, '{}'] });
    const done = replies.find((r) => r[1] === 'done');
    if (!done) throw new Error(`${dists[k]}, run ${i}: no analysis came back: ${JSON.stringify(replies.at(-1))}`);
    times[k].push(done[4]);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const half = runs >> 1;
dists.forEach((dist, k) => {
  const later = times[k].slice(half);
  const ratio = median(later.map((t, j) => t / times[0][half + j]));
  console.log(
    `${dist}: best ${Math.min(...times[k]).toFixed(1)} ms; median of the later half ${median(later).toFixed(1)} ms; ` +
      `over ${dists[0]} ${ratio.toFixed(3)}`,
  );
});
