// Share, keep, export and import, in Chromium, the way a reader does it: copy a share link and
// open it elsewhere; reload; save to the library and come back; download every export; paste a
// web page; cancel a long analysis. Nothing typed or pasted is ever lost along the way.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  generation,
  readMessage,
  sharedApp,
  waitForGenerationAfter,
  waitForReady,
  withApp,
} from './support/browser.mjs';
import {
  HARBOUR_ARTICLE,
  HARBOUR_MARKER,
  LIBRARY_ARTICLE,
  ORCHARD_ARTICLE,
  ORCHARD_MARKER,
} from './support/fixtures.mjs';
import { REPO_ROOT } from './support/server.mjs';

/** Replaces the article by a paste on the page; waits for its analysis on screen. */
async function pasteText(page, text, type = 'text/plain') {
  const gen = await generation(page);
  await page.evaluate(
    ([value, mime]) => {
      const data = new DataTransfer();
      data.setData(mime, value);
      if (mime !== 'text/plain') data.setData('text/plain', 'plain fallback');
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [text, type],
  );
  return waitForGenerationAfter(page, gen);
}

async function readerText(page) {
  return page.locator('#reader').innerText();
}

/** Clicks `selector`, and returns the download it starts: { name, text }. */
async function downloadFrom(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('Share, keep, export and import', () => {
  const app = sharedApp();

  it('a share link carries the exact text and the view, and opens it elsewhere', async (t) => {
    // Text with accents, emoji, CJK, right-to-left script, a NUL-free control mix and quotes.
    const text = `${HARBOUR_ARTICLE}\nSome readers wrote: “Très bien 👍🏽 — 很好 — ممتاز,” said Zoë Ångström.\n\tIndented line with trailing spaces   `;
    let link;
    let selected;
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await page.fill('#input', text);
      await page.waitForFunction(() => document.querySelector('main#app').dataset.state === 'ready' && document.querySelector('#reader').innerText.includes('Ångström'));
      // Settings the link must carry: the raw view, a hidden entity type, the open tab, a date.
      await page.check('#raw-toggle');
      // Select an entity: the first person in the index.
      await page.click('#tab-entities');
      const row = page.locator('.entity-row').filter({ hasText: 'Odhiambo' }).first();
      await row.click();
      selected = await row.getAttribute('data-cluster');
      assert.equal(await row.getAttribute('aria-pressed'), 'true');
      await page.click('#tab-time');
      const gen = await generation(page);
      await page.fill('#reference-date', '2024-02-29');
      await page.dispatchEvent('#reference-date', 'change');
      await waitForGenerationAfter(page, gen);
      await page.click('#share');
      link = await page.inputValue('#share-link');
      assert.match(link, /#v2\.[A-Za-z0-9_-]+$/, 'the link carries a #v2. fragment');
      assert.ok(link.startsWith(app.url), 'the link points at this app');
    });
    // A fresh browser profile: nothing stored, only the link.
    await withApp(t, app.browser, link, async ({ page }) => {
      assert.equal(await page.inputValue('#input'), text, 'the text round-trips exactly');
      assert.ok((await readerText(page)).includes(HARBOUR_MARKER));
      assert.equal(await page.isChecked('#raw-toggle'), true, 'the raw view is restored');
      assert.equal(await page.getAttribute('#tab-time', 'aria-selected'), 'true', 'the tab is restored');
      assert.equal(await page.inputValue('#reference-date'), '2024-02-29', 'the reference date is restored');
      assert.equal(
        await page.getAttribute(`.entity-row[data-cluster="${selected}"]`, 'aria-pressed'),
        'true',
        'the selected entity is restored',
      );
      assert.equal(new URL(page.url()).hash, '', 'the fragment is dropped from the address once read');
    });
  });

  it('a broken share link gets a message and keeps the saved article', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await pasteText(page, ORCHARD_ARTICLE);
      await page.click('#share');
      const good = await page.inputValue('#share-link');
      const cut = good.slice(0, good.length - 25);
      for (const bad of [cut, app.server.url('/#v1.@@@not-base64@@@'), app.server.url('/#v9.AAAA'), app.server.url('/#hello')]) {
        await page.goto(bad);
        await waitForReady(page);
        const message = await readMessage(page);
        assert.ok(message && message.visible, `a message for ${bad.slice(-30)}`);
        assert.match(message.text, /could not be opened/);
        assert.ok((await readerText(page)).includes(ORCHARD_MARKER), 'the saved article is shown');
      }
    });
  });

  it('a text too long for a link is offered as a file instead', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      // Varied enough not to compress below the link limit.
      const words = [];
      let seed = 7;
      for (let i = 0; i < 9000; i++) {
        seed = (seed * 48271) % 2147483647;
        words.push(seed.toString(36));
      }
      const text = `${LIBRARY_ARTICLE}\n${words.join(' ')}.`;
      await pasteText(page, text);
      await page.click('#share');
      await page.waitForSelector('.share-result.too-long');
      assert.match(await page.innerText('.share-result'), /too long for a link/);
      assert.equal(await page.locator('#share-link').count(), 0, 'no truncated link is offered');
      const file = await downloadFrom(page, '#download-text');
      assert.match(file.name, /\.txt$/);
      assert.equal(file.text, text, 'the downloaded file holds the whole text');
    });
  });

  it('the article and its settings survive a reload', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await pasteText(page, ORCHARD_ARTICLE);
      await page.check('#raw-toggle');
      await page.reload();
      await waitForReady(page);
      assert.ok((await readerText(page)).includes(ORCHARD_MARKER));
      assert.equal(await page.inputValue('#input'), ORCHARD_ARTICLE);
      assert.equal(await page.isChecked('#raw-toggle'), true);
    });
  });

  it('the library saves, opens, renames and deletes articles, across reloads', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await pasteText(page, HARBOUR_ARTICLE);
      await page.click('#save');
      await page.waitForSelector('#library .entry');
      const title = await page.innerText('#library .entry-open');
      assert.match(title, /Engineers reopened the old harbour bridge/, 'titled by its first sentence');
      assert.match(await page.innerText('#library .entry-meta'), /\d{4}-\d{2}-\d{2} · \d+ characters/);
      await pasteText(page, LIBRARY_ARTICLE);
      await page.click('#save');
      await page.waitForFunction(() => document.querySelectorAll('#library .entry').length === 2);
      // Open the first one again.
      let gen = await generation(page);
      await page.click(`#library .entry-open:text("${title.slice(0, 30)}")`);
      gen = await waitForGenerationAfter(page, gen);
      assert.ok((await readerText(page)).includes(HARBOUR_MARKER));
      // Rename it, and reload.
      const entry = page.locator('#library .entry', { hasText: 'harbour' });
      await entry.locator('.entry-rename').click();
      await page.fill('#library .rename', 'Bridge story');
      await page.press('#library .rename', 'Enter');
      await page.waitForSelector('#library .entry-open:text("Bridge story")');
      await page.reload();
      await waitForReady(page);
      assert.equal(await page.locator('#library .entry').count(), 2, 'the library survives a reload');
      assert.equal(await page.locator('#library .entry-open:text("Bridge story")').count(), 1);
      // Delete it.
      await page.locator('#library .entry', { hasText: 'Bridge story' }).locator('.entry-delete').click();
      await page.waitForFunction(() => document.querySelectorAll('#library .entry').length === 1);
      assert.match(await page.innerText('#library .entry-open'), /national library/, 'the other entry stays');
      await page.reload();
      await waitForReady(page);
      assert.equal(await page.locator('#library .entry').count(), 1, 'the deletion is kept');
    });
  });

  it('every export downloads, and the static page carries no script', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const expected = {
        html: [/\.html$/, /^<!DOCTYPE html>/i],
        md: [/\.md$/, /^# /m],
        json: [/\.analysis\.json$/, /"paragraphs"/],
        timelinejs: [/\.timeline\.json$/, /"events"/],
        'csv-entities': [/\.entities\.csv$/, /Vladimir Putin/],
        'csv-quotes': [/\.quotes\.csv$/, /Dmitry Peskov/],
      };
      for (const [format, [name, content]] of Object.entries(expected)) {
        await page.click('#export-menu summary');
        const file = await downloadFrom(page, `[data-export="${format}"]`);
        assert.match(file.name, name, `${format} file name`);
        assert.match(file.text, content, `${format} content`);
        if (format === 'html') {
          assert.doesNotMatch(file.text, /<script/i, 'the static page runs no script');
          assert.match(file.text, /Content-Security-Policy/);
          assert.match(file.text, /Peskov/);
        }
        if (format === 'json') JSON.parse(file.text);
      }
    });
  });

  it('a pasted web page keeps only its text, with captions and page furniture recognised', async (t) => {
    const html = await readFile(join(REPO_ROOT, 'tests/data/ap-news-page.html'), 'utf8');
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await pasteText(page, html, 'text/html');
      const shown = await readerText(page);
      assert.ok(shown.includes('Witkoff'), 'the story is shown');
      assert.ok(!shown.includes('plain fallback'), 'the HTML was used, not the plain text');
      assert.ok(!shown.includes('dataLayer'), 'script content is dropped');
      assert.equal(await page.locator('#reader a, #reader img, #reader nav, #reader figure, #reader svg').count(), 0, 'no markup from the page');
      // Raw view: captions and furniture are recognised by the page's structure.
      await page.check('#raw-toggle');
      assert.ok((await page.locator('#reader [data-role="caption"]').count()) >= 10, 'figcaptions are captions');
      assert.ok((await page.locator('#reader [data-role="boilerplate"]').count()) >= 5, 'nav and footer are boilerplate');
      assert.ok((await page.locator('#reader [data-role="body"]').count()) >= 15, 'the story is body');
    });
  });

  it('an .html file is imported; a file of another kind gets a message', async (t) => {
    const html = await readFile(join(REPO_ROOT, 'tests/data/ap-news-page.html'));
    await withApp(t, app.browser, app.url, async ({ page }) => {
      let gen = await generation(page);
      let [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button#open-file')]);
      await chooser.setFiles({ name: 'story.html', mimeType: 'text/html', buffer: html });
      gen = await waitForGenerationAfter(page, gen);
      assert.ok((await readerText(page)).includes('Witkoff'));
      assert.ok(!(await page.inputValue('#input')).includes('<p>'), 'the box holds the text, not the HTML');
      [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button#open-file')]);
      await chooser.setFiles({ name: 'table.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
      await page.waitForFunction(() => document.querySelector('#message')?.textContent.includes('none of these'));
      assert.ok((await readerText(page)).includes('Witkoff'), 'the article shown is unchanged');
    });
  });

  it('a long analysis shows progress and can be cancelled, keeping the text', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const sample = await readFile(join(REPO_ROOT, 'public/samples/ap-ukraine-ceasefire.txt'), 'utf8');
      let big = '';
      while (big.length < 6_000_000) big += `${sample}\n`;
      const before = await generation(page);
      await page.evaluate((value) => {
        const data = new DataTransfer();
        data.setData('text/plain', value);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, big);
      await page.waitForSelector('#progress #cancel');
      assert.match(await page.innerText('#progress'), /Analysing 5\.\d MB/);
      // The page stays responsive while the worker works.
      const started = Date.now();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
      assert.ok(Date.now() - started < 1000, 'a frame is painted during the analysis');
      await page.click('#cancel');
      await page.waitForFunction(() => document.querySelector('#message')?.textContent.includes('cancelled'));
      assert.equal(await generation(page), before, 'the previous result stays on screen');
      assert.equal((await page.inputValue('#input')).length, big.length, 'the pasted text is kept in the box');
      assert.equal(await page.getAttribute('main#app', 'data-state'), 'ready');
      // And it can be run again: the worker was restarted.
      await page.waitForSelector('#analyse');
      await pasteText(page, HARBOUR_ARTICLE);
      assert.ok((await readerText(page)).includes(HARBOUR_MARKER));
    });
  });
});
