// Shared browser plumbing for the e2e tests: launches Debian's Chromium through
// playwright-core (never a downloaded browser), opens the app in a fresh context,
// and fails the test on any console error or uncaught page error.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { REPO_ROOT, startServer } from './server.mjs';

export const ARTIFACTS_DIR = join(REPO_ROOT, 'target', 'e2e-artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Generous, because CI shares 2 cores with nothing else but may be slow; a healthy
// run finishes each wait in well under a second.
export const TIMEOUT_MS = 20_000;

/**
 * Launches headless Chromium. Playwright's launch() gives every browser a fresh,
 * empty --user-data-dir in a temp folder, and deletes it on close. The flags keep
 * Chromium from reaching for Google's services, which this machine's closed
 * network refuses (and which would only add noise and delay).
 */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox', // CI runs as root, where Chromium's sandbox cannot start
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * One Chromium and one static server of dist/ for the tests of the enclosing `describe` (or of
 * the file, called at its top level): started before the first test, closed after the last.
 * The returned object's `browser`, `server` and `url` (the app at the server's root) are set
 * once the first test runs. `serverOptions` go to `startServer` (e.g. `{ mounts: [SUB_PATH] }`).
 */
export function sharedApp(serverOptions) {
  const shared = { browser: null, server: null, url: null };
  before(async () => {
    shared.server = await startServer(serverOptions);
    shared.url = shared.server.url('/');
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/**
 * Chromium asks for /favicon.ico at the site root by itself when a page declares
 * no icon. That request is the browser's, not the app's, so its 404 is not held
 * against the app (and under a sub-path it is outside the app's files anyway).
 */
export function isBrowserFavicon(url) {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/**
 * Opens a new browser context and page (nothing loaded yet). Returns
 * { page, context, problems } where `problems` collects console errors, uncaught
 * exceptions and failed requests as they happen.
 */
export async function newSession(browser, { viewport = { width: 1280, height: 800 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isBrowserFavicon(msg.location()?.url)) {
      const where = msg.location()?.url ? ` (${msg.location().url})` : '';
      problems.push(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.stack || err.message}`));
  page.on('requestfailed', (req) => {
    if (!isBrowserFavicon(req.url())) problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !isBrowserFavicon(res.url())) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  return { page, context, problems };
}

/**
 * Opens the app at `url` in a fresh context, waits until it is ready with its first
 * analysis rendered, and runs `fn({ page, context, problems })`. Then fails if the
 * page logged an error or threw. On failure a full-page screenshot named after the
 * test is saved next to the other artifacts, to show what the page looked like.
 */
export async function withApp(t, browser, url, fn, options) {
  const session = await newSession(browser, options);
  try {
    await session.page.goto(url, { waitUntil: 'load' });
    await waitForReady(session.page);
    await fn(session);
    assert.deepEqual(session.problems, [], 'the page logged errors or threw');
  } catch (err) {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const name = t.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    await session.page
      .screenshot({ path: join(ARTIFACTS_DIR, `failure-${name}.png`), fullPage: true })
      .catch(() => {});
    if (session.problems.length && !String(err.message).includes('logged errors')) {
      err.message += `\npage problems:\n  ${session.problems.join('\n  ')}`;
    }
    throw err;
  } finally {
    await session.context.close();
  }
}

// --- The app's DOM contract ----------------------------------------------------

/** Waits for <main id="app" data-state="ready">. */
export async function waitForReady(page) {
  await page.waitForSelector('main#app[data-state="ready"]', { timeout: TIMEOUT_MS });
}

/** The current data-generation of #app (a number; bumps after each analysis+render). */
export async function generation(page) {
  const value = await page.getAttribute('main#app', 'data-generation');
  assert.ok(value !== null, '#app has no data-generation attribute');
  const n = Number(value);
  assert.ok(Number.isInteger(n), `#app data-generation is not an integer: ${value}`);
  return n;
}

/** Waits until data-generation is greater than `previous`; returns the new value. */
export async function waitForGenerationAfter(page, previous, timeout = TIMEOUT_MS) {
  await page.waitForFunction(
    (prev) => Number(document.querySelector('main#app')?.dataset.generation) > prev,
    previous,
    { timeout },
  );
  return generation(page);
}

/** Reads the numbers shown in #stats, e.g. { articles: 2, paragraphs: 80, ... }. */
/**
 * Pastes `text` on the page as a reader would (focus outside the text box, a paste event with
 * plain text) and waits for its analysis on screen.
 */
export async function pasteText(page, text) {
  await page.evaluate(() => document.activeElement?.blur());
  const gen = await generation(page);
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  return waitForGenerationAfter(page, gen);
}

export async function readStats(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('#stats [data-stat]')) {
      const digits = (el.textContent.match(/\d[\d,.\u00a0\u202f ]*/) || [''])[0].replace(/\D/g, '');
      out[el.dataset.stat] = digits === '' ? NaN : Number(digits);
    }
    return out;
  });
}

/**
 * What the reading view shows: counts and text per article. A run of photo captions
 * may be folded into one `div.caption-run[data-captions=N]` strip instead of N
 * `p.para` elements, and a run of page furniture into one `div.furniture-run[data-furniture=N]`;
 * such a strip counts as its N paragraphs (`foldedParagraphs`),
 * and its sentences are not rendered as `span.sentence` until it is opened.
 */
export async function readView(page) {
  return page.evaluate(() => {
    const reader = document.querySelector('#reader');
    const folded = (root) =>
      [...root.querySelectorAll('.caption-run[data-captions]')].reduce((n, el) => n + Number(el.dataset.captions), 0) +
      [...root.querySelectorAll('.furniture-run[data-furniture]')].reduce((n, el) => n + Number(el.dataset.furniture), 0);
    const articles = [...(reader?.querySelectorAll('article.article') ?? [])].map((a) => ({
      index: a.dataset.article,
      // Entity marks inside a dateline can split it into several span.dateline
      // pieces ("LONDON", " (", "AP", ") —"); together they are the dateline.
      dateline: a.querySelector('span.dateline')
        ? [...a.querySelector('span.dateline').closest('p').querySelectorAll('span.dateline')]
            .map((d) => d.textContent)
            .join('')
            .trim()
        : null,
      datelineElements: a.querySelectorAll('span.dateline').length,
      paragraphs: a.querySelectorAll('p.para').length + folded(a),
      sentences: a.querySelectorAll('span.sentence').length,
      text: a.textContent,
    }));
    return {
      articles,
      paragraphs: (reader?.querySelectorAll('p.para').length ?? 0) + (reader ? folded(reader) : 0),
      foldedParagraphs: reader ? folded(reader) : 0,
      sentences: reader?.querySelectorAll('span.sentence').length ?? 0,
      text: reader?.textContent ?? '',
    };
  });
}

/** The #message box: its text, whether it is an error, and whether it is visible. */
export async function readMessage(page) {
  return page.evaluate(() => {
    const el = document.querySelector('#message');
    if (!el) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      role: el.getAttribute('role'),
      text: el.textContent.trim(),
      error: el.classList.contains('error'),
      visible: !el.hidden && style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0,
    };
  });
}

/** Asserts that the stats agree with what the reading view actually renders. */
export async function assertStatsMatchView(page) {
  const [stats, view] = await Promise.all([readStats(page), readView(page)]);
  assert.equal(stats.articles, view.articles.length, 'stats: articles vs rendered article.article');
  assert.equal(stats.paragraphs, view.paragraphs, 'stats: paragraphs vs rendered p.para (+ folded captions)');
  if (view.foldedParagraphs === 0) {
    assert.equal(stats.sentences, view.sentences, 'stats: sentences vs rendered span.sentence');
  } else {
    assert.ok(view.sentences <= stats.sentences, `more span.sentence (${view.sentences}) than stats say (${stats.sentences})`);
  }
  assert.ok(stats.words > 0, `stats: words should be positive, got ${stats.words}`);
  return { stats, view };
}
