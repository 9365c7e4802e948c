// A whole news page pasted, the way readers copy one: the menu, the share bar, the related links
// and the footer come along. Pasted as HTML (a saved page), as plain text (select all, copy) and
// as its source in plain text,
// the reader must open on the story: the headline and the first story paragraph on the first
// screen, the furniture folded into one quiet strip that says how many lines it holds, no entity
// marked inside it, its lines there when opened, and every line there in the raw view.
// The page is a fixture made for this test (tests/e2e/data/whole-page.*).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ARTIFACTS_DIR,
  generation,
  readStats,
  sharedApp,
  waitForGenerationAfter,
  withApp,
} from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

const HTML = await readFile(join(REPO_ROOT, 'tests/e2e/data/whole-page.html'), 'utf8');
const TEXT = await readFile(join(REPO_ROOT, 'tests/e2e/data/whole-page.txt'), 'utf8');
const HEADLINE = 'New seawall holds back highest tide in forty years';
const FIRST_PARAGRAPH = 'Officials in the coastal town of Port Ellery';
const MENU_LINE = 'Newsletters';
const FOOTER_LINE = 'Privacy policy';

/** Pastes `value` as `mime` on the page; waits for its analysis on screen. */
async function paste(page, value, mime) {
  const gen = await generation(page);
  await page.evaluate(
    ([v, m]) => {
      const data = new DataTransfer();
      data.setData(m, v);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [value, mime],
  );
  await waitForGenerationAfter(page, gen);
}

/** Whether the reader paragraph starting with `start` lies wholly within the window. */
async function onFirstScreen(page, start) {
  return page.evaluate((s) => {
    const p = [...document.querySelectorAll('#reader .para')].find((el) => el.textContent.trim().startsWith(s));
    if (!p) return `no paragraph starts with ${s}`;
    const r = p.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight ? true : `at ${Math.round(r.top)}–${Math.round(r.bottom)} of ${window.innerHeight}`;
  }, start);
}

describe('A whole page pasted opens on its story', () => {
  const app = sharedApp();

  for (const [how, value, mime] of [
    ['as HTML', HTML, 'text/html'],
    ['as plain text', TEXT, 'text/plain'],
    // Its source, copied as text (a view-source tab, an editor): read as the page it is.
    ['as its HTML source in plain text', HTML, 'text/plain'],
  ]) {
    it(`pasted ${how}`, async (t) => {
      await withApp(t, app.browser, app.url, async ({ page }) => {
        await paste(page, value, mime);
        const name = how.replace(/\W+/g, '-');
        await page.screenshot({ path: join(ARTIFACTS_DIR, `whole-page-${name}.png`) });

        // The first screen shows the headline and the first story paragraph.
        assert.equal(await onFirstScreen(page, HEADLINE), true, 'the headline is on the first screen');
        assert.equal(await onFirstScreen(page, FIRST_PARAGRAPH), true, 'the first story paragraph is on the first screen');

        // The furniture is folded into strips that count their lines; nothing of it is a paragraph.
        const runs = page.locator('#reader .furniture-run');
        assert.ok((await runs.count()) >= 1, 'a furniture strip');
        const first = runs.first();
        const lines = Number(await first.getAttribute('data-furniture'));
        assert.ok(lines >= 12, `the menu strip holds the menu's lines (${lines})`);
        assert.match(await first.locator('.furniture-strip').innerText(), new RegExp(`Page furniture · ${lines} lines`));
        assert.equal(await first.locator('.furniture-list').isHidden(), true, 'folded');
        assert.equal(await first.locator('.furniture-strip').getAttribute('aria-expanded'), 'false');
        for (const line of [MENU_LINE, FOOTER_LINE]) {
          const shown = await page.locator('#reader .para').filter({ hasText: line }).count();
          assert.equal(shown, 0, `${line} is not shown as a paragraph`);
        }

        // Opening it shows its lines, none of them marked.
        await first.locator('.furniture-strip').click();
        assert.equal(await first.locator('.furniture-list').isVisible(), true, 'open');
        assert.equal(await first.locator('.furniture-line').count(), lines, 'every line of the run');
        assert.ok((await first.locator('.furniture-list').innerText()).includes(MENU_LINE), 'the menu is there');
        assert.equal(await page.locator('#reader .furniture-run mark, #reader .furniture-run .timex, #reader .furniture-run .quote').count(), 0, 'no marks in furniture');
        assert.ok((await page.locator('#reader .para mark.ent').count()) > 0, 'the story has its entities');

        // The raw view shows every line as pasted.
        await page.check('#raw-toggle');
        const stats = await readStats(page);
        assert.equal(await page.locator('#reader .para').count(), stats.paragraphs, 'every paragraph in raw view');
        assert.equal(await page.locator('#reader .furniture-run').count(), 0, 'nothing folded in raw view');
        const raw = await page.locator('#reader').innerText();
        for (const line of [MENU_LINE, FOOTER_LINE, HEADLINE, 'Share on X']) {
          assert.ok(raw.includes(line), `${line} in the raw view`);
        }
        if (value === TEXT) {
          const pasted = TEXT.split('\n').filter((l) => l.trim());
          assert.equal(stats.paragraphs, pasted.length, 'one paragraph per pasted line');
        }
      });
    });
  }

  it('the library and the exports take the headline as the title', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await paste(page, TEXT, 'text/plain');
      await page.click('#save');
      await page.waitForSelector('.library .entries li');
      const title = await page.locator('.library .entries li').first().innerText();
      assert.ok(title.includes(HEADLINE), `library title: ${title}`);
    });
  });
});
