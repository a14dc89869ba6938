// Checks pages for accessibility with axe-core in Debian's Chromium, driven by playwright-core.
// Usage: node accessibility.mjs CHROMIUM PAGES.json RESULTS.json
// PAGES.json: [{ "name": "...", "url": "http://... or file://...", "skip": ["rule-id", ...] }]
// Each page is checked in light and dark colour schemes, at a phone's and a desktop's width.
// Writes one JSON array to RESULTS.json: { page, scheme, width, violations: [{ id, impact, help, targets }] }.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const [executablePath, pagesFile, resultsFile] = process.argv.slice(2);
const pages = JSON.parse(readFileSync(pagesFile, 'utf8'));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.2 A and AA, axe's best practices, and AAA's enhanced contrast: a briefing is for reading.
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const alsoRules = ['color-contrast-enhanced'];

const browser = await chromium.launch({
  executablePath,
  // As the other browser tests run it: off the network, which this machine does not have.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
const results = [];
try {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [390, 1280]) {
      // The pages forbid every script by their policy; axe is let in past it, the page's own markup is not changed.
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, bypassCSP: true });
      const tab = await context.newPage();
      for (const page of pages) {
        const response = await tab.goto(page.url, { waitUntil: 'load' });
        if (response && !response.ok() && !page.status) {
          throw new Error(`${page.name}: ${page.url} answered ${response.status()}`);
        }
        await tab.addScriptTag({ content: axeSource });
        const run = await tab.evaluate(async ({ tags, alsoRules, skip }) => {
          const rules = Object.fromEntries([...alsoRules.map(id => [id, { enabled: true }]), ...skip.map(id => [id, { enabled: false }])]);
          return await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
        }, { tags, alsoRules, skip: page.skip ?? [] });
        results.push({
          page: page.name,
          scheme: colorScheme,
          width,
          violations: run.violations.map(v => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 5).map(n => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
          })),
        });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
writeFileSync(resultsFile, JSON.stringify(results));
