/**
 * Lighthouse (mobile: default form factor, simulated throttling) against the production server on
 * 127.0.0.1: the four category scores with LCP, TBT and CLS, median of 3 runs per page, and
 * every audit that costs points.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, systemChromium } from '../scripts/chromium';
import { loadAverage, startServer } from './server';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PAGES: Record<string, string> = {
  home: '/',
  article: '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara',
  tag: '/topik/hubungan-rusia-korea-utara',
};
const CHROME_FLAGS = ['--headless=new', ...chromiumFlags];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Run {
  scores: number[];
  lcp: number;
  tbt: number;
  cls: number;
  /** Each weighted audit scoring below 1: key "category: title", line with its score. */
  costly: { key: string; line: string }[];
}

async function audit(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({ chromePath: systemChromium, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    if (result.lhr.runtimeError) throw new Error(`lighthouse: ${result.lhr.runtimeError.message}`);
    const costly: Run['costly'] = [];
    for (const id of CATEGORIES) {
      for (const ref of categories[id]!.auditRefs) {
        const a = audits[ref.id]!;
        if (ref.weight === 0 || a.score === null || a.score >= 1) continue;
        const key = `${categories[id]!.title}: ${a.title}`;
        costly.push({ key, line: `${key} (score ${a.score.toFixed(2)}${a.displayValue ? `, ${a.displayValue}` : ''})` });
      }
    }
    return {
      scores: CATEGORIES.map((id) => Math.round((categories[id]!.score ?? 0) * 100)),
      lcp: audits['largest-contentful-paint']!.numericValue ?? NaN,
      tbt: audits['total-blocking-time']!.numericValue ?? NaN,
      cls: audits['cumulative-layout-shift']!.numericValue ?? NaN,
      costly,
    };
  } finally {
    chrome.kill();
  }
}

export async function lighthousePart(): Promise<string> {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3300) + 2);
  const rows: string[] = [];
  const costlyNotes: string[] = [];
  const below: string[] = [];
  try {
    for (const [name, pathname] of Object.entries(PAGES)) {
      await fetch(server.url + pathname); // warm the server, not the browser
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(server.url + pathname));
      const scores = CATEGORIES.map((_, c) => median(runs.map((r) => r.scores[c]!)));
      const load = loadAverage();
      rows.push(
        `| ${name} | ${scores.join(' | ')} | ${(median(runs.map((r) => r.lcp)) / 1000).toFixed(2)} s | ${Math.round(median(runs.map((r) => r.tbt)))} ms | ${median(runs.map((r) => r.cls)).toFixed(3)} | ${load} |`,
      );
      console.log(`lighthouse ${name}: ${scores.join('/')} (${load})`);
      CATEGORIES.forEach((id, c) => scores[c]! < 100 && below.push(`${name} ${id} ${scores[c]}`));
      const seen = new Map<string, { line: string; runs: number }>();
      for (const { key, line } of runs.flatMap((r) => r.costly)) seen.set(key, { line, runs: (seen.get(key)?.runs ?? 0) + 1 });
      const listed = [...seen.values()].map(({ line, runs: n }) => `${line} — in ${n} of ${RUNS} runs`);
      costlyNotes.push(`- **${name}**: ${listed.join('; ') || 'none'}`);
    }
  } finally {
    await server.stop();
  }
  return `## Lighthouse (mobile, simulated throttling)

\`bench/lighthouse.ts\`: Lighthouse 12.2.3 (Node API, default config: mobile form factor, simulated
throttling) in Chromium (\`${systemChromium}\`, headless, a fresh browser per run) against the production
server (\`server/index.ts\`) on 127.0.0.1; ${RUNS} runs per page, each figure the median of its runs.
Scores under load are lower than on an idle machine (TBT and LCP are simulated from measured CPU time).

| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | machine load after |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Target 100 / 100 / 100 / 100: ${below.length ? `NOT met (${below.join(', ')})` : 'met'}.

Audits that cost points (weighted audits scoring below 1; the score shown is from the last run that had it):

${costlyNotes.join('\n')}`;
}
