// End-to-end tests of Lede in Chromium, driven like a person would: the page opens
// with the sample, then new text arrives by typing, pasting, opening or dropping a
// file, and a file that is not text is refused without losing what was shown.
//
// Runs against dist/ (the release build that scripts/test makes first), served by
// support/server.mjs. Every test also fails if the page logs an error or throws.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  assertStatsMatchView,
  generation,
  pasteText,
  readMessage,
  readStats,
  readView,
  sharedApp,
  waitForGenerationAfter,
  withApp,
} from './support/browser.mjs';
import {
  BINARY_BYTES,
  HARBOUR_ARTICLE,
  HARBOUR_MARKER,
  HARBOUR_PLACE,
  LIBRARY_ARTICLE,
  LIBRARY_MARKER,
  LIBRARY_PLACE,
  ORCHARD_ARTICLE,
  ORCHARD_MARKER,
  ORCHARD_PLACE,
  SAMPLE,
} from './support/fixtures.mjs';
import { REPO_ROOT } from './support/server.mjs';

const SAMPLE_TEXT = readFileSync(join(REPO_ROOT, 'public', 'samples', 'ap-ukraine-ceasefire.txt'), 'utf8');

/** Checks that the view shows exactly one article: the invented one given. */
async function assertShowsOnly(page, { marker, place }) {
  const { stats, view } = await assertStatsMatchView(page);
  assert.equal(stats.articles, 1, 'one article expected in the stats');
  assert.equal(view.articles.length, 1, 'one article.article expected in #reader');
  assert.ok(view.text.includes(marker), `#reader should show "${marker}"`);
  assert.ok(!view.text.includes('Putin'), '#reader still shows the sample');
  assert.ok(
    view.articles[0].dateline?.includes(place),
    `the article's span.dateline should name ${place}, got ${JSON.stringify(view.articles[0].dateline)}`,
  );
}

/** Checks that the sample (two AP stories) is what the view shows. */
async function assertShowsSample(page) {
  const { stats, view } = await assertStatsMatchView(page);
  assert.equal(stats.articles, SAMPLE.articles, 'stats: articles in the sample');
  assert.equal(stats.paragraphs, SAMPLE.paragraphs, 'stats: paragraphs in the sample');
  assert.equal(view.articles.length, SAMPLE.articles);
  assert.deepEqual(
    view.articles.map((a) => a.index),
    view.articles.map((_, i) => String(i)),
    'article.article data-article should count 0, 1, ...',
  );
  assert.ok(
    view.articles[1].dateline?.startsWith(SAMPLE.secondDateline),
    `second article's dateline should be "${SAMPLE.secondDateline}", got ${JSON.stringify(view.articles[1].dateline)}`,
  );
}

describe('Lede in the browser', () => {
  const app = sharedApp();

  it('opens with the sample already analysed: two articles', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await assertShowsSample(page);

      // Every paragraph says what it is.
      const roles = await page.$$eval('#reader p.para', (ps) => ps.map((p) => p.dataset.role));
      assert.ok(roles.every((r) => typeof r === 'string' && r.length > 0), 'every p.para needs data-role');
      assert.ok(roles.includes('body'), 'the sample has body paragraphs');
      const numbered = await page.$$eval('#reader p.para', (ps) =>
        ps.every((p) => /^\d+$/.test(p.dataset.paragraph ?? '')),
      );
      assert.ok(numbered, 'every p.para needs a numeric data-paragraph');

      // The text box holds the sample's text, and no message is showing.
      const input = await page.inputValue('textarea#input');
      assert.ok(input.includes(SAMPLE.secondDateline), 'textarea#input should hold the sample text');
      const message = await readMessage(page);
      assert.ok(message, '#message should exist');
      assert.equal(message.role, 'alert', '#message should have role=alert');
      assert.ok(!message.error && (message.text === '' || !message.visible), `no message expected, got ${JSON.stringify(message)}`);

      // The file input is there for the Open button, but not shown itself.
      assert.equal(await page.getAttribute('input#file-input', 'type'), 'file');
      assert.ok(await page.isVisible('button#open-file'), 'button#open-file should be visible');
      assert.ok(await page.isVisible('button#load-sample'), 'button#load-sample should be visible');
    });
  });

  it('the sample\'s photo captions are recognised as captions', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      // Either as p.para[data-role="caption"], or folded into caption strips.
      const captions = await page.$$eval('#reader p.para[data-role="caption"], #reader .caption-run li.caption', (els) =>
        els.map((el) => el.textContent),
      );
      assert.ok(captions.length > 0, 'no caption paragraphs or caption strips in the sample');
      assert.ok(
        captions.some((c) => c.includes('via AP)')),
        'the photo credits "(... via AP)" should be in captions',
      );
      const bodies = await page.$$eval('#reader p.para[data-role="body"]', (els) => els.map((el) => el.textContent));
      assert.ok(!bodies.some((b) => /\(.*via AP\)\s*$/.test(b)), 'a photo caption is still shown as a body paragraph');
    });
  });

  // One span.dateline per dated article, however many entity marks sit inside it
  // ("LONDON" and "AP" are entities).
  it('each dateline is a single span.dateline element', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const { articles } = await readView(page);
      const dated = articles.filter((a) => a.dateline);
      assert.ok(dated.length > 0, 'the sample has a dated article');
      for (const a of dated) {
        assert.equal(a.datelineElements, 1, `article ${a.index}: "${a.dateline}" is in ${a.datelineElements} span.dateline elements`);
      }
    });
  });

  it('typing a new article into the text box replaces the view', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      let gen = await generation(page);
      await page.fill('textarea#input', HARBOUR_ARTICLE);
      gen = await waitForGenerationAfter(page, gen);
      await assertShowsOnly(page, { marker: HARBOUR_MARKER, place: HARBOUR_PLACE });

      // Keep typing at the end, key by key: the view catches up once typing pauses.
      await page.focus('textarea#input');
      await page.keyboard.press('Control+End');
      const typed = ' The mayor called it a good day.';
      await page.keyboard.type(typed, { delay: 15 });
      await waitForGenerationAfter(page, gen);
      await page.waitForFunction(() => document.querySelector('#reader')?.textContent.includes('a good day'));
      await assertShowsOnly(page, { marker: HARBOUR_MARKER, place: HARBOUR_PLACE });

      // Debounced: not one analysis per key. (Slack for a slow machine, where a
      // gap between two keys can outlast the ~250 ms pause.)
      await page.waitForTimeout(600);
      const analyses = (await generation(page)) - gen;
      t.diagnostic(`${typed.length} keys typed, ${analyses} analyses`);
      assert.ok(analyses >= 1 && analyses <= 5, `typing ${typed.length} keys ran ${analyses} analyses`);
    });
  });

  it('pasting into the text box (Ctrl+V) analyses the pasted article', async (t) => {
    await withApp(
      t,
      app.browser,
      app.url,
      async ({ page }) => {
        await page.evaluate((text) => navigator.clipboard.writeText(text), ORCHARD_ARTICLE);
        await page.click('textarea#input');
        await page.keyboard.press('Control+A');
        const gen = await generation(page);
        await page.keyboard.press('Control+V');
        await waitForGenerationAfter(page, gen);
        await assertShowsOnly(page, { marker: ORCHARD_MARKER, place: ORCHARD_PLACE });
        assert.equal((await page.inputValue('textarea#input')).trim(), ORCHARD_ARTICLE);
      },
      { permissions: ['clipboard-read', 'clipboard-write'] },
    );
  });

  it('a paste anywhere else on the page replaces the whole text', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      // Make sure the text box is not focused: the paste lands on the page itself.
      await page.evaluate(() => document.activeElement?.blur());
      assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'input');

      const gen = await generation(page);
      const notCancelled = await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        return document.body.dispatchEvent(event);
      }, LIBRARY_ARTICLE);
      await waitForGenerationAfter(page, gen);
      await assertShowsOnly(page, { marker: LIBRARY_MARKER, place: LIBRARY_PLACE });
      assert.equal(
        await page.inputValue('textarea#input'),
        LIBRARY_ARTICLE,
        'the whole text should be replaced by the clipboard text',
      );
      t.diagnostic(`page paste event ${notCancelled ? 'was not' : 'was'} cancelled by the app`);
    });
  });

  it('a long paste shows its first screen at once, plain, and its marks when the analysis is back', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await page.evaluate(() => document.activeElement?.blur());
      const gen = await generation(page);
      // About 600 KB: the worker takes a while, so the plain screen can be seen before it answers.
      const opening = 'Orchard report: Tasmania’s growers count the harvest';
      const long = `${opening}\n\n${Array(40).fill(SAMPLE_TEXT).join('\n')}`;
      const seen = await page.evaluate(async (text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        const preview = document.querySelector('#reader .reader-preview');
        return {
          first: preview?.querySelector('p')?.textContent ?? null,
          paragraphs: preview?.querySelectorAll('p').length ?? 0,
          marks: preview?.querySelectorAll('mark, [data-paragraph]').length ?? 0,
          busy: preview?.getAttribute('aria-busy'),
          generation: Number(document.querySelector('main#app').dataset.generation),
        };
      }, long);
      assert.equal(seen.first, opening, 'the new article’s first line is on screen in the paste’s frame');
      assert.ok(seen.paragraphs > 1, `a screenful of paragraphs: ${seen.paragraphs}`);
      assert.equal(seen.marks, 0, 'plain: no marks, no paragraph numbers');
      assert.equal(seen.busy, 'true');
      assert.equal(seen.generation, gen, 'shown before the analysis came back');

      await waitForGenerationAfter(page, gen, 120_000);
      assert.equal(await page.locator('#reader .reader-preview').count(), 0, 'the analysed view replaces it');
      assert.ok((await page.locator('#reader').textContent()).includes(opening), 'the same article');
      assert.ok((await page.locator('#reader mark.ent').count()) > 0, 'with its marks');
    });
  });

  it('opening a .txt file with the Open button analyses it', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      // As a person does it: click the button, pick a file in the chooser.
      let gen = await generation(page);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button#open-file')]);
      await chooser.setFiles({ name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from(HARBOUR_ARTICLE) });
      gen = await waitForGenerationAfter(page, gen);
      await assertShowsOnly(page, { marker: HARBOUR_MARKER, place: HARBOUR_PLACE });

      // And straight into the (hidden) file input, a second file.
      await page.setInputFiles('input#file-input', {
        name: 'orchard.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(ORCHARD_ARTICLE),
      });
      await waitForGenerationAfter(page, gen);
      await assertShowsOnly(page, { marker: ORCHARD_MARKER, place: ORCHARD_PLACE });
      assert.equal((await page.inputValue('textarea#input')).trim(), ORCHARD_ARTICLE);
    });
  });

  it('a binary file shows an error and the previous article stays', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const before = { stats: await readStats(page), view: await readView(page), input: await page.inputValue('textarea#input') };

      await page.setInputFiles('input#file-input', { name: 'photo.png', mimeType: 'image/png', buffer: BINARY_BYTES });
      await page.waitForSelector('#message.error', { state: 'visible' });
      const message = await readMessage(page);
      assert.ok(message.text.length > 0, '#message should explain the error');
      assert.equal(message.role, 'alert');
      assert.ok(message.visible, '#message should be visible');
      t.diagnostic(`error shown: ${message.text}`);

      // Nothing else changed.
      assert.deepEqual(await readStats(page), before.stats, 'stats changed after a refused file');
      assert.equal((await readView(page)).text, before.view.text, '#reader changed after a refused file');
      assert.equal(await page.inputValue('textarea#input'), before.input, 'the text box changed after a refused file');
      await assertShowsSample(page);

      // The next good file clears the error.
      const gen = await generation(page);
      await page.setInputFiles('input#file-input', {
        name: 'harbour.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(HARBOUR_ARTICLE),
      });
      await waitForGenerationAfter(page, gen);
      await assertShowsOnly(page, { marker: HARBOUR_MARKER, place: HARBOUR_PLACE });
      const cleared = await readMessage(page);
      assert.ok(!cleared.error && (cleared.text === '' || !cleared.visible), `the error should be gone, got ${JSON.stringify(cleared)}`);
    });
  });

  it('dropping a .txt file on the page analyses it', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const gen = await generation(page);
      const data = await page.evaluateHandle((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'library.txt', { type: 'text/plain' }));
        return dt;
      }, LIBRARY_ARTICLE);
      const target = 'main#app';
      await page.dispatchEvent(target, 'dragenter', { dataTransfer: data });
      await page.dispatchEvent(target, 'dragover', { dataTransfer: data });
      await page.dispatchEvent(target, 'drop', { dataTransfer: data });
      await waitForGenerationAfter(page, gen);
      await assertShowsOnly(page, { marker: LIBRARY_MARKER, place: LIBRARY_PLACE });
    });
  });

  it('with the text cleared the app is empty, and a paste fills it again', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await page.fill('textarea#input', '');
      await page.waitForSelector('main#app[data-state="empty"]');
      assert.equal((await readView(page)).articles.length, 0, 'no article.article when there is no text');

      await pasteText(page, HARBOUR_ARTICLE);
      await page.waitForSelector('main#app[data-state="ready"]');
      await assertShowsOnly(page, { marker: HARBOUR_MARKER, place: HARBOUR_PLACE });
    });
  });

  it('the sample button brings the sample back', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      let gen = await generation(page);
      await page.fill('textarea#input', ORCHARD_ARTICLE);
      gen = await waitForGenerationAfter(page, gen);
      await assertShowsOnly(page, { marker: ORCHARD_MARKER, place: ORCHARD_PLACE });

      await page.click('button#load-sample');
      await waitForGenerationAfter(page, gen);
      await assertShowsSample(page);
    });
  });
});
