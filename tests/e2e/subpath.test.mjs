// dist/ must work wherever it is put: Trunk.toml's public_url is "./", so the page
// loads its JS, wasm, styles and sample by relative URLs. Here dist/ is served ONLY
// under /x/lede/, so any root-absolute URL would 404 instead of being answered.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  assertStatsMatchView,
  generation,
  sharedApp,
  waitForGenerationAfter,
  withApp,
} from './support/browser.mjs';
import { ORCHARD_ARTICLE, SAMPLE } from './support/fixtures.mjs';
import { DIST_DIR, SUB_PATH } from './support/server.mjs';

describe('Lede served from a sub-path', () => {
  const app = sharedApp({ mounts: [SUB_PATH] });

  it('dist/index.html refers to its files by relative URLs', async () => {
    const html = await readFile(join(DIST_DIR, 'index.html'), 'utf8');
    const absolute = [...html.matchAll(/\b(?:src|href)=["']?(\/[^"' >]*)/g)].map((m) => m[1]);
    assert.deepEqual(absolute, [], 'root-absolute URLs in dist/index.html');
    assert.match(html, /\.wasm/, 'dist/index.html should load the wasm');
  });

  it(`works at ${SUB_PATH}, sample and all`, async (t) => {
    await withApp(t, app.browser, app.server.url(SUB_PATH), async ({ page }) => {
      const { stats, view } = await assertStatsMatchView(page);
      assert.equal(stats.articles, SAMPLE.articles);
      assert.equal(view.articles.length, SAMPLE.articles);

      // Replace the text, then reload the sample: if the sample is fetched, it has
      // to be fetched from under the sub-path too.
      let gen = await generation(page);
      await page.fill('textarea#input', ORCHARD_ARTICLE);
      gen = await waitForGenerationAfter(page, gen);
      assert.equal((await assertStatsMatchView(page)).stats.articles, 1);
      await page.click('button#load-sample');
      await waitForGenerationAfter(page, gen);
      assert.equal((await assertStatsMatchView(page)).stats.articles, SAMPLE.articles);

      // (Chromium's own /favicon.ico request, made when a page declares no icon, aside.)
      const appRequests = app.server.requests.filter((r) => r.path !== '/favicon.ico');
      const outside = appRequests.filter((r) => !r.path.startsWith(SUB_PATH));
      assert.deepEqual(outside, [], 'requests outside the sub-path');
      const failed = appRequests.filter((r) => r.status >= 400);
      assert.deepEqual(failed, [], 'requests that failed');
    });
  });

  it(`works at ${SUB_PATH.slice(0, -1)} (no trailing slash, redirected)`, async (t) => {
    await withApp(t, app.browser, app.server.url(SUB_PATH.slice(0, -1)), async ({ page }) => {
      assert.equal(new URL(page.url()).pathname, SUB_PATH);
      assert.equal((await assertStatsMatchView(page)).stats.articles, SAMPLE.articles);
    });
  });
});
