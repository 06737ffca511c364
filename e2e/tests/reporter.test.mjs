// A Danish reporter signs in, reports progress on an action its agency
// leads, and sees it on the plan page; the same reporter gets no form on a
// Korean action, and the server refuses a report forced there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { start, slug, PASSWORD } from '../lib/server.mjs';
import { launch, signIn } from '../lib/browser.mjs';
import { violations } from '../lib/axe.mjs';

const shots = process.env.SCREENSHOTS || resolve(import.meta.dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });

let server, browser;
before(async () => {
  server = await start({ seed: false });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// The text of the plan page's progress table: what a reader compares.
async function progressText(page) {
  await page.goto(`${server.base}/plans/${slug}`);
  return page.locator('table').first().innerText();
}

test('a Danish reporter reports on the action its agency leads and sees it on the plan page', async () => {
  const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const page = await ctx.newPage();
  await signIn(page, server.base, 'lars', PASSWORD);
  assert.equal(new URL(page.url()).pathname, '/', 'back on the portfolio');
  await page.goto(`${server.base}/account`);
  assert.ok((await page.textContent('main')).includes('Action 1.1.2'), 'the account lists the action it may report on');
  assert.deepEqual(await violations(page), [], 'the account page: no WCAG 2.1 AA violation');
  await page.screenshot({ path: join(shots, 'en-account.png'), fullPage: true });

  const before = await progressText(page);
  await page.goto(`${server.base}/plans/${slug}/actions/1.1.2`);
  await page.fill('#report-date', '2024-06-30');
  await page.selectOption('#report-status', 'on_track');
  await page.selectOption('#report-level', 'substantial');
  await page.fill('#report-narrative', 'Joint workshop on offshore wind held in Esbjerg.');
  assert.deepEqual(await violations(page), [], 'the report form: no WCAG 2.1 AA violation');
  await page.screenshot({ path: join(shots, 'en-report-form.png'), fullPage: true });
  await Promise.all([
    page.waitForURL(/reported=/),
    page.click('form[action$="/reports"] button[type="submit"]'),
  ]);
  const saved = await page.textContent('main');
  assert.ok(saved.includes('Your report is saved.'), 'the page says the report is saved');
  assert.ok(saved.includes('Joint workshop on offshore wind held in Esbjerg.'), 'and shows it among the reports');

  const after = await progressText(page);
  assert.notEqual(after, before, 'the plan page\'s progress shows the new report');
  assert.match(after, /Denmark|DK/);
  await ctx.close();

  // The public reads the report too, without signing in.
  const anon = await browser.newContext();
  const pub = await anon.newPage();
  await pub.goto(`${server.base}/plans/${slug}/actions/1.1.2`);
  assert.ok((await pub.textContent('main')).includes('Joint workshop on offshore wind held in Esbjerg.'));
  assert.equal(await pub.locator('form[action$="/reports"]').count(), 0, 'the public gets no form');
  await anon.close();
});

test('the same reporter cannot report on a Korean action', async () => {
  const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const page = await ctx.newPage();
  await signIn(page, server.base, 'lars', PASSWORD);
  await page.goto(`${server.base}/plans/${slug}/actions/1.1.3`);
  assert.equal(await page.locator('form[action$="/reports"]').count(), 0, 'no form on an action Korea\'s MSIT leads');
  // Sending the form anyway, with the session's own CSRF token, is refused.
  await page.goto(`${server.base}/account`);
  const csrf = await page.getAttribute('form[action="/sign-out"] input[name="csrf"]', 'value');
  const r = await page.request.post(`${server.base}/plans/${slug}/actions/1.1.3/reports`, {
    form: { csrf, date: '2024-06-30', status: 'on_track', level: 'limited', narrative: 'not mine' },
    maxRedirects: 0,
  });
  assert.equal(r.status(), 403);
  assert.match(await r.text(), /MHES|mhes/i, 'the refusal names the rule: the organisation does not lead it');
  await ctx.close();
});

test('the sign-in page and a report form in Danish and Korean', async () => {
  for (const lang of ['da', 'ko']) {
    const ctx = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } });
    const page = await ctx.newPage();
    await page.goto(`${server.base}/sign-in`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await page.screenshot({ path: join(shots, `${lang}-sign-in.png`), fullPage: true });
    await signIn(page, server.base, 'lars', PASSWORD);
    await page.goto(`${server.base}/plans/${slug}/actions/1.1.2`);
    const heading = await page.textContent('#report-form-title');
    assert.equal(heading.trim(), lang === 'da' ? 'Rapportér fremdrift' : '진행 상황 보고');
    await page.screenshot({ path: join(shots, `${lang}-report-form.png`), fullPage: true });
    await ctx.close();
  }
});
