/** Content layer: load, validate and index synthetic content in a fresh process per size. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { loadAverage } from './server';
import { syntheticDir } from './synthetic';

interface LoadResult {
  ms: number;
  cpuMs: number;
  peakRssMiB: number;
  articles: number;
}

function loadOnce(dir: string): LoadResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/content-load.ts', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as LoadResult;
}

/** Empties the kernel's page cache when allowed (root on Linux): a load as from a cold disk. */
function dropPageCache(): boolean {
  try {
    execFileSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '1');
    return true;
  } catch {
    return false;
  }
}

const row = (label: string, count: number, r: LoadResult) =>
  `| ${label} | ${(r.ms / 1000).toFixed(1)} s | ${(r.cpuMs / 1000).toFixed(1)} s | ${r.peakRssMiB} MiB | ${(r.ms / count).toFixed(3)} ms | ${loadAverage()} |`;

export function contentPart(): string {
  const rows: string[] = [];
  let warm100k: LoadResult | undefined;
  const sizes = (process.env.BENCH_CONTENT_SIZES ?? '1000,10000,100000').split(',').map(Number);
  for (const count of sizes) {
    const dir = syntheticDir(count);
    loadOnce(dir); // warm: files in the page cache, as after the build that precedes a server start
    const warm = loadOnce(dir);
    if (count === 100_000) warm100k = warm;
    rows.push(row(count.toLocaleString('en'), count, warm));
    console.log(`content ${count}: ${warm.ms} ms, ${warm.peakRssMiB} MiB (${loadAverage()})`);
  }
  const largest = Math.max(...sizes);
  const verdict = (ms: number) => `${ms < 15_000 ? 'met' : 'NOT met'} (${(ms / 1000).toFixed(1)} s)`;
  const verdicts: string[] = [];
  if (warm100k) verdicts.push(`warm ${verdict(warm100k.ms)}`);
  let coldNote = 'Cold (page cache emptied) not measured: writing /proc/sys/vm/drop_caches needs root on Linux.';
  if (dropPageCache()) {
    const cold = loadOnce(syntheticDir(largest));
    rows.push(row(`${largest.toLocaleString('en')}, cold disk`, largest, cold));
    console.log(`content ${largest} cold: ${cold.ms} ms (${loadAverage()})`);
    coldNote = `The "cold disk" row empties the kernel's page cache first (\`/proc/sys/vm/drop_caches\`), so every file comes from this VM's disk.`;
    if (largest === 100_000) verdicts.push(`from a cold disk ${verdict(cold.ms)}`);
  }
  return `## Content layer: load, validate and index

Synthetic articles (\`scripts/synthetic-content.ts\`, seed 42: 300–1,500 words, 1–6 of 300 skewed
tags, 5 sections, 4 authors, read-also links), loaded by \`loadContentOrThrow\` + \`ContentStore\` in a
fresh Node process (\`bench/content-load.ts\`); peak RSS is the kernel's high-water mark (maxRSS);
CPU time varies less than wall time on a shared machine. Loading reads every file, parses and
validates every frontmatter (YAML + zod), finds and checks every read-also link (by searching
each body for directive lines) and indexes the stories; Markdown is parsed, and words counted,
only when a page renders the article. Each size is loaded once to warm the page cache (as after
the build that precedes a server start), then measured. ${coldNote}

Target: 100,000 in < 15 s: ${verdicts.join('; ') || 'not measured (100,000 not in BENCH_CONTENT_SIZES)'}.

| articles | wall time | CPU time | peak RSS | per article | machine load after |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}
