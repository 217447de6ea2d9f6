import path from 'node:path';
import { dates } from '../i18n';
import { loadContentOrThrow } from './load';
import { ContentStore } from './store';
import type { RawContent } from './types';

export type { Article, ArticleImage, Author, Section, Taxon } from './types';
export type { Page, TagWithCount, TimelineMonth } from './store';
export { paginate, type ContentStore } from './store';

/** The content folder: content/ unless WARTA_CONTENT_DIR names another (benchmarks, tests). */
export function contentDir(): string {
  // Read at run time from a configurable folder; turbopackIgnore keeps the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.WARTA_CONTENT_DIR ?? path.join(process.cwd(), 'content'));
}

let raw: RawContent | undefined;
let store: ContentStore | undefined;
let previewStore: ContentStore | undefined;

function rawContent(): RawContent {
  raw ??= loadContentOrThrow({
    contentDir: contentDir(),
    publicDir: path.join(/*turbopackIgnore: true*/ process.cwd(), 'public'),
    rootDir: process.cwd(),
  });
  return raw;
}

/**
 * The validated, indexed content as readers see it now: no drafts, no story before its
 * publishedAt. Loaded once per process (once per build worker or server start); an invalid
 * content folder throws with every problem listed, failing the build.
 */
export function getContent(): ContentStore {
  store ??= new ContentStore(rawContent(), dates.monthKey);
  return store;
}

/** The editors' view (draft mode): drafts and scheduled stories included. */
export function getPreviewContent(): ContentStore {
  previewStore ??= new ContentStore(rawContent(), dates.monthKey, { preview: true });
  return previewStore;
}
