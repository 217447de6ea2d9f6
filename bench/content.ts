/** Content layer: load, validate and index synthetic content in a fresh process per size. */
import { execFileSync } from 'node:child_process';
import { loadAverage } from './server';
import { syntheticDir } from './synthetic';

export function contentPart(): string {
  const rows: string[] = [];
  for (const count of (process.env.BENCH_CONTENT_SIZES ?? '1000,10000,100000').split(',').map(Number)) {
    const dir = syntheticDir(count);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/content-load.ts', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; peakRssMiB: number; articles: number };
    const load = loadAverage();
    rows.push(`| ${count.toLocaleString('en')} | ${(result.ms / 1000).toFixed(1)} s | ${(result.cpuMs / 1000).toFixed(1)} s | ${result.peakRssMiB} MiB | ${(result.ms / count).toFixed(3)} ms | ${load} |`);
    console.log(`content ${count}: ${result.ms} ms, ${result.peakRssMiB} MiB (${load})`);
  }
  return `## Content layer: load, validate and index

Synthetic articles (\`scripts/synthetic-content.ts\`, seed 42: 300–1,500 words, 1–6 of 300 skewed
tags, 5 sections, 4 authors, read-also links), loaded by \`loadContentOrThrow\` + \`ContentStore\` in a
fresh Node process (\`bench/content-load.ts\`); peak RSS is the kernel's high-water mark (maxRSS);
CPU time varies less than wall time on a shared machine. Loading parses and
validates every frontmatter (YAML + zod) and scans every body for read-also links and words;
Markdown is parsed only when a page renders the article. Target: 100,000 in < 15 s.

| articles | wall time | CPU time | peak RSS | per article | machine load after |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}
