// axe-core's WCAG 2.1 AA audit of the page a test is on. The server's CSP
// admits axe's source by hash, as the acceptance check injects it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const axeSource = require('axe-core').source;

// The violations on the page, one line each: "rule (count) first target".
export async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return res.violations.map(v => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target?.join(' ')}`);
}
