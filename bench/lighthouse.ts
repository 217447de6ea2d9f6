/**
 * Lighthouse (mobile: default form factor, simulated throttling) against the production server on
 * 127.0.0.1: the four category scores with LCP, TBT and CLS, median of 3 runs per page, and
 * every audit that costs points.
 */
import { execFileSync } from 'node:child_process';
import { chromiumFlags, systemChromium } from '../scripts/chromium';
import { fetchOnce, loadAverage, startServer } from './server';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
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

/** One run in its own plain Node process (see bench/lighthouse-run.mjs). */
function audit(url: string): Run {
  const out = execFileSync(process.execPath, ['bench/lighthouse-run.mjs', url, systemChromium, JSON.stringify(CHROME_FLAGS)], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    timeout: 180_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

export async function lighthousePart(): Promise<string> {
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3300) + 2);
  const rows: string[] = [];
  const costlyNotes: string[] = [];
  const below: string[] = [];
  try {
    for (const [name, pathname] of Object.entries(PAGES)) {
      await (await fetchOnce(server.url + pathname)).text(); // warm the server, not the browser
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(audit(server.url + pathname));
      const scores = CATEGORIES.map((_, c) => median(runs.map((r) => r.scores[c]!)));
      const load = loadAverage();
      rows.push(
        `| ${name} | ${scores.join(' | ')} | ${(median(runs.map((r) => r.lcp)) / 1000).toFixed(2)} s | ${Math.round(median(runs.map((r) => r.tbt)))} ms | ${median(runs.map((r) => r.cls)).toFixed(3)} | ${load} |`,
      );
      console.log(`lighthouse ${name}: ${scores.join('/')} (${load})`);
      CATEGORIES.forEach((id, c) => {
        if (scores[c]! < 100) below.push(`${name} ${id} ${scores[c]}`);
      });
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
server (\`npm start\`) on 127.0.0.1; ${RUNS} runs per page, each figure the median of its runs.
Scores under load are lower than on an idle machine (TBT and LCP are simulated from measured CPU time).

| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | machine load after |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Target 100 / 100 / 100 / 100: ${below.length ? `NOT met (${below.join(', ')})` : 'met'}.

Audits that cost points (weighted audits scoring below 1; the score shown is from the last run that had it):

${costlyNotes.join('\n')}`;
}
