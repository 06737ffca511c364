// Debian's chromium driven by playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Signs in through the sign-in form, as a person does, and waits for the
// page it goes back to.
export async function signIn(page, base, name, password) {
  await page.goto(`${base}/sign-in`);
  await page.fill('#name', name);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL(url => !url.pathname.startsWith('/sign-in')),
    page.click('form[action="/sign-in"] button[type="submit"]'),
  ]);
}
