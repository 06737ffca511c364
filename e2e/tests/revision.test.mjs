// A Korean coordinator approves a revision that the Danish one proposed,
// in the browser: the action page's form files the proposal, the
// revisions page offers Korea's approval, and the plan then reads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { start, slug, bin } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';

const PASSWORD = 'pw-Secret-1';
const NEW_TEXT = 'Hold two joint workshops on offshore wind each year.';
let server, browser;

before(async () => {
  server = await start({ seed: false });
  // The operator creates each party's first coordinator.
  for (const [name, party] of [['mette', 'DK'], ['jisoo', 'KR']]) {
    execFileSync(bin, ['user', 'add', name, '--role', 'coordinator', '--party', party,
      '--password-stdin', '--database-url', server.url], { input: `${PASSWORD}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(name) {
  const ctx = await browser.newContext({ locale: 'en' });
  const page = await ctx.newPage();
  await page.goto(`${server.base}/sign-in`);
  await page.fill('#name', name);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
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
