/**
 * Child process of the benchmark: loads, validates and indexes one content folder and prints
 * {ms, cpuMs, peakRssMiB, articles, reused} as JSON. Run in its own process so peak memory is its
 * own. Peak RSS is the kernel's high-water mark: a timer cannot sample during a synchronous load.
 * CPU time (user + system) varies less than wall time on a shared machine.
 *
 * Usage: content-load.ts <content dir> [full | write-db | from-db] [database file]
 * - full: every file read and validated, nothing written;
 * - write-db: the same, every article and its full-text index written into content.db (a new one
 *   when the file does not exist): what the content check of `npm run build` does;
 * - from-db: a server start: content.db opened and read whole, the store indexed.
 */
import path from 'node:path';
import { dates } from '../lib/i18n';
import { openContentDatabase, writeContentDatabase } from '../lib/content/database';
import { articlesFolder, loadContent, type LoadResult } from '../lib/content/load';
import { ContentStore } from '../lib/content/store';
import { ContentValidationError } from '../lib/content/problems';
import type { RawContent } from '../lib/content/types';

const [dir, mode = 'full', file = ''] = process.argv.slice(2) as [string, string?, string?];
const paths = { contentDir: dir, publicDir: path.join(process.cwd(), 'public'), rootDir: process.cwd() };
const started = performance.now();
const cpuBefore = process.cpuUsage();
let content: RawContent;
let reused = 0;
if (mode === 'from-db') {
  content = openContentDatabase(file).read(articlesFolder(paths)).content;
} else {
  const result: LoadResult = mode === 'write-db' ? writeContentDatabase(file, paths) : loadContent(paths);
  if (result.problems.length > 0) throw new ContentValidationError(result.problems);
  content = result.content;
  reused = result.reused;
}
const store = new ContentStore(content, dates.monthKey);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMiB: Math.round(peak / 1048576),
    articles: store.articles.length,
    reused,
  }),
);
