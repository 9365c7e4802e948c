// The entity index on a whole web page pasted as plain text: the menus, share bar and footer that
// come along with a page selected whole are page furniture, and furniture gets no entity marks,
// so the index lists the story's people and none of the menu's words.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pasteText, sharedApp, withApp } from './support/browser.mjs';

/** A news page as a reader's Ctrl+A, Ctrl+C brings it: menu, share bar, story, footer. */
const WHOLE_PAGE = [
  'Home', 'World', 'US', 'Politics', 'Business', 'Rugby', 'Soccer', 'Cricket', 'Click to Gallery',
  '',
  'Share on Facebook', 'Share on Twitter', 'Email',
  '',
  'Mayor Announces New Harbour Plan',
  '',
  'PORTSMOUTH, England (AP) — Mayor Eleanor Whitcombe unveiled a plan on Tuesday to rebuild the old harbour, ' +
    'saying the city could not wait for the national government to act.',
  '',
  'Whitcombe said the work would start in the spring. Council member Rajesh Banerjee, who chairs the ' +
    'planning committee, said the budget had been agreed with the Harbour Trust.',
  '',
  '"We have waited long enough," Banerjee said.',
  '',
  'Related stories', 'Terms of Use', 'Privacy Policy', 'Contact Us', 'About Us',
  '© 2025 The Associated Press. All rights reserved.',
].join('\n');

describe('entities on a whole pasted page', () => {
  const app = sharedApp();

  it('the entity index lists the story’s people and none of the menu’s words', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      await pasteText(page, WHOLE_PAGE);
      await page.click('#tab-entities');
      const names = await page.$$eval('#entity-index .entity-name', (els) =>
        els.map((el) => el.firstChild.textContent.trim()),
      );
      const people = await page.$$eval('.entity-group[data-label="PER"] .entity-name', (els) =>
        els.map((el) => el.firstChild.textContent.trim()),
      );
      t.diagnostic(`index: ${names.join(', ')}`);
      for (const person of ['Eleanor Whitcombe', 'Rajesh Banerjee']) {
        assert.ok(people.includes(person), `${person} is among the people: ${people}`);
      }
      for (const menu of ['Rugby', 'Soccer', 'Cricket', 'Gallery', 'Facebook', 'Twitter', 'Privacy Policy']) {
        assert.ok(!names.some((n) => n.includes(menu)), `${menu} is not in the index: ${names}`);
      }
      // No mark sits in a furniture paragraph.
      const marksInFurniture = await page.$$eval('#reader mark.ent', (marks) =>
        marks.filter((m) => m.closest('[data-role="boilerplate"], .furniture')).map((m) => m.textContent),
      );
      assert.deepEqual(marksInFurniture, [], 'no entity mark in page furniture');
      const marked = await page.$$eval('#reader mark.ent', (marks) => marks.map((m) => m.textContent));
      for (const menu of ['Rugby', 'Soccer', 'Cricket', 'Gallery']) {
        assert.ok(!marked.includes(menu), `${menu} is not marked: ${marked}`);
      }
    });
  });
});
