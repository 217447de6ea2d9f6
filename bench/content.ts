/** Content layer: load, validate and index synthetic content in a fresh process per size. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAverage } from './server';
import { syntheticDir } from './synthetic';

interface LoadResult {
  ms: number;
  cpuMs: number;
  peakRssMiB: number;
  articles: number;
  reused: number;
}

type Mode = 'full' | 'write-snapshot' | 'from-snapshot';

function loadOnce(dir: string, mode: Mode = 'full', snapshotDir = ''): LoadResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/content-load.ts', dir, mode, snapshotDir], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
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
  const warmBySize = new Map<number, LoadResult>();
  const sizes = (process.env.BENCH_CONTENT_SIZES ?? '1000,10000,100000').split(',').map(Number);
  for (const count of sizes) {
    const dir = syntheticDir(count);
    loadOnce(dir); // warm: files in the page cache, as after the build that precedes a server start
    const warm = loadOnce(dir);
    warmBySize.set(count, warm);
    rows.push(row(`${count.toLocaleString('en')}: every file`, count, warm));
    console.log(`content ${count}: ${warm.ms} ms, ${warm.peakRssMiB} MiB (${loadAverage()})`);
  }
  const largest = Math.max(...sizes);
  const label = largest.toLocaleString('en');
  const dir = syntheticDir(largest);
  const snapshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-snapshot-'));
  const results: Record<string, LoadResult> = {};
  try {
    const add = (key: string, text: string, r: LoadResult) => {
      results[key] = r;
      rows.push(row(`${label}: ${text}`, largest, r));
      console.log(`content ${largest} ${text}: ${r.ms} ms, ${r.reused} reused (${loadAverage()})`);
    };
    add('write', 'every file, then the snapshot written (the build\'s check)', loadOnce(dir, 'write-snapshot', snapshotDir));
    add('start', 'server start from the snapshot', loadOnce(dir, 'from-snapshot', snapshotDir));
    if (dropPageCache()) {
      add('coldFull', 'every file, cold disk', loadOnce(dir));
      dropPageCache();
      add('coldStart', 'server start from the snapshot, cold disk', loadOnce(dir, 'from-snapshot', snapshotDir));
    }
  } finally {
    fs.rmSync(snapshotDir, { recursive: true, force: true });
  }
  const verdict = (r: LoadResult | undefined) => (r ? `${r.ms < 15_000 ? 'met' : 'NOT met'} (${(r.ms / 1000).toFixed(1)} s)` : 'not measured');
  const coldNote = results.coldFull
    ? 'The "cold disk" rows empty the kernel\'s page cache first (`/proc/sys/vm/drop_caches`), so every file comes from this VM\'s disk.'
    : 'Cold disk not measured: writing /proc/sys/vm/drop_caches needs root on Linux.';
  const warm100k = warmBySize.get(100_000);
  return `## Content layer: load, validate and index

Synthetic articles (\`scripts/synthetic-content.ts\`, seed 42: 300–1,500 words, 1–6 of 300 skewed
tags, 5 sections, 4 authors, read-also links), loaded by \`loadContent\` + \`ContentStore\` in a
fresh Node process (\`bench/content-load.ts\`); peak RSS is the kernel's high-water mark (maxRSS);
CPU time varies less than wall time on a shared machine. Each size is loaded once first to warm
the page cache (as after the build that precedes a server start). ${coldNote}

- **every file**: what \`npm run check:content\` does, and a start without a snapshot. Every file is
  read, every frontmatter parsed and validated (YAML + zod), every read-also link found and checked,
  the stories indexed; bodies are copied outside the JavaScript heap.
- **the snapshot written**: the same, then \`lib/content/snapshot.ts\` writes every article and body
  (what the content check of \`npm run build\` does).
- **server start from the snapshot**: what \`getContent()\` does when the server starts after a
  build. Every file's size and times are compared with the snapshot, and unchanged articles are
  taken from it (${results.start ? `${results.start.reused.toLocaleString('en')} of ${label} here` : 'all of them here'}). Tags, sections and authors are read
  again, and every cross-reference is checked again over all articles. Inside the build, the workers
  take the build's own snapshot whole (see the build part).

Target: 100,000 in < 15 s, once per build or server start: ${
    warm100k
      ? `every file, warm: ${verdict(warm100k)}; ` +
        `server start from the snapshot: warm ${verdict(results.start)}, cold disk ${verdict(results.coldStart)}; ` +
        `every file from a cold disk: ${verdict(results.coldFull)}`
      : 'not measured (100,000 not in BENCH_CONTENT_SIZES)'
  }.

| articles | wall time | CPU time | peak RSS | per article | machine load after |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}
