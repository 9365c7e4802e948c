// Cold loads of two (or more) builds of dist/, taking turns in one headless Chromium: the median
// first analysed view of each (navigation start → the opening article's marks in the DOM, as
// tests/bench/browser.mjs measures it), with the page's share after the worker's reply.
//
//   node tests/bench/cold-ab.mjs DIST_A DIST_B [...] --loads N
//
// Single cold loads on a 2-core machine spread over hundreds of milliseconds, so two builds are
// compared only side by side, in one browser, alternating which goes first. Not a test: it
// asserts no timing.
import { launchBrowser, newSession } from '../e2e/support/browser.mjs';
import { startServer } from '../e2e/support/server.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--loads');
const loads = at < 0 ? 10 : Number(args.splice(at, 2)[1]);
const dists = args;
if (dists.length < 1 || !(loads > 0)) {
  console.error('usage: node tests/bench/cold-ab.mjs DIST_A DIST_B [...] --loads N');
  process.exit(2);
}

// Installed before any page script (the same signal as browser.mjs): the first view, and once
// its render is timed (data-timed), the app's own figures.
function probe() {
  const seen = { firstView: null };
  const observer = new MutationObserver(() => {
    const app = document.querySelector('main#app');
    if (seen.firstView === null && app?.dataset.state === 'ready' && document.querySelector('#reader mark.ent')) {
      seen.firstView = performance.now();
    }
    if (seen.firstView !== null && Number(app?.dataset.timed) > 0) {
      observer.disconnect();
      const render = Number(app.dataset.renderMs);
      console.debug('cold-ab ' + JSON.stringify({ ...seen, renderMs: render, arrived: performance.now() - render }));
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

const servers = await Promise.all(dists.map((root) => startServer({ root })));
const browser = await launchBrowser();
const results = dists.map(() => []);
try {
  for (let i = 0; i < loads; i++) {
    const order = dists.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      const session = await newSession(browser);
      await session.context.addInitScript(`(${probe})();`);
      const done = session.page.waitForEvent('console', {
        predicate: (m) => m.text().startsWith('cold-ab '),
        timeout: 60_000,
      });
      await session.page.goto(servers[k].url('/'), { waitUntil: 'load' });
      results[k].push(JSON.parse((await done).text().slice('cold-ab '.length)));
      await session.context.close();
    }
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, runs] of results.entries()) {
  const firstView = median(runs.map((r) => r.firstView));
  const afterReply = median(runs.map((r) => r.firstView - r.arrived));
  console.log(
    `${dists[k]}: first analysed view ${firstView.toFixed(1)} ms (median of ${runs.length}), ` +
      `reply → first view ${afterReply.toFixed(1)} ms; all: ${runs.map((r) => r.firstView.toFixed(0)).join(' ')}`,
  );
}
