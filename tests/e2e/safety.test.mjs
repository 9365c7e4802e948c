// Safety and offline use, in Chromium: hostile text through every way in never runs or injects
// anything; the page's Content-Security-Policy holds with no violation; and after one visit the
// app opens and analyses with the network gone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import {
  generation,
  newSession,
  sharedApp,
  waitForGenerationAfter,
  waitForReady,
  withApp,
} from './support/browser.mjs';

/**
 * Hostile inputs. Every one would open a dialog, set `window.__pwned`, or add an element if
 * any part of it were ever treated as markup or script.
 */
export const HOSTILE = [
  '<script>window.__pwned = 1; alert("script")</script>',
  '<img src=x onerror="window.__pwned = 1; alert(\'img\')">',
  '<svg onload="window.__pwned = 1"><script>alert(1)</script></svg>',
  '<a href="javascript:window.__pwned=1;alert(1)">click me</a>',
  '</textarea><script>window.__pwned = 1</script><textarea>',
  '<div style="width: expression(alert(1)); background: url(javascript:alert(1))">css</div>',
  '<iframe src="javascript:alert(1)"></iframe><object data="x"></object><embed src="x">',
  '"><img src=x onerror=alert(1)>',
  "'><body onload=alert(1)>",
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle="window.__pwned=1">x</details>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${alert(1)}',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
];

/** A news-like article with every hostile string inside it, in quotes and in plain text. */
export function hostileArticle() {
  const lines = ['KYIV, Ukraine (AP) — Officials said on Tuesday that the talks would resume.', ''];
  HOSTILE.forEach((h, i) => {
    lines.push(`Minister Anna Kovalenko said “${h}” in a statement number ${i + 1}. ${h}`, '');
  });
  lines.push('“We will not stop,” Kovalenko said.');
  return lines.join('\n');
}

/** Elements that input must never create. Counted over the whole document. */
const DANGEROUS = 'script, iframe, object, embed, img, svg, math, style, link[rel="import"], base, meta[http-equiv="refresh"], form, details, textarea';

async function installTraps(page) {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return dialogs;
}

async function dangerousCount(page) {
  return page.evaluate((selector) => document.querySelectorAll(selector).length, DANGEROUS);
}

async function assertUnharmed(page, dialogs, baseline, how) {
  assert.deepEqual(dialogs, [], `${how}: a dialog opened`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${how}: injected script ran`);
  assert.equal(await dangerousCount(page), baseline, `${how}: an element was injected`);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], `${how}: CSP violations`);
  // The hostile text is shown, as text: lines read as page furniture are in their folded strip,
  // so open it first.
  const strips = page.locator('#reader .furniture-strip[aria-expanded="false"]');
  for (let i = await strips.count(); i > 0; i--) await strips.first().click();
  const shown = await page.locator('#reader').innerText();
  assert.ok(shown.includes('<script>window.__pwned = 1;'), `${how}: the hostile text is not shown as text`);
  assert.ok(shown.includes('onerror=alert(1)>'), `${how}: the attribute text is not shown as text`);
}

/** Like withApp, with dialog and CSP-violation traps set before the page loads. */
async function withTrappedApp(t, fn) {
  const session = await newSession(app.browser);
  const dialogs = await installTraps(session.page);
  try {
    await session.page.goto(app.url, { waitUntil: 'load' });
    await waitForReady(session.page);
    await fn({ ...session, dialogs });
    assert.deepEqual(session.problems, [], 'the page logged errors or threw');
  } finally {
    await session.context.close();
  }
}

const app = sharedApp();

describe('Safety and offline use', () => {
  it('the page carries a strict Content-Security-Policy and loads with no violation', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page }) => {
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.ok(policy, 'no CSP meta tag');
      assert.match(policy, /default-src 'none'/);
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/, 'no unsafe-inline or unsafe-eval');
      const violations = await page.evaluate(() => window.__violations ?? []);
      assert.deepEqual(violations, []);
      assert.equal(await page.locator('p.unsupported').count(), 0, 'a browser that runs the app is not told it cannot');
    });
  });

  it('a browser that cannot run the WebAssembly is told why, not shown a blank page', async () => {
    const session = await newSession(app.browser);
    try {
      // As in Safari's Lockdown Mode; a browser without WebAssembly SIMD takes the same path.
      await session.page.addInitScript(() => {
        delete window.WebAssembly;
      });
      await session.page.goto(app.url, { waitUntil: 'load' });
      const note = session.page.locator('p.unsupported[role="alert"]');
      await note.waitFor();
      assert.match(await note.textContent(), /cannot run in this browser: it needs WebAssembly with SIMD/);
      assert.equal(await session.page.locator('main#app').count(), 0);
    } finally {
      await session.context.close();
    }
  });

  it('hostile text pasted or opened as a file is shown as text and never runs', async (t) => {
    await withTrappedApp(t, async ({ page, dialogs }) => {
      const baseline = await dangerousCount(page);
      const article = hostileArticle();
      // 1. A paste on the page.
      let gen = await generation(page);
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, article);
      gen = await waitForGenerationAfter(page, gen);
      await assertUnharmed(page, dialogs, baseline, 'paste');
      // Quotes are still found in hostile text. Its markup-laden lines read as page furniture,
      // which folds without marks, so the quotes panel is where they show.
      await page.click('#tab-quotes');
      assert.ok((await page.locator('.quote-item').count()) > 0, 'quotes should still be found');
      // Every panel renders it, still as text.
      for (const tab of ['#tab-entities', '#tab-quotes', '#tab-time', '#tab-overview']) {
        if (await page.locator(tab).count()) await page.click(tab);
      }
      await assertUnharmed(page, dialogs, baseline, 'panels');
      // 2. The raw-paste view.
      await page.check('#raw-toggle');
      await assertUnharmed(page, dialogs, baseline, 'raw view');
      await page.uncheck('#raw-toggle');
      // 3. A file opened with the file button.
      await page.click('#load-sample');
      gen = await waitForGenerationAfter(page, gen);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button#open-file')]);
      await chooser.setFiles({ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(article) });
      gen = await waitForGenerationAfter(page, gen);
      await assertUnharmed(page, dialogs, baseline, 'file');
    });
  });

  it('hostile HTML pasted from a "web page" and a hostile share link never run or inject', async (t) => {
    let link;
    await withTrappedApp(t, async ({ page, dialogs }) => {
      const baseline = await dangerousCount(page);
      // A pasted web page made of the hostile strings, as real markup this time.
      const html = `<html><body><article><p>KYIV, Ukraine (AP) — Officials said talks resume.</p>${HOSTILE.map(
        (h) => `<p>Minister Anna Kovalenko said “${h}” here.</p>${h}`,
      ).join('')}<p>Escaped too: &lt;script&gt;window.__pwned = 1;&lt;/script&gt; onerror=alert(1)&gt;</p></article></body></html>`;
      let gen = await generation(page);
      await page.evaluate((value) => {
        const data = new DataTransfer();
        data.setData('text/html', value);
        data.setData('text/plain', 'plain');
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, html);
      gen = await waitForGenerationAfter(page, gen);
      assert.deepEqual(dialogs, [], 'HTML paste: a dialog opened');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'HTML paste: injected script ran');
      assert.equal(await dangerousCount(page), baseline, 'HTML paste: an element was injected');
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'HTML paste: CSP violations');
      assert.ok((await page.locator('#reader').innerText()).includes('Kovalenko'), 'the text of the page is shown');
      // A share link made from hostile text.
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, HOSTILE.slice(0, 8).join('\n') + '\n“We will not stop,” Kovalenko said.');
      gen = await waitForGenerationAfter(page, gen);
      await page.click('#share');
      link = await page.inputValue('#share-link');
    });
    const session = await newSession(app.browser);
    const dialogs = await installTraps(session.page);
    try {
      await session.page.goto(link, { waitUntil: 'load' });
      await waitForReady(session.page);
      const page = session.page;
      const strips = page.locator('#reader .furniture-strip[aria-expanded="false"]');
      for (let i = await strips.count(); i > 0; i--) await strips.first().click();
      assert.ok((await page.locator('#reader').innerText()).includes('<script>window.__pwned = 1;'), 'the link shows the text as text');
      assert.deepEqual(dialogs, [], 'share link: a dialog opened');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'share link: injected script ran');
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'share link: CSP violations');
      const injected = await page.evaluate(() => document.querySelectorAll('#app script, #app iframe, #app img, #app svg, #app object, #app embed, #app style, #app form').length);
      assert.equal(injected, 0, 'share link: an element was injected');
      assert.deepEqual(session.problems, [], 'the page logged errors or threw');
    } finally {
      await session.context.close();
    }
  });

  it('hostile corrections in a share link are data: shown as text, never run', async (t) => {
    const text = 'Minister Anna Kovalenko said on Tuesday that the talks would resume.\n“We will not stop,” Kovalenko said.';
    const at = (needle) => {
      const start = [...text.slice(0, text.indexOf(needle))].length;
      return { start, end: start + [...needle].length, text: needle };
    };
    const corrections = [
      { target: at('Anna Kovalenko'), change: { rename: HOSTILE[1] } },
      { target: at('Anna Kovalenko'), change: { role: HOSTILE[0] } },
      { target: at('talks'), change: { add_name: HOSTILE[2] } },
      { target: at('Tuesday'), change: { date: HOSTILE[7] } },
      { target: { ...at('Kovalenko said'), text: HOSTILE[4] }, change: 'not_a_name' },
      { target: at('“We will not stop,”'), change: { speaker: { ...at('Anna Kovalenko'), text: HOSTILE[3] } } },
    ];
    const json = JSON.stringify({ text, settings: {}, corrections });
    const payload = deflateRawSync(Buffer.from(json)).toString('base64url');
    const session = await newSession(app.browser);
    const dialogs = await installTraps(session.page);
    try {
      const page = session.page;
      await page.goto(`${app.url}#v2.${payload}`, { waitUntil: 'load' });
      await waitForReady(page);
      await page.waitForSelector('#corrections:not([hidden])');
      await page.click('#corrections summary');
      const listed = await page.innerText('#corrections');
      assert.match(listed, /6 corrections/);
      assert.ok(listed.includes(HOSTILE[1]), 'the hostile name is listed as text');
      assert.match(listed, /Refused: .*not an entity type/, 'a hostile type is refused, and said to be');
      assert.match(listed, /Refused: .*not a date value/, 'a hostile date is refused, and said to be');
      assert.match(listed, /Stale: the text changed/, 'a target whose text differs is stale');
      await page.click('#tab-entities');
      assert.ok((await page.innerText('aside.side')).includes(HOSTILE[1]), 'the renamed cluster shows its name as text');
      await page.locator('#reader mark.ent').filter({ hasText: /^Anna Kovalenko$/ }).click();
      await page.waitForSelector('#mark-menu:not([hidden])');
      assert.equal(await page.inputValue('#role'), HOSTILE[0], 'the role is a value, not markup');
      assert.deepEqual(dialogs, [], 'a dialog opened');
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected script ran');
      assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
      const injected = await page.evaluate(() => document.querySelectorAll('#app script, #app iframe, #app img, #app svg, #app object, #app embed, #app style, #app form, #app a[href^="javascript"]').length);
      assert.equal(injected, 0, 'an element was injected');
      assert.deepEqual(session.problems, [], 'the page logged errors or threw');
    } finally {
      await session.context.close();
    }
  });

  it('when storage is full, the reader is told and nothing on screen is lost', async (t) => {
    const session = await newSession(app.browser);
    try {
      const page = session.page;
      await page.addInitScript(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.goto(app.url, { waitUntil: 'load' });
      await waitForReady(page);
      const gen = await generation(page);
      await page.fill('#input', 'PARIS (AP) — Emmanuel Macron met Olaf Scholz in Berlin on Monday, officials said.');
      await waitForGenerationAfter(page, gen);
      await page.waitForFunction(() => /storage is full/.test(document.querySelector('#message')?.textContent ?? ''));
      assert.ok((await page.locator('#reader').innerText()).includes('Macron'), 'the article is on screen');
      await page.click('#save');
      assert.equal(await page.locator('#library .entry').count(), 0, 'nothing pretends to be saved');
      assert.match(await page.innerText('#message'), /storage is full/);
      assert.ok((await page.inputValue('#input')).includes('Macron'), 'the text stays in the box');
    } finally {
      await session.context.close();
    }
  });

  it('after one visit the app opens and analyses offline', async (t) => {
    await withApp(t, app.browser, app.url, async ({ page, context }) => {
      // The service worker installs and caches the app shell.
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.state;
      });
      await page.waitForFunction(async () => {
        const cache = await caches.open('lede-v1');
        const keys = (await cache.keys()).map((r) => r.url);
        return keys.some((u) => u.endsWith('lede-worker_bg.wasm')) && keys.some((u) => /lede-web-[0-9a-f]+_bg\.wasm$/.test(u));
      }, null, { timeout: 20_000 });
      await context.setOffline(true);
      try {
        await page.reload({ waitUntil: 'load' });
        await waitForReady(page);
        assert.ok((await page.locator('#reader article').count()) >= 1, 'the article is shown offline');
        // A new text is analysed offline too.
        const gen = await generation(page);
        await page.fill('#input', 'PARIS (AP) — Emmanuel Macron met Olaf Scholz in Berlin on Monday, officials said.');
        await waitForGenerationAfter(page, gen);
        const text = await page.locator('#reader').innerText();
        assert.ok(text.includes('Macron'), 'the offline analysis is shown');
        assert.ok((await page.locator('#reader mark.ent').count()) >= 2, 'entities are found offline');
      } finally {
        await context.setOffline(false);
      }
    });
  });
});
