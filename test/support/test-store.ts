import path from 'node:path';
import { monthKey } from '../../lib/i18n/format';
import { openContentDatabase, writeContentDatabase, type ContentDatabase } from '../../lib/content/database';
import { article, makeFixture, type Fixture } from './fixtures';
import { articlesFolder, loadContentOrThrow } from '../../lib/content/load';
import { ContentValidationError } from '../../lib/content/problems';
import { ContentStore, type StoreOptions } from '../../lib/content/store';
import type { Article } from '../../lib/content/types';

const jakartaMonth = (iso: string) => monthKey(iso, 'Asia/Jakarta');

/** Test helper: a ContentStore over a fixture folder, after `setup` adds files. */
export function storeFrom(setup: (f: Fixture, a: typeof article) => void = () => {}): ContentStore {
  const f = makeFixture();
  setup(f, article);
  const raw = loadContentOrThrow({ contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root });
  return new ContentStore(raw, jakartaMonth);
}

/** Test helper: a fixture folder written into a content.db (in the fixture's root), opened as search opens it. */
export function searchSourceFrom(f: Fixture, options: StoreOptions = {}, file = path.join(f.root, 'cache', 'content.db')): { content: ContentStore; database: ContentDatabase; byId: Map<number, Article>; file: string } {
  const paths = { contentDir: f.contentDir, publicDir: f.publicDir, rootDir: f.root };
  const result = writeContentDatabase(file, paths);
  if (result.problems.length > 0) throw new ContentValidationError(result.problems);
  const database = openContentDatabase(file);
  const { content, byId } = database.read(articlesFolder(paths));
  return { content: new ContentStore(content, jakartaMonth, options), database, byId, file };
}
