// One Lighthouse run (mobile, simulated throttling) in a fresh headless Chromium; prints a JSON
// summary. Plain Node on purpose: under tsx, the functions Lighthouse sends into the page carry
// esbuild's `__name` helper and fail there. Usage: node bench/lighthouse-run.mjs <url> <chromium> <flags JSON>
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const [url, chromePath, flags] = process.argv.slice(2);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: JSON.parse(flags) });
try {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`lighthouse: ${runtimeError.code} ${runtimeError.message}`);
  const costly = [];
  for (const id of CATEGORIES) {
    for (const ref of categories[id].auditRefs) {
      const audit = audits[ref.id];
      if (ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const key = `${categories[id].title}: ${audit.title}`;
      // What the audit found, e.g. the console error's text, so the fix is in the report.
      const found = (audit.details?.items ?? [])
        .slice(0, 2)
        .map((item) => [item.description, item.url].filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 160))
        .filter(Boolean);
      const detail = found.length ? `: ${found.join(' | ')}` : '';
      costly.push({ key, line: `${key} (score ${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''})${detail}` });
    }
  }
  console.log(
    JSON.stringify({
      scores: CATEGORIES.map((id) => Math.round((categories[id].score ?? 0) * 100)),
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      costly,
    }),
  );
} finally {
  chrome.kill();
}
