/**
 * Validates every file in the content folder and lists every problem at once. When all is well
 * it writes content.db (lib/content/database.ts), which the build's workers and the server then
 * open. Usage: npm run check:content (WARTA_CONTENT_DIR=/other/folder to check another folder).
 * Within npm run build, WARTA_CONTENT_BUILD_ID names the database for the build's workers
 * (scripts/build.ts).
 */
import path from 'node:path';
import { contentDatabasePath, contentPaths } from '../lib/content';
import { writeContentDatabaseOnTwoThreads } from '../lib/content/database';
import { loadLiveReports } from '../lib/content/live';
import { formatProblem } from '../lib/content/problems';
import { readEnv } from '../lib/env';

async function main(): Promise<number> {
  const started = performance.now();
  const file = contentDatabasePath();
  // Always every file, read and hashed: the check is what the database's trust rests on.
  // A new database is indexed on a second thread while this one checks the files.
  const { content, problems, reused } = await writeContentDatabaseOnTwoThreads(file, contentPaths(), readEnv().WARTA_CONTENT_BUILD_ID);
  // Live reports are few: checked here against the articles, tags, sections and authors just loaded.
  const live = problems.length === 0 ? loadLiveReports(contentPaths(), content, problems) : [];
  const ms = Math.round(performance.now() - started);

  if (problems.length > 0) {
    console.error(`✗ ${problems.length} content problem${problems.length === 1 ? '' : 's'} found:\n`);
    for (const problem of problems) console.error(`  ${formatProblem(problem)}\n`);
    console.error('Nothing was built. Fix the problems above and run `npm run check:content` again.');
    return 1;
  }
  console.log(
    `✓ Content OK: ${content.articles.length} articles, ${content.tags.length} tags, ` +
      `${content.sections.length} sections, ${content.authors.length} authors, ${live.length} live reports (${ms} ms)`,
  );
  console.log(`✓ Content database for the build and server: ${path.relative(process.cwd(), file)} (${content.articles.length - reused} articles written, ${reused} unchanged)`);
  return 0;
}

main().then((code) => process.exit(code));
