// End-to-end tests of the analysis panels on the sample article, driven like a reader:
// fold and unfold the photo captions, find who said what, and walk the timeline.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  generation,
  sharedApp,
  waitForGenerationAfter,
  withApp,
} from './support/browser.mjs';

/** Whether the element matching `selector` is inside the viewport. */
async function inViewport(page, selector) {
  return page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  });
}

/** Waits until the element matching `selector` carries the `flash` class and is on screen. */
async function waitFlashedInView(page, selector) {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el || !el.classList.contains('flash')) return false;
      const box = el.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    },
    selector,
    { timeout: 5000 },
  );
}

describe('The analysis panels on the sample', () => {
  const app = sharedApp();

  it('folds each run of photo captions into one strip, and the raw toggle shows all 80 paragraphs', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const runs = await page.$$eval('.caption-run', (els) =>
        els.map((el) => ({ captions: Number(el.dataset.captions), distinct: Number(el.dataset.distinct) })),
      );
      assert.ok(runs.length >= 2, `caption runs expected, got ${JSON.stringify(runs)}`);
      assert.equal(runs.reduce((n, r) => n + r.captions, 0), 42, 'the sample has 42 caption paragraphs');

      // The first run starts collapsed: one strip, its list hidden.
      const first = page.locator('.caption-run').first();
      assert.equal(await first.locator('.caption-strip').getAttribute('aria-expanded'), 'false');
      assert.equal(await first.locator('.caption-list').isVisible(), false);
      assert.match(await first.locator('.caption-strip').innerText(), /16 photo captions · \d+ distinct/);

      // Expanding it shows each distinct caption once, with its count.
      await first.locator('.caption-strip').click();
      assert.equal(await first.locator('.caption-list').isVisible(), true);
      const shown = await first.locator('li.caption').evaluateAll((els) =>
        els.map((el) => ({ text: el.querySelector('.caption-text').textContent, count: el.querySelector('.count').textContent })),
      );
      assert.equal(shown.length, runs[0].distinct, 'one entry per distinct caption');
      assert.equal(new Set(shown.map((s) => s.text)).size, shown.length, 'no caption is listed twice');
      const total = shown.reduce((n, s) => n + Number(s.count.replace('×', '')), 0);
      assert.equal(total, 16, 'the counts add up to the captions in the run');
      // The Sudzha street variant is marked where it differs.
      const marked = await first.locator('li.caption.variant ins.diff').allInnerTexts();
      assert.ok(marked.some((m) => m.includes('street')), `the variant's changed words are marked: ${marked}`);

      // Raw paste: every paragraph as pasted, nothing folded.
      await page.check('#raw-toggle');
      await page.waitForFunction(() => document.querySelectorAll('#reader p.para').length === 80);
      assert.equal(await page.locator('.caption-run').count(), 0);
      await page.uncheck('#raw-toggle');
      await page.waitForSelector('.caption-run');
    });
  });

  it('clicking an entity marks its mentions, and "next" steps to the second one', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await page.click('#tab-entities');
      const people = await page.$$eval('.entity-group[data-label="PER"] .entity-name', (els) =>
        els.map((el) => el.firstChild.textContent.trim()),
      );
      for (const name of ['Vladimir Putin', 'Donald Trump', 'Keir Starmer', 'Dmitry Peskov', 'Marco Rubio', 'Steve Witkoff']) {
        assert.ok(people.includes(name), `${name} is listed among the people: ${people}`);
      }
      // Zelenskyy and Zelensky are one entry.
      assert.equal(people.filter((p) => p.startsWith('Volodymyr Zelensk') || p.startsWith('Zelensk')).length, 1);

      const row = page.locator('.entity-row', { hasText: 'Keir Starmer' });
      const cluster = await row.getAttribute('data-cluster');
      await row.click();
      const marked = await page.$$eval(`#reader mark.ent[data-cluster="${cluster}"]`, (els) =>
        els.map((el) => el.classList.contains('selected')),
      );
      assert.ok(marked.length >= 2 && marked.every(Boolean), `all of Starmer's mentions are marked: ${marked}`);
      assert.match(await page.innerText('#mention-position'), /^1 of \d+/);

      await page.click('#mention-next');
      assert.match(await page.innerText('#mention-position'), /^2 of \d+/);
      const second = await page.$$eval(`#reader mark.ent[data-cluster="${cluster}"]`, (els) => {
        const seen = [];
        for (const el of els) if (!seen.some((s) => s.dataset.entity === el.dataset.entity)) seen.push(el);
        return seen.findIndex((el) => el.classList.contains('current'));
      });
      assert.equal(second, 1, 'the second mention is the current one');
      await page.waitForFunction(
        (c) => {
          const el = document.querySelector(`#reader mark.ent.current[data-cluster="${c}"]`);
          const box = el?.getBoundingClientRect();
          return box && box.top >= 0 && box.bottom <= window.innerHeight;
        },
        cluster,
        { timeout: 5000 },
      );

      // The keyboard steps too, and the legend switches a type's highlight off.
      await page.keyboard.press('n');
      assert.match(await page.innerText('#mention-position'), /^3 of \d+/);
      await page.click('.legend-item[data-label="LOC"]');
      assert.equal(await page.getAttribute('.legend-item[data-label="LOC"]', 'aria-pressed'), 'false');
      assert.ok(await page.$eval('#reader', (el) => el.classList.contains('hide-LOC')));
    });
  });

  it("lists Peskov's three quotes, and a click scrolls the text to one", async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await page.click('#tab-quotes');
      const peskov = page.locator('.speaker[data-speaker="Dmitry Peskov"]');
      await peskov.waitFor();
      const quotes = await peskov.locator('.quote-item').allInnerTexts();
      assert.equal(quotes.length, 3, `Peskov's quotes: ${JSON.stringify(quotes)}`);
      assert.ok(quotes.some((q) => q.includes('cautious optimism')));
      // Clicking his name marks his mentions in the text.
      await peskov.locator('.speaker-name').click();
      await page.waitForSelector('#reader mark.ent.selected', { timeout: 5000 });
      assert.match(await page.locator('#reader mark.ent.selected').first().innerText(), /Peskov/);

      // "Unattributed", if any, comes last.
      const speakers = await page.$$eval('#quote-list .speaker', (els) => els.map((el) => el.dataset.speaker));
      const unattributed = speakers.indexOf('Unattributed');
      assert.ok(unattributed === -1 || unattributed === speakers.length - 1, `speakers: ${speakers}`);

      // Clicking the last quote scrolls it into view and flashes it.
      const item = peskov.locator('.quote-item').last();
      const index = await item.getAttribute('data-quote-ref');
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await item.click();
      await waitFlashedInView(page, `#reader [data-quote="${index}"]`);

      // In the text, a quote says who said it, and a click finds it in the panel.
      assert.equal(await page.getAttribute(`#reader [data-quote="${index}"]`, 'title'), 'Quote · said by Dmitry Peskov');
      await page.click('#tab-overview');
      await page.click(`#reader [data-quote="${index}"]`);
      await page.waitForSelector(`#quote-list [data-quote-ref="${index}"].flash`, { timeout: 5000 });

      // The filter narrows the list to matching quotes.
      await page.fill('#quote-filter', 'watching');
      await page.waitForFunction(() => document.querySelectorAll('#quote-list .quote-item').length === 1);
      assert.match(await page.locator('#quote-list .quote-item').innerText(), /The world is watching/);
    });
  });

  it('the Feb. 28 timeline card scrolls to the White House meeting and flashes it', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await page.click('#tab-time');
      const dates = await page.$$eval('#timeline .event-date', (els) => els.map((el) => el.textContent));
      assert.equal(dates[0], '2022', `the timeline starts in 2022: ${dates}`);
      assert.equal(dates[dates.length - 1], '2025-W12', `the timeline ends with next week: ${dates}`);

      const card = page.locator('#timeline .event', { hasText: 'White House' }).filter({ has: page.locator('.event-date', { hasText: '2025-02-28' }) }).first();
      const sentence = await card.getAttribute('data-sentence-ref');
      await card.locator('.event-label').click();
      await waitFlashedInView(page, `#reader [data-sentence="${sentence}"]`);
      assert.match(await page.locator(`#reader [data-sentence="${sentence}"]`).innerText(), /White House on Feb\. 28/);

      // Keyboard: Enter on a focused card opens it too.
      await page.locator('#timeline .event').first().focus();
      await page.keyboard.press('ArrowDown');
      const focused = await page.evaluate(() => document.activeElement?.dataset.event);
      assert.equal(focused, '1', 'ArrowDown moves to the next card');
    });
  });

  it('a quote no speech verb attributes shows its speaker as likely, and a cued one as said', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const gen = await generation(page);
      await page.fill(
        'textarea#input',
        'DAYTON, Ohio (AP) — The plant closed on Friday after 60 years.\n\n' +
          'For Maria Lopez, a nurse in Dayton, “We will never give up the fight for this town, whatever it costs us” is more than a slogan.\n\n' +
          '“We will be back next year,” Mayor Jeffrey Mims said.',
      );
      await waitForGenerationAfter(page, gen);
      // A quote with an entity or a date inside it is cut into several pieces: one title per quote.
      const titles = await page.$$eval('#reader .quote', (els) => [
        ...new Map(els.map((el) => [el.dataset.quote, el.title])).values(),
      ]);
      assert.equal(titles.length, 2, `two quotes: ${JSON.stringify(titles)}`);
      assert.match(titles[0], /^Quote · likely said by Maria Lopez \(no speech verb names them\)$/);
      assert.match(titles[1], /^Quote · said by (Mayor )?Jeffrey Mims$/);
      await page.click('#tab-quotes');
      const likely = page.locator('#quote-list .quote-item.likely');
      assert.equal(await likely.count(), 1, 'one quote listed as likely');
      assert.match(await likely.innerText(), /never give up/);
      assert.match(await likely.getAttribute('title'), /no speech verb/);
    });
  });

  it('a new reference date re-resolves relative dates and leaves absolute ones', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      // "Friday" in the first sentence: "…Dmitry Peskov said Friday."
      const fridayTitle = () =>
        page.$eval('#reader [data-sentence="0"]', (s) =>
          [...s.querySelectorAll('.timex')].find((el) => el.textContent === 'Friday')?.title ?? '',
        );
      assert.match(await fridayTitle(), /→ 2025-03-14/);
      await page.click('#tab-time');
      const gen = await generation(page);
      await page.fill('#reference-date', '2025-03-21');
      await waitForGenerationAfter(page, gen);
      assert.match(await fridayTitle(), /→ 2025-03-21/);
      const feb28 = await page.$$eval('#reader .timex', (els) =>
        els.filter((el) => el.textContent === 'Feb. 28').map((el) => el.title),
      );
      assert.ok(feb28.length > 0 && feb28.every((t) => t.includes('→ 2025-02-28')), `Feb. 28 stays put: ${feb28}`);
      const dates = await page.$$eval('#timeline .event-date', (els) => els.map((el) => el.textContent));
      assert.ok(dates.includes('2025-03-21'), `"Friday" is now March 21: ${dates}`);
    });
  });
});
