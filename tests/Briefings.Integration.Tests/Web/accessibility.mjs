// Checks pages for accessibility with axe-core in Debian's Chromium, driven by playwright-core.
// Usage: node accessibility.mjs CHROMIUM PAGES.json RESULTS.json
// PAGES.json: [{ "name": "...", "url": "http://... or file://...", "skip": ["rule-id", ...], "status": 404, "print": true }]
// ("status": the page answers with an error on purpose; "print": the page is also checked as printed)
// Each page is checked in light and dark colour schemes, at 320 CSS pixels (WCAG 1.4.10's reflow
// width, a small phone) and a desktop's width; at each, a page wider than the window is reported
// as a violation "reflow" (a reader would have to scroll sideways to read a line).
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
    for (const width of [320, 1280]) {
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
        const violations = run.violations.map(v => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 5).map(n => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
        }));
        const wide = await tab.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const over = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && getComputedStyle(e).position !== 'absolute')
            .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''}: ${(e.textContent ?? '').trim().slice(0, 60)}`);
          return { scroll: document.documentElement.scrollWidth, width, over: over.slice(-5) };
        });
        if (wide.scroll > wide.width) {
          violations.push({ id: 'reflow', impact: 'serious', help: `The page is ${wide.scroll} px wide in a ${wide.width} px window`, targets: wide.over });
        }
        results.push({ page: page.name, scheme: colorScheme, width, violations });
      }
      await context.close();
    }
  }

  // Printed, from a browser in its dark scheme: the page must print dark on white paper,
  // with what a story says (its headline, summary, quotes with their speakers, figures, coverage)
  // all on paper; only the site's navigation and footer are left off.
  const context = await browser.newContext({ colorScheme: 'dark', bypassCSP: true });
  const tab = await context.newPage();
  for (const page of pages.filter(p => p.print)) {
    await tab.goto(page.url, { waitUntil: 'load' });
    await tab.emulateMedia({ media: 'print', colorScheme: 'dark' });
    // Browsers leave backgrounds off paper unless asked, so text is judged against white.
    const faint = await tab.evaluate(() => {
      const luminance = rgb => {
        const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map(c => c / 255)
          .map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      return [...document.querySelectorAll('body *')]
        .filter(e => e.getClientRects().length > 0 && [...e.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== ''))
        .map(e => ({ e, ratio: 1.05 / (luminance(getComputedStyle(e).color) + 0.05) }))
        .filter(x => x.ratio < 7)
        .map(x => `${x.e.tagName.toLowerCase()} (${x.ratio.toFixed(2)}:1): ${x.e.textContent.trim().slice(0, 60)}`);
    });
    const violations = faint.length === 0 ? [] : [{ id: 'faint-on-paper', impact: 'serious', help: 'Text prints under 7:1 on white paper', targets: faint.slice(0, 5) }];
    const unprinted = await tab.evaluate(() => [...document.querySelectorAll('main *')]
      .filter(e => e.textContent.trim() !== '' && e.getClientRects().length === 0)
      .map(e => `${e.tagName.toLowerCase()}: ${e.textContent.trim().slice(0, 60)}`));
    if (unprinted.length > 0) {
      violations.push({ id: 'unprinted', impact: 'serious', help: 'Part of the story is left off the printed page', targets: unprinted.slice(0, 5) });
    }
    results.push({ page: page.name, scheme: 'print', width: 0, violations });
  }
  await context.close();
} finally {
  await browser.close();
}
writeFileSync(resultsFile, JSON.stringify(results));
