// End-to-end tests of the timeline's time axis, driven like a reader: zoom from weeks to hours
// and back, see vague dates as bands, paste two articles into one timeline, open a card's
// sentence, filter by a participant and by an article, and read the timeline in the wide view.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ARTIFACTS_DIR,
  generation,
  sharedApp,
  waitForGenerationAfter,
  withApp,
} from './support/browser.mjs';

// Invented for these tests (not real reporting). The first has a vague time of day, a week, a
// range and an undated reference; the second is another story on other days.
const TALKS = [
  'GENEVA (AP) — Negotiators from the two governments reached a draft agreement late Thursday, the mediators said on Friday.',
  'The delegations will meet again next week in Geneva to sign it, according to the Swiss foreign ministry.',
  'Anna Keller led the talks from March 3 to March 7 at the Palais des Nations.',
  'The talks had recently stalled over the border crossings.',
].join('\n');
const FLOODS = [
  'DHAKA, Bangladesh (AP) — Rescue teams evacuated 12,000 people from the river delta on Tuesday, the disaster agency said.',
  'Rahim Uddin, the agency’s director, visited the shelters on Wednesday.',
].join('\n');
const REFERENCE = '2025-03-14';

/** Pastes `text` as the reader would, waits for its analysis, and opens the timeline. */
async function paste(page, text) {
  const gen = await generation(page);
  await page.fill('textarea#input', text);
  await waitForGenerationAfter(page, gen);
  await page.click('#tab-time');
  const again = await generation(page);
  await page.fill('#reference-date', REFERENCE);
  await waitForGenerationAfter(page, again);
}

/** The axis's zoom and the labels of its ticks. */
async function axisState(page) {
  return page.$eval('#timeline .axis', (axis) => ({
    zoom: axis.dataset.zoom,
    unit: axis.dataset.unit,
    labels: [...axis.querySelectorAll('.tick-label')].map((el) => el.textContent),
  }));
}

/** The distinct article colours of the cards on the axis. */
async function cardColours(page) {
  // A hovered card's border is the focus colour, and fades back in 0.2 s.
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  return page.$$eval('#timeline .axis .event', (cards) => [
    ...new Set(cards.map((c) => getComputedStyle(c).borderLeftColor)),
  ]);
}

describe('The timeline on a time axis', () => {
  const app = sharedApp();

  it('zooming changes the axis, by button, by keyboard and by Ctrl + wheel', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await page.click('#tab-time');
      await page.waitForSelector('#timeline .axis .tick-label');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'timeline-panel.png') });
      const first = await axisState(page);
      assert.ok(first.labels.length > 0, 'the axis has tick labels');

      await page.click('#zoom-in');
      const finer = await axisState(page);
      assert.notEqual(finer.zoom, first.zoom, 'Zoom in changes the zoom');
      assert.notEqual(finer.unit, first.unit, 'the ticks mark another unit');
      assert.notDeepEqual(finer.labels, first.labels, 'the tick labels change');

      // Keyboard: "-" on a focused card zooms back out.
      await page.locator('#timeline .event').first().focus();
      await page.keyboard.press('-');
      assert.equal((await axisState(page)).zoom, first.zoom, '"-" zooms out');

      // A named level, then Ctrl + wheel up zooms in one step from it.
      // The wide view of the sample: the README's picture of the panel (docs/timeline.png).
      await page.click('#timeline-wide');
      await page.waitForSelector('.layout.timeline-wide');
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'timeline-sample-wide.png') });
      await page.click('.zoom-level[data-zoom="days"]');
      assert.equal((await axisState(page)).zoom, 'days');
      await page.hover('#timeline .axis');
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -100);
      await page.keyboard.up('Control');
      await page.waitForFunction(() => document.querySelector('#timeline .axis')?.dataset.zoom === 'hours');
      const hours = await axisState(page);
      assert.ok(hours.labels.some((l) => /^\d\d:00$/.test(l)), `hour ticks: ${hours.labels}`);
    });
  });

  it('"late Thursday" and "next week" are bands, a from–to is a bar, "recently" is undated', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await paste(page, TALKS);
      const cards = await page.$$eval('#timeline .event', (els) =>
        els.map((el) => ({
          when: el.querySelector('.event-when').textContent,
          shape: el.dataset.shape,
          event: el.dataset.event,
          undated: !!el.closest('.undated-lane'),
        })),
      );
      const find = (said) => cards.find((c) => c.when.toLowerCase() === said);
      for (const said of ['late thursday', 'next week']) {
        const card = find(said);
        assert.ok(card, `a card for "${said}": ${JSON.stringify(cards)}`);
        assert.equal(card.shape, 'band', `"${said}" is a band`);
        const mark = await page.$eval(`#timeline .mark[data-mark="${card.event}"]`, (m) => ({
          band: m.classList.contains('mark-band'),
          height: m.getBoundingClientRect().height,
        }));
        assert.ok(mark.band && mark.height >= 8, `"${said}" is drawn as a band: ${JSON.stringify(mark)}`);
      }
      // "next week" spans seven days: its band is taller than late Thursday's few hours.
      const height = (said) =>
        page.$eval(`#timeline .mark[data-mark="${find(said).event}"]`, (m) => m.getBoundingClientRect().height);
      assert.ok((await height('next week')) > (await height('late thursday')), 'a week is drawn longer than an evening');
      const range = cards.find((c) => c.shape === 'range');
      assert.ok(range, `March 3 to March 7 makes a range: ${JSON.stringify(cards)}`);
      assert.equal(await page.locator(`#timeline .mark-range[data-mark="${range.event}"]`).count(), 1);
      const earlier = find('recently');
      assert.ok(earlier?.undated, `"recently" is in the undated lane: ${JSON.stringify(cards)}`);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'timeline-bands.png') });
    });
  });

  it('a two-article paste gives one timeline in two colours, with a filter per article', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await paste(page, `${TALKS}\n${FLOODS}`);
      assert.equal(await page.locator('#timeline .axis').count(), 1, 'one timeline');
      const articles = await page.$$eval('#timeline .axis .event', (els) => [...new Set(els.map((e) => e.dataset.article))]);
      assert.deepEqual(articles.sort(), ['0', '1'], 'both articles have cards on the axis');
      const colours = await cardColours(page);
      assert.equal(colours.length, 2, `two article colours: ${colours}`);
      assert.equal(await page.locator('.article-chip').count(), 2, 'a switch per article');

      // Hiding the second article leaves only the first's cards, in one colour.
      await page.click('.article-chip[data-article="1"]');
      assert.equal(await page.getAttribute('.article-chip[data-article="1"]', 'aria-pressed'), 'false');
      const left = await page.$$eval('#timeline .event', (els) => [...new Set(els.map((e) => e.dataset.article))]);
      assert.deepEqual(left, ['0'], 'only the first article is shown');
      const one = await cardColours(page);
      assert.equal(one.length, 1, `one colour: ${one}`);
      await page.click('.article-chip[data-article="1"]');
      await page.click('#timeline-wide');
      await page.waitForSelector('.layout.timeline-wide');
      const width = await page.$eval('.side', (s) => s.getBoundingClientRect().width);
      assert.ok(width > 420, `the wide view widens the panel: ${width}px`);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'timeline-wide.png') });
    });
  });

  it('clicking a card flashes its sentence; clicking a participant filters the cards', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await paste(page, `${TALKS}\n${FLOODS}`);
      const card = page.locator('#timeline .event', { hasText: 'shelters' }).first();
      const sentence = await card.getAttribute('data-sentence-ref');
      await card.locator('.event-label').click();
      await page.waitForSelector(`#reader [data-sentence="${sentence}"].flash`, { timeout: 5000 });
      assert.match(await page.locator(`#reader [data-sentence="${sentence}"]`).innerText(), /visited the shelters/);

      const before = await page.locator('#timeline .event').count();
      const chip = page.locator('#timeline .event .chip', { hasText: 'Anna Keller' }).first();
      const name = (await chip.innerText()).trim();
      await chip.click();
      await page.waitForFunction((n) => document.querySelectorAll('#timeline .event').length < n, before);
      const left = await page.$$eval('#timeline .event', (els) =>
        els.map((el) => [...el.querySelectorAll('.chip')].map((c) => c.textContent.trim())),
      );
      assert.ok(left.length > 0 && left.every((chips) => chips.includes(name)), `only ${name}'s events: ${JSON.stringify(left)}`);
      assert.match(await page.locator('.filter').innerText(), new RegExp(`Only events with ${name}`));
      await page.click('.filter .link');
      assert.equal(await page.locator('#timeline .event').count(), before, 'Show all brings every card back');
    });
  });
});
