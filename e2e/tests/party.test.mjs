// A coordinator's own forms in a browser: it sets its party's lead on the
// action page, logs a meeting on the mechanism page and reads the audit
// trail; each of those pages, with its forms, has no axe-core violation of
// WCAG 2.1 AA in English and Korean, and is saved as a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { start, bin, slug } from '../lib/server.mjs';
import { launch } from '../lib/browser.mjs';

const require = createRequire(import.meta.url);
const axeSource = require('axe-core').source;
const shots = process.env.SCREENSHOTS || resolve(import.meta.dirname, '..', 'screenshots');
mkdirSync(shots, { recursive: true });

const PASSWORD = 'e2e-Secret-pw-1';
const PAGES = {
  'coordinator-action': `/plans/${slug}/actions/1.1.2`,
  'coordinator-mechanism': `/plans/${slug}/mechanisms/annual-ministerial-meeting-in-green-growth`,
  'coordinator-plan': `/plans/${slug}`,
  audit: `/plans/${slug}/audit`,
};

let server, browser;
before(async () => {
  server = await start();
  // The operator creates Denmark's first coordinator, as the server's start line says.
  execFileSync(bin, ['user', 'add', 'mette', '--role', 'coordinator', '--party', 'DK',
    '--password-stdin', '--database-url', server.url], { input: `${PASSWORD}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(lang) {
  const ctx = await browser.newContext({ locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } });
  const page = await ctx.newPage();
  await page.goto(`${server.base}/sign-in`);
  await page.fill('#name', 'mette');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
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
      await page.addScriptTag({ content: axeSource });
      const res = await page.evaluate(() => axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }));
      for (const v of res.violations) {
        problems.push(`${kind}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target?.join(' ')}`);
      }
      await page.screenshot({ path: join(shots, `${lang}-${kind}.png`), fullPage: true });
    }
    assert.deepEqual(problems, [], 'axe-core finds no violation');
    await ctx.close();
  });
}
