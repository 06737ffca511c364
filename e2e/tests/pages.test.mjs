// Every page type in English, Danish and Korean: it loads, says its
// language, has no axe-core violation of WCAG 2.1 AA, and is saved as a
// screenshot (e2e/screenshots/, or $SCREENSHOTS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { start, slug } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';
import { axeSource, violations } from '../lib/axe.mjs';
const shots = process.env.SCREENSHOTS || resolve(import.meta.dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });

// One page of each type; the plan page must link to each of the types under it.
const PAGES = {
  portfolio: '/',
  plan: `/plans/${slug}`,
  line: `/plans/${slug}/lines/1`,
  action: `/plans/${slug}/actions/1.1.1`,
  mechanism: `/plans/${slug}/mechanisms/annual-ministerial-meeting-in-green-growth`,
  agreements: `/plans/${slug}/agreements`,
  organisations: `/plans/${slug}/organisations`,
  revisions: `/plans/${slug}/revisions`,
  evaluations: `/plans/${slug}/evaluations`,
  'sign-in': '/sign-in',
};

let server, browser;
before(async () => {
  server = await start();
  if (server.skipped.length) console.log(`seed commands skipped:\n  ${server.skipped.join('\n  ')}`);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  const code = await server?.stop();
  assert.equal(code, 0, 'the server stops cleanly on SIGTERM');
});

test("the CSP admits no inline script but the audit's, by hash", async () => {
  const r = await fetch(server.base + PAGES.plan);
  const csp = r.headers.get('content-security-policy');
  const hash = createHash('sha256').update(axeSource).digest('base64');
  assert.match(csp, /script-src 'self' 'sha256-[^']+';/);
  assert.ok(!csp.includes('unsafe-inline'), 'no unsafe-inline');
  assert.ok(csp.includes(`'sha256-${hash}'`), `the CSP names axe-core's hash sha256-${hash} (update headers::CSP with the axe-core version)`);
  assert.ok(csp.includes("frame-ancestors 'none'"));
});

test('the plan page links to one page of every type under it', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.base + PAGES.plan);
  const hrefs = await page.$$eval('a[href]', as => as.map(a => a.getAttribute('href')));
  const kinds = new Set(hrefs.map(h => (h.match(/^\/plans\/[^/]+\/([a-z-]+)/) || [])[1]).filter(Boolean));
  for (const kind of ['lines', 'actions', 'mechanisms', 'agreements', 'organisations', 'revisions', 'evaluations']) {
    assert.ok(kinds.has(kind), `the plan page links to ${kind}`);
  }
  await ctx.close();
});

for (const lang of ['en', 'da', 'ko']) {
  test(`every page type in ${lang}: loads, lang="${lang}", no WCAG 2.1 AA violation`, async () => {
    const ctx = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    const problems = [];
    for (const [kind, path] of Object.entries(PAGES)) {
      const r = await page.goto(server.base + path);
      assert.equal(r.status(), 200, `${lang} ${path}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${lang} ${path}: html lang`);
      for (const v of await violations(page)) problems.push(`${kind}: ${v}`);
      await page.screenshot({ path: join(shots, `${lang}-${kind}.png`), fullPage: true });
    }
    assert.deepEqual(problems, [], 'axe-core finds no violation');
    assert.deepEqual(errors, [], 'no script errors');
    await ctx.close();
  });
}

test('the Korean plan page is in Korean, the Danish one in Danish', async () => {
  for (const [lang, word] of [['ko', '지속가능발전목표'], ['da', 'Verdensmål']]) {
    const ctx = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': lang } });
    const page = await ctx.newPage();
    await page.goto(server.base + PAGES.plan);
    assert.ok((await page.textContent('main')).includes(word), `${lang}: "${word}" on the plan page`);
    await ctx.close();
  }
});
