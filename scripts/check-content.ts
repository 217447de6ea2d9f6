/**
 * Validates every file in the content folder and lists every problem at once. When all is well
 * it writes the content snapshot (lib/content/snapshot.ts) that the build's workers and the
 * server then start from. Usage: npm run check:content (WARTA_CONTENT_DIR=/other/folder to check
 * another folder; WARTA_CONTENT_SNAPSHOT=off to write no snapshot). Within npm run build,
 * WARTA_CONTENT_SNAPSHOT_ID names the snapshot for the build's workers (scripts/build.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentPaths, snapshotPlace } from '../lib/content';
import { loadContent } from '../lib/content/load';
import { formatProblem } from '../lib/content/problems';
import { writeSnapshot } from '../lib/content/snapshot';
import { FileShelfWriter } from '../lib/content/bodies';

const started = performance.now();
const place = snapshotPlace();
// Bodies go straight into the snapshot's folder as they are read (renamed into place at the end).
let writer: FileShelfWriter | undefined;
if (place) {
  fs.mkdirSync(place.dir, { recursive: true });
  writer = new FileShelfWriter(path.join(place.dir, `bodies-${process.pid}.tmp`));
}
// Always every file: the check is what the snapshot's trust rests on.
const result = loadContent({ ...contentPaths(), shelf: writer });
const { content, problems } = result;
const ms = Math.round(performance.now() - started);

if (problems.length > 0) {
  if (writer) fs.rmSync(writer.path, { force: true });
  console.error(`✗ ${problems.length} content problem${problems.length === 1 ? '' : 's'} found:\n`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}\n`);
  console.error('Nothing was built. Fix the problems above and run `npm run check:content` again.');
  process.exit(1);
}
console.log(
  `✓ Content OK: ${content.articles.length} articles, ${content.tags.length} tags, ` +
    `${content.sections.length} sections, ${content.authors.length} authors (${ms} ms)`,
);

if (place) {
  const writing = performance.now();
  writeSnapshot(place, result, process.env.WARTA_CONTENT_SNAPSHOT_ID);
  console.log(`✓ Content snapshot for the build and server: ${path.relative(process.cwd(), place.dir)} (${Math.round(performance.now() - writing)} ms)`);
}
