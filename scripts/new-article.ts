/**
 * Starts a new article: npm run new:article -- "Judul berita"
 * Writes content/articles/<slug>.md with valid frontmatter (slug from the title, the current
 * Jakarta time, draft: true), ready to edit. Never overwrites an existing file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '../lib/content';
import { newArticle } from '../lib/newsroom/new-article';

const title = process.argv.slice(2).join(' ').trim();
if (!title) {
  console.error('Usage: npm run new:article -- "Judul berita"');
  process.exit(1);
}
const dir = contentDir();
const first = (folder: string) => fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith('.yml')).sort()[0]?.replace(/\.yml$/, '') ?? '';
try {
  const { slug, text } = newArticle(title, new Date(), { section: first('sections'), tag: first('tags'), author: first('authors') });
  const file = path.join(dir, 'articles', `${slug}.md`);
  if (fs.existsSync(file)) {
    console.error(`${path.relative(process.cwd(), file)} already exists: choose another title or edit that file.`);
    process.exit(1);
  }
  fs.writeFileSync(file, text);
  console.log(`✓ Wrote ${path.relative(process.cwd(), file)} (draft: true)`);
  console.log('  Edit the summary, section, tags and body; set draft: false to publish; then run npm run check:content.');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
