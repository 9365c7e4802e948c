// The browser's analysis is the native one: the sample and a longer text of several articles,
// analysed in Chromium (wasm, in the worker, sent to the page in parts), exported as JSON from the
// page's menu, equal the `lede export --format json` of the same text (both take the reference
// date from the text itself, and today from the same clock). Speed work on either path (caches,
// transfer, rendering) must never change what the reader is shown.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  generation,
  sharedApp,
  waitForGenerationAfter,
  withApp,
} from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

/** The native CLI: `cargo test` (scripts/test runs it first) builds the debug one. */
function nativeLede() {
  for (const profile of ['debug', 'release']) {
    const path = join(REPO_ROOT, 'target', profile, 'lede');
    if (existsSync(path)) return path;
  }
  throw new Error('no native lede binary: run cargo build (or cargo test) first');
}

function nativeJson(text) {
  const out = execFileSync(nativeLede(), ['export', '--format', 'json', '-'], {
    input: text,
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.toString('utf8'));
}

/** Pastes `text`, waits for its analysis, and downloads the JSON export. */
async function browserJson(page, text) {
  const gen = await generation(page);
  await page.fill('textarea#input', text);
  await waitForGenerationAfter(page, gen, 60_000);
  await page.click('#export-menu summary');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-export="json"]'),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

describe('the browser and the CLI analyse alike', () => {
  const app = sharedApp();

  it('the sample, and three articles of news joined', async (t) => {
    const sample = await readFile(join(REPO_ROOT, 'public', 'samples', 'ap-ukraine-ceasefire.txt'), 'utf8');
    const texts = { sample, 'three articles': [sample, sample, sample].join('\n') };
    await withApp(t, app.browser, app.url, async ({ page }) => {
      for (const [name, text] of Object.entries(texts)) {
        const got = await browserJson(page, text);
        const want = nativeJson(text);
        assert.ok(want.paragraphs?.length > 10, `${name}: the native export has paragraphs`);
        assert.deepEqual(got, want, `${name}: the browser's JSON export equals the CLI's`);
      }
    });
  });
});
