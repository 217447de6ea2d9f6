/**
 * Child process of the benchmark: loads, validates and indexes one content folder and prints
 * {ms, cpuMs, peakRssMiB, articles, reused} as JSON. Run in its own process so peak memory is its
 * own. Peak RSS is the kernel's high-water mark: a timer cannot sample during a synchronous load.
 * CPU time (user + system) varies less than wall time on a shared machine.
 *
 * Usage: content-load.ts <content dir> [full | write-snapshot | from-snapshot] [snapshot dir]
 * - full: every file read and validated (the content check; a start without a snapshot);
 * - write-snapshot: the same on every core (loadContentOnThreads), then the snapshot written:
 *   what `npm run build` does first;
 * - from-snapshot: a server start: unchanged files taken from the snapshot, cross-references
 *   checked again over every article.
 */
import os from 'node:os';
import path from 'node:path';
import { dates } from '../lib/i18n';
import { loadContent, type LoadResult } from '../lib/content/load';
import { loadContentOnThreads } from '../lib/content/load-threads';
import { readSnapshot, writeSnapshot, type SnapshotPlace } from '../lib/content/snapshot';
import { ContentStore } from '../lib/content/store';
import { ContentValidationError } from '../lib/content/problems';

const [dir, mode = 'full', snapshotDir = ''] = process.argv.slice(2) as [string, string?, string?];
const place: SnapshotPlace = { dir: snapshotDir, contentDir: dir, publicDir: path.join(process.cwd(), 'public'), rootDir: process.cwd() };
const started = performance.now();
const cpuBefore = process.cpuUsage();
const previous = mode === 'from-snapshot' ? readSnapshot(place).load : undefined;
if (mode === 'from-snapshot' && !previous) throw new Error(`no usable snapshot in ${snapshotDir}`);
// As the build's check does: files shared out between threads, bodies written straight into the
// snapshot's folder as they are read (scripts/check-content.ts).
const bodiesPath = (part: number) => path.join(snapshotDir, `bodies-${process.pid}-${part}.tmp`);
const load = (): Promise<LoadResult> | LoadResult =>
  mode === 'write-snapshot'
    ? loadContentOnThreads({ ...place, threads: Math.min(os.availableParallelism(), 4), bodiesPath })
    : loadContent({ ...place, previous: previous ?? undefined });
void Promise.resolve(load()).then(report);


function report(result: LoadResult) {
  if (result.problems.length > 0) throw new ContentValidationError(result.problems);
  if (mode === 'write-snapshot') writeSnapshot(place, result);
  const store = new ContentStore(result.content, dates.monthKey);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMiB: Math.round(peak / 1048576),
      articles: store.articles.length,
      reused: result.reused,
    }),
  );
}
