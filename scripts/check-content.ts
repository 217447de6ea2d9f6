/**
 * Validates every file in the content folder and lists every problem at once. When all is well
 * it writes content.db (lib/content/database.ts), which the build's workers and the server then
 * open. Usage: npm run check:content (WARTA_CONTENT_DIR=/other/folder to check another folder).
 * Within npm run build, WARTA_CONTENT_BUILD_ID names the database for the build's workers
 * (scripts/build.ts).
 */
import path from 'node:path';
import { contentDatabasePath, contentPaths } from '../lib/content';
import { writeContentDatabase } from '../lib/content/database';
import { formatProblem } from '../lib/content/problems';

function main(): number {
  const started = performance.now();
  const file = contentDatabasePath();
  // Always every file, read and hashed: the check is what the database's trust rests on.
  const { content, problems, reused } = writeContentDatabase(file, contentPaths(), process.env.WARTA_CONTENT_BUILD_ID);
  const ms = Math.round(performance.now() - started);

  if (problems.length > 0) {
    console.error(`✗ ${problems.length} content problem${problems.length === 1 ? '' : 's'} found:\n`);
    for (const problem of problems) console.error(`  ${formatProblem(problem)}\n`);
    console.error('Nothing was built. Fix the problems above and run `npm run check:content` again.');
    return 1;
  }
  console.log(
    `✓ Content OK: ${content.articles.length} articles, ${content.tags.length} tags, ` +
      `${content.sections.length} sections, ${content.authors.length} authors (${ms} ms)`,
  );
  console.log(`✓ Content database for the build and server: ${path.relative(process.cwd(), file)} (${content.articles.length - reused} articles written, ${reused} unchanged)`);
  return 0;
}

process.exit(main());
