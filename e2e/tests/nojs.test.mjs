// The pages work without JavaScript, and the language switcher is a plain
// link that the server remembers in a cookie.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, slug } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';

let server, browser;
before(async () => {
  server = await start({ seed: false });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('with JavaScript off the plan page shows its lines and actions', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${server.base}/plans/${slug}`);
  assert.ok((await page.textContent('h1')).includes('Green Growth'));
  assert.ok(await page.locator('a[href$="/actions/1.1.1"]').count() > 0);
  await ctx.close();
});

test('switching language without JavaScript is remembered across pages', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const page = await ctx.newPage();
  await page.goto(`${server.base}/plans/${slug}`);
  await page.click('a[hreflang="da"]');
  assert.equal(new URL(page.url()).pathname, `/plans/${slug}`, 'back on the same page');
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  await page.goto(`${server.base}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'da', 'the choice is remembered');
  await ctx.close();
});
