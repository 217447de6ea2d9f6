/**
 * Validates every file in the content folder and lists every problem at once. When all is well
 * it writes the content snapshot (lib/content/snapshot.ts) that the build's workers and the
 * server then start from. Usage: npm run check:content (WARTA_CONTENT_DIR=/other/folder to check
 * another folder; WARTA_CONTENT_SNAPSHOT=off to write no snapshot). Within npm run build,
 * WARTA_CONTENT_SNAPSHOT_ID names the snapshot for the build's workers (scripts/build.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentPaths, snapshotPlace } from '../lib/content';
import { loadContent, type LoadResult } from '../lib/content/load';
import { loadContentOnThreads } from '../lib/content/load-threads';
import { loadLiveReports } from '../lib/content/live';
import { formatProblem } from '../lib/content/problems';
import { writeSnapshot } from '../lib/content/snapshot';

async function main(): Promise<number> {
  const started = performance.now();
  const place = snapshotPlace();
  let result: LoadResult;
  // Always every file: the check is what the snapshot's trust rests on.
  if (place) {
    fs.mkdirSync(place.dir, { recursive: true });
    // Bodies go straight into the snapshot's folder as they are read (renamed into place at the
    // end), one file per thread: a big folder's files are shared out between the machine's cores.
    const bodiesPath = (thread: number) => path.join(place.dir, `bodies-${process.pid}-${thread}.tmp`);
    result = await loadContentOnThreads({ ...contentPaths(), threads: Math.min(os.availableParallelism(), 4), bodiesPath });
  } else {
    result = loadContent(contentPaths());
  }
  const { content, problems } = result;
  // Live reports are few: checked here against the articles, tags, sections and authors just loaded.
  const live = problems.length === 0 ? loadLiveReports(contentPaths(), content, problems) : [];
  const ms = Math.round(performance.now() - started);

  if (problems.length > 0) {
    if (place) for (const name of fs.readdirSync(place.dir)) if (name.startsWith(`bodies-${process.pid}-`)) fs.rmSync(path.join(place.dir, name), { force: true });
    console.error(`✗ ${problems.length} content problem${problems.length === 1 ? '' : 's'} found:\n`);
    for (const problem of problems) console.error(`  ${formatProblem(problem)}\n`);
    console.error('Nothing was built. Fix the problems above and run `npm run check:content` again.');
    return 1;
  }
  console.log(
    `✓ Content OK: ${content.articles.length} articles, ${content.tags.length} tags, ` +
      `${content.sections.length} sections, ${content.authors.length} authors, ${live.length} live reports (${ms} ms)`,
  );

  if (place) {
    const writing = performance.now();
    writeSnapshot(place, result, process.env.WARTA_CONTENT_SNAPSHOT_ID);
    console.log(`✓ Content snapshot for the build and server: ${path.relative(process.cwd(), place.dir)} (${Math.round(performance.now() - writing)} ms)`);
  }
  return 0;
}

main().then((code) => process.exit(code));
