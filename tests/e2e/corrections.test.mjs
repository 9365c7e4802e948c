// Reader corrections in Chromium, on the sample, the way a reader makes them: from the mark's own
// menu (by click and by keyboard), from a selection, with undo and redo; then the panels, the
// timeline and the JSON export reflect them, and they survive a share link and a reload. A link
// made by the release before corrections still opens as it did.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generation, pasteText, sharedApp, waitForGenerationAfter, waitForReady, withApp } from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

/** Clicks the first mark of the article whose text is `text` (an entity unless `selector` says). */
async function openMenu(page, text, selector = '#reader mark.ent') {
  const mark = page.locator(selector).filter({ hasText: new RegExp(`^${text}$`) }).first();
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  await page.waitForSelector('#mark-menu:not([hidden])');
}

/** Opens the correction menu of the index's cluster named `name`, from its pencil. */
async function openFromIndex(page, name) {
  await page.click('#tab-entities');
  const row = page.locator("#entity-index li").filter({ has: page.locator(".entity-name", { hasText: new RegExp(`^${name}$`) }) });
  await row.first().locator('.entity-fix').click();
  await page.waitForSelector('#mark-menu:not([hidden])');
}

/**
 * Makes a correction with `click` and waits for the view to show it, and to settle: a name the
 * reader types joins their lexicon, which analyses the article again.
 */
async function correct(page, click) {
  const gen = await generation(page);
  await click();
  await waitForGenerationAfter(page, gen);
  let last = -1;
  for (;;) {
    await page.waitForTimeout(300);
    await page.waitForSelector('main#app[data-state="ready"]');
    const now = await generation(page);
    if (now === last) return;
    last = now;
  }
}

/**
 * Selects the first occurrence of `words` in the article's paragraphs, as a reader's drag would,
 * and lets the page see the mouseup (unless `mouseup` is false: the start of a selection the
 * keyboard then extends). False when the article does not have them.
 */
async function selectWords(page, words, { mouseup = true } = {}) {
  return page.evaluate(({ words, mouseup }) => {
    for (const p of document.querySelectorAll('#reader p.para')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent.indexOf(words);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + words.length);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          if (mouseup) p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return true;
        }
      }
    }
    return false;
  }, { words, mouseup });
}

/** The entity index's cluster names. */
async function indexNames(page) {
  await page.click('#tab-entities');
  return page.$$eval('.entity-row .entity-name', (rows) => rows.map((r) => r.textContent));
}

/** What the page's JSON export says. */
async function exportJson(page) {
  await page.click('#export-menu summary');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/** What must hold after the corrections of the first test, wherever the article is opened. */
async function checkCorrected(page) {
  const names = (await indexNames(page)).join('\n');
  assert.ok(!/^Pool$/m.test(names), '“Pool” is no longer a name');
  const places = await page.$$eval('.entity-group[data-label="LOC"] .entity-name', (els) => els.map((e) => e.textContent));
  assert.ok(places.some((p) => p.startsWith('Musee de la Marine')), 'the museum is a place');
  // Merged, under the longer of the two names.
  assert.ok(!/^G7$/m.test(names), 'G7 is no longer a cluster of its own');
  assert.match(names, /^Group of Seven$/m);
  const json = await exportJson(page);
  const g7 = json.clusters.find((c) => c.name === 'Group of Seven');
  assert.ok(!json.clusters.some((c) => c.name === 'G7'));
  assert.equal(g7.source, 'reader', 'the merged cluster is the reader’s');
  assert.equal(g7.count, 3, 'G7 twice and the Group of Seven once');
  const museumJson = json.entities.find((e) => e.text === 'Musee de la Marine');
  assert.deepEqual([museumJson.label, museumJson.source], ['LOC', 'reader']);
  assert.ok(!json.entities.some((e) => e.text === 'Pool'), 'no “Pool” in the export');
  const quote = json.quotes.find((q) => q.source === 'reader');
  assert.ok(quote, 'a quote carries the reader’s speaker');
  assert.equal(quote.speaker.name, 'Keir Starmer');
  const timex = json.timexes.find((x) => x.source === 'reader');
  assert.equal(timex?.value, '2025-03-10', 'the date the reader set');
  const event = json.events.find((e) => e.source === 'reader');
  assert.equal(event?.date, '2025-03-10', 'its timeline event moved with it');
  // Other values are the analysis's own: no source field at all.
  assert.ok(json.entities.some((e) => !('source' in e)));
  // The timeline panel shows the card on its new day.
  await page.click('#tab-time');
  const cards = await page.$$eval('[data-event]', (els) => els.map((e) => e.textContent).join('\n'));
  assert.match(cards, /March 10|Mar(ch)? 10|2025-03-10/, 'a card on March 10');
}

describe('Reader corrections', () => {
  const app = sharedApp();

  it('retype, drop, merge, reassign and redate on the sample; they reach the panels, the export, a share link and a reload', async (t) => {
    let link;
    await withApp(t, app.browser, app.url, async ({ page }) => {
      // The wrong names here sit in photo captions, which show no marks: correct them from the
      // entity index. “Pool” (a photo pool) is not a name: every mention of it.
      await openFromIndex(page, 'Pool');
      const scope = page.locator('#scope-choice');
      await scope.selectOption('same_text');
      await correct(page, () => page.click('#not-a-name'));
      // The Musee de la Marine is a place, not a person.
      await openFromIndex(page, 'Musee de la Marine');
      await correct(page, () => page.click('#mark-menu [data-set-label="LOC"]'));
      // “Group of Seven” and “G7” are one.
      await openMenu(page, 'Group of Seven');
      await page.selectOption('#merge-with', { label: 'G7' });
      await correct(page, () => page.click('#merge'));
      // A quote given to someone else: the first quote in the article.
      const quote = page.locator('#reader .quote').first();
      await quote.scrollIntoViewIfNeeded();
      await quote.click({ position: { x: 3, y: 5 } });
      await page.waitForSelector('#mark-menu:not([hidden]) #speaker');
      await page.selectOption('#speaker', { label: 'Keir Starmer' });
      await correct(page, () => page.click('#set-speaker'));
      // A date set by hand: “late Thursday”.
      await openMenu(page, 'late Thursday', '#reader .timex');
      await page.selectOption('#date-grain', 'day');
      await page.fill('#date-value', '2025-03-10');
      await correct(page, () => page.click('#set-date'));

      assert.match(await page.innerText('#corrections summary'), /5 corrections/);
      await checkCorrected(page);

      // Undo takes the last back, redo puts it back.
      await correct(page, () => page.click('#undo'));
      assert.match(await page.innerText('#corrections summary'), /4 corrections/);
      await correct(page, () => page.click('#redo'));
      assert.match(await page.innerText('#corrections summary'), /5 corrections/);

      await page.click('#share');
      link = await page.inputValue('#share-link');
      assert.match(link, /#v2\./);

      // A reload keeps them.
      await page.reload();
      await waitForReady(page);
      await page.waitForSelector('#corrections:not([hidden])');
      await checkCorrected(page);
    });
    // A fresh profile with only the link.
    await withApp(t, app.browser, link, async ({ page }) => {
      await page.waitForSelector('#corrections:not([hidden])');
      await checkCorrected(page);
    });
  });

  it('the keyboard opens a mark’s menu, and a selection becomes a name that undo removes', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const mark = page.locator('#reader mark.ent').first();
      await mark.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('#mark-menu:not([hidden])');
      const focused = await page.evaluate(() => document.activeElement?.closest('#mark-menu') !== null);
      assert.ok(focused, 'the menu takes the focus');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#mark-menu[hidden]', { state: 'attached' });
      assert.ok(await mark.evaluate((m) => document.activeElement === m), 'Escape gives the focus back to the mark');

      // Select “spokesman” in the first paragraph that has it and mark it as a name.
      const found = await selectWords(page, 'spokesman');
      assert.ok(found, 'the sample has “spokesman”');
      await page.waitForSelector('#selection-bar');
      await page.selectOption('#add-label', 'MISC');
      await correct(page, () => page.click('#add-name'));
      const added = page.locator('#reader mark.ent[data-source="reader"]').filter({ hasText: /^spokesman$/ });
      assert.equal(await added.count(), 1, 'the selected word is a name now');
      assert.equal(await added.first().getAttribute('data-label'), 'MISC');
      await correct(page, () => page.click('#undo'));
      assert.equal(await added.count(), 0, 'undo removes it');
    });
  });

  it('a selection made with the keyboard raises the bar, Enter moves into it and Escape gives the focus back', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      // The reader starts a selection (no mouseup: the bar stays down) and extends it with Shift.
      assert.ok(await selectWords(page, 'spokes', { mouseup: false }), 'the sample has “spokesman”');
      await page.evaluate(() => document.activeElement?.blur());
      assert.equal(await page.locator('#selection-bar:not([hidden])').count(), 0, 'no bar before the keys');
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.waitForSelector('#selection-bar:not([hidden])');
      assert.match(await page.innerText('#selection-bar .popup-title'), /“spokesman”/);
      assert.match(await page.innerText('#selection-bar .popup-note'), /Enter/);

      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-label', 'Enter moves into the bar');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#selection-bar[hidden]', { state: 'attached' });
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the focus goes back where it was');

      // Into the bar again: the type and the button, all from the keyboard.
      for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft');
      for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.waitForSelector('#selection-bar:not([hidden])');
      await page.keyboard.press('Enter');
      await page.selectOption('#add-label', 'MISC');
      await page.focus('#add-name');
      await correct(page, () => page.keyboard.press('Enter'));
      const added = page.locator('#reader mark.ent[data-source="reader"]').filter({ hasText: /^spokesman$/ });
      assert.equal(await added.count(), 1, 'the keyboard’s selection is a name now');
    });
  });

  it('a speaker chosen by selecting words, Ctrl+Z and Ctrl+Shift+Z, and a date that puts a new card on the timeline', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await pasteText(
        page,
        'Talks in Geneva lasted three days. A senior official told reporters: “We will not sign this deal,” before leaving on Monday.\n',
      );
      // The quote's speaker is nobody the tagger named: the reader selects the words.
      const quote = page.locator('#reader .quote').first();
      await quote.click({ position: { x: 3, y: 5 } });
      await page.waitForSelector('#mark-menu:not([hidden]) #pick-speaker');
      await page.click('#pick-speaker');
      assert.match(await page.innerText('#corrections .picking'), /Who said .*Select their words/);
      assert.ok(await selectWords(page, 'A senior official'), 'the words are in the article');
      await page.waitForSelector('#selection-bar:not([hidden]) #set-speaker-here');
      await correct(page, () => page.click('#set-speaker-here'));
      assert.equal(await page.locator('#corrections .picking').count(), 0, 'choosing is over');
      let json = await exportJson(page);
      assert.equal(json.quotes[0].speaker?.name, 'A senior official');
      assert.equal(json.quotes[0].source, 'reader');

      // Ctrl+Z takes it back, Ctrl+Shift+Z puts it back; in a text field they are the field's.
      await page.evaluate(() => document.activeElement?.blur());
      await correct(page, () => page.keyboard.press('Control+z'));
      assert.equal(await page.locator('#corrections summary').innerText(), '0 corrections of yours');
      await correct(page, () => page.keyboard.press('Control+Shift+z'));
      assert.match(await page.innerText('#corrections summary'), /^1 correction of yours/);
      await page.click('#tab-quotes');
      await page.focus('#quote-filter');
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(200);
      assert.match(await page.innerText('#corrections summary'), /^1 correction of yours/, 'the field’s own undo');

      // “three days” is a length of time, with no card; the reader says it was a date.
      await page.click('#tab-time');
      const cardsBefore = await page.locator('[data-event]').count();
      // One mark: “three” is part of the duration, not a number of its own as well.
      const threeDays = page.locator('#reader .timex[data-timex="0"]');
      assert.equal(await threeDays.count(), 1, 'one piece, with no number mark inside');
      assert.equal(await threeDays.locator('mark.ent').count(), 0);
      await threeDays.click();
      await page.waitForSelector('#mark-menu:not([hidden]) #date-grain');
      await page.selectOption('#date-grain', 'day');
      await page.fill('#date-value', '2025-03-10');
      await correct(page, () => page.click('#set-date'));
      const cards = page.locator('[data-event]');
      assert.equal(await cards.count(), cardsBefore + 1, 'a new card');
      assert.match(await cards.allInnerTexts().then((t) => t.join('\n')), /Talks in Geneva lasted three days/);
      json = await exportJson(page);
      const event = json.events.find((e) => e.date === '2025-03-10');
      assert.equal(event?.source, 'reader');
    });
  });

  it('a name retyped in one article is known in the next, and forgotten after “clear”', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await pasteText(page, 'Zorblat Quenth spoke to reporters in Paris on Monday about the harbour plan.');
      await openMenu(page, 'Zorblat Quenth');
      await correct(page, () => page.click('#mark-menu [data-set-label="PER"]'));
      await page.click('#lexicon summary');
      assert.match(await page.innerText('#lexicon'), /Zorblat Quenth\s*Person/);

      await pasteText(page, 'On Friday, Zorblat Quenth visited Berlin with two ministers.');
      const mark = page.locator('#reader mark.ent').filter({ hasText: /^Zorblat Quenth$/ });
      assert.equal(await mark.getAttribute('data-label'), 'PER');
      assert.equal(await mark.getAttribute('data-source'), 'lexicon', 'the mark says it came from your names');
      assert.match(await mark.getAttribute('title'), /from your names/);

      await correct(page, () => page.click('#lexicon-clear'));
      assert.match(await page.innerText('#lexicon summary'), /\(0\)/);
      const after = await page.$$eval('#reader mark.ent', (els) => els.map((e) => e.dataset.source || ''));
      assert.ok(!after.includes('lexicon'), 'no mark comes from the cleared names');
      // The cleared list survives a reload too.
      await page.reload();
      await waitForReady(page);
      assert.match(await page.innerText('#lexicon summary'), /\(0\)/);
    });
  });

  it('hostile strings in corrections are shown as text', async (t) => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await openMenu(page, 'Dmitry Peskov');
      await page.fill('#rename', payload);
      await correct(page, () => page.click('#rename-cluster'));
      await page.click('#tab-entities');
      assert.ok((await page.innerText('aside.side')).includes(payload), 'the new name is shown as typed');
      assert.equal(await page.locator('aside.side img, #reader img').count(), 0, 'no element was made from it');
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  });

  it('a share link made by the release before corrections (v1) opens as it did', async (t) => {
    const fixture = (await readFile(join(REPO_ROOT, 'tests/data/share/v1-link.txt'), 'utf8')).trim();
    const expected = JSON.parse(await readFile(join(REPO_ROOT, 'tests/data/share/v1-link.expected.json'), 'utf8'));
    const link = app.url + fixture.slice(fixture.indexOf('#'));
    await withApp(t, app.browser, link, async ({ page }) => {
      assert.equal(await page.inputValue('#input'), expected.text);
      assert.equal(await page.inputValue('#reference-date'), expected.settings.reference_date);
      assert.equal(await page.getAttribute('#tab-time', 'aria-selected'), 'true');
      assert.equal(await page.locator('#corrections:not([hidden])').count(), 0, 'no corrections');
    });
  });
});
