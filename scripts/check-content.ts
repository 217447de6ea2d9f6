/**
 * Validates every file in the content folder and lists every problem at once.
 * Usage: npm run check:content   (WARTA_CONTENT_DIR=/other/folder to check another folder)
 */
import path from 'node:path';
import { contentDir } from '../lib/content';
import { loadContent } from '../lib/content/load';
import { formatProblem } from '../lib/content/problems';

const started = performance.now();
const { content, problems } = loadContent({
  contentDir: contentDir(),
  publicDir: path.join(process.cwd(), 'public'),
  rootDir: process.cwd(),
});
const ms = Math.round(performance.now() - started);

if (problems.length > 0) {
  console.error(`✗ ${problems.length} content problem${problems.length === 1 ? '' : 's'} found:\n`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}\n`);
  console.error('Nothing was built. Fix the problems above and run `npm run check:content` again.');
  process.exit(1);
}
console.log(
  `✓ Content OK: ${content.articles.length} articles, ${content.tags.length} tags, ` +
    `${content.sections.length} sections, ${content.authors.length} authors (${ms} ms)`,
);
