// Screenshots of the app with the sample, kept as artifacts for a person to look at:
// target/e2e-artifacts/lede.png (desktop) and lede-phone.png (390x844, a phone).

import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
  ARTIFACTS_DIR,
  assertStatsMatchView,
  sharedApp,
  withApp,
} from './support/browser.mjs';
import { SAMPLE } from './support/fixtures.mjs';

describe('screenshots', () => {
  const app = sharedApp();
  before(async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
  });

  /**
   * Waits for web fonts and two frames, so the picture shows the settled layout. The chunks that
   * render after the first view skip their painting while off screen (`content-visibility: auto`,
   * style/main.css), as a reader's scrolling would bring them in; a full-page picture takes the
   * whole page at once, so they are made visible first.
   */
  async function settle(page) {
    await page.evaluate(async () => {
      for (const chunk of document.querySelectorAll('.chunk[data-chunk]')) {
        chunk.style.contentVisibility = 'visible';
      }
      await document.fonts.ready;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
  }

  it('desktop: target/e2e-artifacts/lede.png', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      assert.equal((await assertStatsMatchView(page)).stats.articles, SAMPLE.articles);
      await settle(page);
      const path = join(ARTIFACTS_DIR, 'lede.png');
      await page.screenshot({ path, fullPage: true });
      assert.ok((await stat(path)).size > 10_000, 'the screenshot looks empty');
    }, { viewport: { width: 1280, height: 800 } });
  });

  it('phone: target/e2e-artifacts/lede-phone.png, no sideways scrolling', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      assert.equal((await assertStatsMatchView(page)).stats.articles, SAMPLE.articles);
      await settle(page);
      const path = join(ARTIFACTS_DIR, 'lede-phone.png');
      await page.screenshot({ path, fullPage: true });
      assert.ok((await stat(path)).size > 10_000, 'the screenshot looks empty');

      // On a phone the page should fit the width: nothing wider than the screen.
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide on a ${innerWidth}px screen`);
    }, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  });
});
