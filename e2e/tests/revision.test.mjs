// A Korean coordinator approves a revision that the Danish one proposed,
// in the browser: the action page's form files the proposal, the
// revisions page offers Korea's approval, and the plan then reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, slug, PASSWORD } from '../lib/server.mjs';
import { launch, signIn } from '../lib/browser.mjs';

const NEW_TEXT = 'Hold two joint workshops on offshore wind each year.';
let server, browser;

before(async () => {
  // The test server's accounts include both parties' coordinators, mette and jisoo.
  server = await start({ seed: false });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(name) {
  const ctx = await browser.newContext({ locale: 'en' });
  const page = await ctx.newPage();
  await signIn(page, server.base, name, PASSWORD);
  return { ctx, page };
}

test('a Korean coordinator approves a revision that the Danish one proposed', async () => {
  const dk = await signedIn('mette');
  await dk.page.goto(`${server.base}/plans/${slug}/actions/1.1.2`);
  await dk.page.fill('#edit-text', NEW_TEXT);
  const button = dk.page.locator('.edit-form button[type=submit]');
  assert.match(await button.textContent(), /Propose this change to .*Korea/);
  await Promise.all([dk.page.waitForNavigation(), button.click()]);
  assert.ok(dk.page.url().includes('/revisions'));
  await dk.ctx.close();

  const kr = await signedIn('jisoo');
  await kr.page.goto(`${server.base}/plans/${slug}/revisions`);
  assert.ok((await kr.page.textContent('main')).includes(NEW_TEXT));
  const approve = kr.page.locator('button', { hasText: /Approve for .*Korea/ });
  assert.equal(await approve.count(), 1);
  await Promise.all([kr.page.waitForNavigation(), approve.click()]);
  // The server reads the store's generation at most once a second.
  await new Promise(r => setTimeout(r, 1100));
  await kr.page.goto(`${server.base}/plans/${slug}/actions/1.1.2`);
  assert.ok((await kr.page.textContent('.commitment')).includes(NEW_TEXT));
  await kr.ctx.close();
});
