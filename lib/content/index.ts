import path from 'node:path';
import { dates } from '../i18n';
import { loadContentOrThrow } from './load';
import { ContentStore } from './store';

export type { Article, ArticleImage, Author, Section, Taxon } from './types';
export type { Page, TagWithCount, TimelineMonth } from './store';
export { paginate, type ContentStore } from './store';

/** The content folder: content/ unless WARTA_CONTENT_DIR names another (benchmarks, tests). */
export function contentDir(): string {
  // Read at run time from a configurable folder; turbopackIgnore keeps the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.WARTA_CONTENT_DIR ?? path.join(process.cwd(), 'content'));
}

let store: ContentStore | undefined;

/**
 * The validated, indexed content. Loaded once per process (once per build worker or server
 * start); an invalid content folder throws with every problem listed, failing the build.
 */
export function getContent(): ContentStore {
  if (!store) {
    const raw = loadContentOrThrow({
      contentDir: contentDir(),
      publicDir: path.join(/*turbopackIgnore: true*/ process.cwd(), 'public'),
      rootDir: process.cwd(),
    });
    store = new ContentStore(raw, dates.monthKey);
  }
  return store;
}
