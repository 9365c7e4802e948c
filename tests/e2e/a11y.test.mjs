// Accessibility: axe-core (npm) audits the app against WCAG 2.1 A and AA, on the sample, with
// each side tab open in turn, and with a caption strip and a furniture strip opened. Any
// violation fails the test, with axe's own description of each.
//
// The page's strict CSP forbids injected scripts; the test's browser context bypasses CSP
// (Playwright's bypassCSP) only to inject axe, and the app's own CSP stays as it ships.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  sharedApp,
  withApp,
} from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

const AXE = await readFile(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's violations on the page as it is, one line each. */
async function violations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE });
  }
  const found = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, TAGS);
  return found.map((v) => `${v.id} (${v.help}) on ${v.nodes.length} element(s): ${v.nodes.slice(0, 3).join(' | ')}`);
}

describe('Accessibility (axe-core, WCAG 2.1 AA)', () => {
  const app = sharedApp();

  it('the app has no violations, with each side tab open', async (t) => {
    await withApp(
      t,
      app.browser,
      app.url,
      async ({ page }) => {
        const tabs = page.locator('[role="tab"]');
        const count = await tabs.count();
        assert.ok(count >= 3, `side tabs (${count})`);
        const problems = [];
        for (let i = 0; i < count; i++) {
          const tab = tabs.nth(i);
          const name = (await tab.innerText()).trim();
          await tab.click();
          assert.equal(await tab.getAttribute('aria-selected'), 'true', `${name} opened`);
          for (const v of await violations(page)) problems.push(`[${name} tab] ${v}`);
        }
        // The folded strips, opened.
        await page.locator('#reader .caption-strip').first().click();
        if (await page.locator('#reader .furniture-strip').count()) {
          await page.locator('#reader .furniture-strip').first().click();
        }
        for (const v of await violations(page)) problems.push(`[strips open] ${v}`);
        assert.deepEqual(problems, [], `axe found violations:\n${problems.join('\n')}`);
      },
      { bypassCSP: true },
    );
  });
});
