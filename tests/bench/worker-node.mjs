// The analysis worker's wasm, run in Node: start-up, each analysis's time, and (with --profile) where
// the time goes, by wasm function. V8 runs it as Chromium's worker does (lazy Liftoff, then
// TurboFan), without a page, a browser or the network in the way, so a profile reads plainly.
//
//   node tests/bench/worker-node.mjs [--dist DIR] [--runs N] [--profile [--profile-from K]] [--top N] TEXT_FILE
//
// DIR holds lede-worker.js and lede-worker_bg.wasm (default dist/). Function names need a wasm that
// keeps its name section: scripts/profile-worker builds one and runs this with --profile. Not a
// test, and it asserts no timing: the first runs are V8 tiering up, the later ones the code's own
// speed; on a shared machine, read the best and the median of the later runs. --profile-from K
// samples only from run K on (counting from 0), so the profile is the optimised code's alone.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const dist = option('--dist', 'dist');
const runs = Number(option('--runs', '20'));
const top = Number(option('--top', '30'));
const profileFrom = Number(option('--profile-from', '0'));
const profile = args.includes('--profile');
const textPath = args.find((a) => !a.startsWith('--'));
if (!textPath || !(runs > 0)) {
  console.error('usage: node tests/bench/worker-node.mjs [--dist DIR] [--runs N] [--profile] [--top N] TEXT_FILE');
  process.exit(2);
}

// The worker's global scope, as far as lede::worker uses it: its replies land in `replies`.
const replies = [];
globalThis.self = globalThis;
globalThis.postMessage = (message) => replies.push(message);
globalThis.ledeQueue = [];
runInThisContext(`${readFileSync(join(dist, 'lede-worker.js'), 'utf8')}\nglobalThis.wasm_bindgen = wasm_bindgen;`);

const session = new Session();
const startProfile = async () => {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
};
if (profile && profileFrom === 0) await startProfile();

const text = readFileSync(textPath, 'utf8');
const started = performance.now();
// Instantiating runs lede::worker::run: the models are built and a warm-up analysis runs.
await globalThis.wasm_bindgen({ module_or_path: readFileSync(join(dist, 'lede-worker_bg.wasm')) });
console.log(`start (compile, instantiate, models, warm-up): ${(performance.now() - started).toFixed(1)} ms`);

const times = [];
for (let i = 0; i < runs; i++) {
  if (profile && i === profileFrom && i > 0) await startProfile();
  replies.length = 0;
  globalThis.onmessage({ data: [i, text, '{}'] });
  const done = replies.find((r) => r[1] === 'done');
  if (!done) throw new Error(`run ${i}: no analysis came back: ${JSON.stringify(replies.at(-1))}`);
  times.push(done[4]);
}
const sorted = [...times].sort((a, b) => a - b);
const later = times.slice(Math.floor(times.length / 2)).sort((a, b) => a - b);
console.log(`analyze ms, in order: ${times.map((t) => t.toFixed(1)).join(' ')}`);
console.log(
  `first ${times[0].toFixed(1)} ms; best ${sorted[0].toFixed(1)} ms; median of the later half ` +
    `${later[later.length >> 1].toFixed(1)} ms`,
);

if (profile) {
  const { profile: p } = await session.post('Profiler.stop');
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const name = (frame.functionName || frame.url || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
    const dt = p.timeDeltas[i] || 0;
    self.set(name, (self.get(name) || 0) + dt);
    total += dt;
  });
  console.log(`\nself time by function, ${(total / 1e3).toFixed(0)} ms sampled:`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1e3).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 110)}`);
  }
}
