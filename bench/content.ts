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

type Mode = 'full' | 'write-db' | 'from-db';

function loadOnce(dir: string, mode: Mode = 'full', databaseFile = ''): LoadResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/content-load.ts', dir, mode, databaseFile], {
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
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-db-'));
  const databaseFile = path.join(databaseDir, 'content.db');
  const results: Record<string, LoadResult> = {};
  try {
    const add = (key: string, text: string, r: LoadResult) => {
      results[key] = r;
      rows.push(row(`${label}: ${text}`, largest, r));
      console.log(`content ${largest} ${text}: ${r.ms} ms, ${r.reused} reused (${loadAverage()})`);
    };
    add('write', 'every file into a new content.db (the build\'s check, clean)', loadOnce(dir, 'write-db', databaseFile));
    add('rewrite', 'every file read again, content.db unchanged (the build\'s check, next build)', loadOnce(dir, 'write-db', databaseFile));
    add('start', 'server start from content.db', loadOnce(dir, 'from-db', databaseFile));
    if (dropPageCache()) {
      add('coldFull', 'every file, cold disk', loadOnce(dir));
      dropPageCache();
      add('coldStart', 'server start from content.db, cold disk', loadOnce(dir, 'from-db', databaseFile));
    }
  } finally {
    fs.rmSync(databaseDir, { recursive: true, force: true });
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

- **every file**: the content check without its database. Every file is read, every frontmatter
  parsed and validated (YAML + zod), every read-also link found and checked, the stories indexed.
- **into a new content.db**: the same, and every article, its body and its stems written into
  \`content.db\` with its full-text index (\`lib/content/database.ts\`): the content check of a clean
  \`npm run build\`.
- **content.db unchanged**: the check of the next build: every file read and hashed, unchanged ones
  (${results.rewrite ? `${results.rewrite.reused.toLocaleString('en')} of ${label} here` : 'all of them here'}) taken from the database copy, cross-references checked again.
- **server start from content.db**: what \`getContent()\` does when the server starts after a build:
  every article's metadata read from the database (bodies stay there until a page needs one).

Target: 100,000 in < 15 s, once per build or server start: ${
    warm100k
      ? `every file, warm: ${verdict(warm100k)}; ` +
        `server start from content.db: warm ${verdict(results.start)}, cold disk ${verdict(results.coldStart)}; ` +
        `every file from a cold disk: ${verdict(results.coldFull)}`
      : 'not measured (100,000 not in BENCH_CONTENT_SIZES)'
  }.

| articles | wall time | CPU time | peak RSS | per article | machine load after |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}`;
}
