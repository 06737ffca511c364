// A coordinator's own forms in a browser: it sets its party's lead on the
// action page, logs a meeting on the mechanism page and reads the audit
// trail; each of those pages, with its forms, has no axe-core violation of
// WCAG 2.1 AA in English and Korean, and is saved as a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { start, slug, PASSWORD } from '../lib/server.mjs';
import { launch, signIn } from '../lib/browser.mjs';
import { violations } from '../lib/axe.mjs';
const shots = process.env.SCREENSHOTS || resolve(import.meta.dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });

const PAGES = {
  'coordinator-action': `/plans/${slug}/actions/1.1.2`,
  'coordinator-mechanism': `/plans/${slug}/mechanisms/annual-ministerial-meeting-in-green-growth`,
  'coordinator-plan': `/plans/${slug}`,
  audit: `/plans/${slug}/audit`,
};

let server, browser;
before(async () => {
  // The server's accounts include Denmark's coordinator, mette.
  server = await start();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(lang) {
  const ctx = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } });
  const page = await ctx.newPage();
  await signIn(page, server.base, 'mette', PASSWORD);
  return { ctx, page };
}

test('a coordinator sets its lead and logs a meeting, and the audit trail shows both', async () => {
  const { ctx, page } = await signedIn('en');
  await page.goto(server.base + PAGES['coordinator-action']);
  await page.selectOption('#party-lead', 'mhes');
  await page.check('#partner-innovation-centre-denmark');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/leads"] button[type=submit]')]);
  const action = await page.textContent('main');
  assert.ok(action.includes("Your party's lead and partners are saved."));
  assert.ok(await page.isChecked('#partner-innovation-centre-denmark'), 'the partner is kept');
  await page.goto(server.base + PAGES['coordinator-mechanism']);
  await page.fill('#meeting-date-input', '2024-09-12');
  await page.selectOption('#meeting-status-input', 'held');
  await page.fill('#meeting-place-input', 'Aarhus');
  await page.fill('#meeting-outcomes-input', 'Offshore wind roadmap signed');
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/meetings"] button[type=submit]')]);
  assert.ok((await page.textContent('main')).includes('Offshore wind roadmap signed'));
  await page.goto(server.base + PAGES.audit);
  const audit = await page.textContent('main');
  assert.ok(audit.includes('meeting.add') && audit.includes('lead.set'), audit);
  assert.ok(audit.indexOf('meeting.add') < audit.indexOf('lead.set'), 'newest first');
  await ctx.close();
});

for (const lang of ['en', 'ko']) {
  test(`a coordinator's pages in ${lang}: no WCAG 2.1 AA violation`, async () => {
    const { ctx, page } = await signedIn(lang);
    const problems = [];
    for (const [kind, path] of Object.entries(PAGES)) {
      const r = await page.goto(server.base + path);
      assert.equal(r.status(), 200, `${lang} ${path}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      for (const v of await violations(page)) problems.push(`${kind}: ${v}`);
      await page.screenshot({ path: join(shots, `${lang}-${kind}.png`), fullPage: true });
    }
    assert.deepEqual(problems, [], 'axe-core finds no violation');
    await ctx.close();
  });
}
