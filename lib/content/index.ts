import path from 'node:path';
import { readEnv } from '../env';
import { dates } from '../i18n';
import { articlesById, type ContentDatabase, ContentDatabaseError, openContentDatabase, updateContentDatabase, writeContentDatabase } from './database';
import { articlesFolder, type LoadedEntry } from './load';
import { type ContentProblem, ContentValidationError } from './problems';
import { loadLiveReports, type LiveReport, visibleLiveReports } from './live';
import { ContentStore } from './store';
import type { Article, RawContent } from './types';

export type { Article, ArticleImage, Author, Section, Tag, TagExplainer, Taxon } from './types';
export type { Page, TagWithCount } from './store';
export { firstPeriodKey, tagTimeline, TIMELINE_PAGE_MAX, type TagTimeline, type TimelineMonth, type TimelinePeriod, type TimelineYear } from './timeline';
export { paginate, type ContentStore } from './store';
export { ContentValidationError, formatProblem } from './problems';
export type { LiveEntry, LiveReport } from './live';
export { ContentDatabaseError } from './database';

/** The content folder: content/ unless WARTA_CONTENT_DIR names another (benchmarks, tests). */
export function contentDir(): string {
  // Read at run time from a configurable folder; turbopackIgnore keeps the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ readEnv().WARTA_CONTENT_DIR ?? path.join(process.cwd(), 'content'));
}

/**
 * The site's clock. WARTA_CLOCK_START (an ISO instant) starts it at that moment when the process
 * starts and lets it run on from there: tests and editors rehearsing a schedule use it to see the
 * site as it will be at a given time. Unset in production: the real clock.
 */
export function siteClock(start = readEnv().WARTA_CLOCK_START, bootMs = Date.now()): () => number {
  if (!start) return Date.now;
  const startMs = Date.parse(start);
  if (Number.isNaN(startMs)) throw new Error(`WARTA_CLOCK_START: "${start}" is not an ISO date-time; fix: e.g. 2026-11-25T08:00:00+07:00, or unset it`);
  return () => startMs + (Date.now() - bootMs);
}

/** The folders a load reads: content, public/ (images), and the root that messages name files from. */
export function contentPaths(): { contentDir: string; publicDir: string; rootDir: string } {
  const root = process.cwd();
  return { contentDir: contentDir(), publicDir: path.join(/*turbopackIgnore: true*/ root, 'public'), rootDir: root };
}

/**
 * content.db (lib/content/database.ts): in the dist dir's cache/, which `next build` keeps, beside
 * the build it belongs to.
 */
export function contentDatabasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), readEnv().WARTA_DIST_DIR, 'cache', 'warta-content', 'content.db');
}

interface Loaded {
  raw: RawContent;
  /** Every live report, drafts included (lib/content/live.ts). */
  live: LiveReport[];
  /** This load, for the next one (revalidation) to take unchanged files from; read when first asked. */
  entries: () => Map<string, LoadedEntry>;
  database: ContentDatabase;
  /** Articles by their row in content.db (search answers with rows). */
  byId: Map<number, Article>;
  store?: ContentStore;
  previewStore?: ContentStore;
}

// One copy per process, shared by every route bundle (hence globalThis, not module scope).
const holder = globalThis as typeof globalThis & { __wartaContent?: Loaded; __wartaClock?: () => number };
const clock = () => (holder.__wartaClock ??= siteClock());

/**
 * Opens content.db. Build workers (WARTA_CONTENT_BUILD_ID: the content check has just written
 * it for this build) and production servers take it as it is: it is the content that was checked
 * and built. Anywhere else (development, tests) it is first brought up to date with the folder,
 * and a missing, older or damaged database is written again from the folder in every case.
 * Throws ContentValidationError for invalid content, ContentDatabaseError (saying what to run) if
 * the database cannot be written.
 */
function load(): Omit<Loaded, 'live'> {
  const file = contentDatabasePath();
  const { WARTA_CONTENT_BUILD_ID: build, NODE_ENV } = readEnv();
  let database: ContentDatabase | undefined;
  try {
    database = openContentDatabase(file);
    if (build && database.meta('build') !== build) throw new Error('written for another build');
  } catch (error) {
    database?.close();
    database = undefined;
    if (error instanceof ContentDatabaseError && error.problem !== 'missing') console.warn(`${error.problem === 'old-format' ? 'Older' : 'Damaged'} ${path.basename(file)}: writing it again from the content folder (${error.message})`);
  }
  if (!database || (!build && NODE_ENV !== 'production')) {
    database?.close();
    let result: ReturnType<typeof writeContentDatabase>;
    try {
      result = writeContentDatabase(file, contentPaths(), build);
    } catch (error) {
      throw new ContentDatabaseError(file, 'unwritable', (error as Error).message);
    }
    if (result.problems.length > 0) throw new ContentValidationError(result.problems);
    database = openContentDatabase(file);
  }
  const { content, byId, entries } = database.read(articlesFolder(contentPaths()));
  return { raw: content, entries, database, byId };
}

/** A load with its live reports, checked against it: any problem throws, as for articles. */
function withLive(state: Omit<Loaded, 'live'>): Loaded {
  const problems: ContentProblem[] = [];
  const live = loadLiveReports(contentPaths(), state.raw, problems);
  if (problems.length > 0) throw new ContentValidationError(problems);
  return { ...state, live };
}

function loaded(): Loaded {
  holder.__wartaContent ??= withLive(load());
  return holder.__wartaContent;
}

/** The live reports readers see now (newest coverage first); editors in draft mode also see drafts and entries still to come. */
export function getLiveReports(preview = false): LiveReport[] {
  const { live } = loaded();
  return preview ? live : visibleLiveReports(live, clock()());
}

/**
 * The validated, indexed content as readers see it now: no drafts, no story before its
 * publishedAt. Loaded once per process (once per build worker or server start); an invalid
 * content folder throws with every problem listed, failing the build.
 */
export function getContent(): ContentStore {
  const state = loaded();
  state.store ??= new ContentStore(state.raw, dates.monthKey, { now: clock() });
  return state.store;
}

/**
 * Whether a story file has this slug (published, scheduled or draft): the public store answers,
 * so the request guards need no editors' store of their own.
 */
export function storyExists(slug: string): boolean {
  return getContent().exists(slug);
}

/** The editors' view (draft mode): drafts and scheduled stories included. Built on first use. */
export function getPreviewContent(): ContentStore {
  const state = loaded();
  state.previewStore ??= new ContentStore(state.raw, dates.monthKey, { preview: true });
  return state.previewStore;
}

/** What search runs on: the public store, content.db and its articles by row. */
export function getSearchSource(): { content: ContentStore; database: ContentDatabase; byId: Map<number, Article> } {
  const content = getContent();
  const { database, byId } = loaded();
  return { content, database, byId };
}

/**
 * Brings content.db up to date with the content folder (on-demand revalidation after editors
 * publish): changed files are read and checked, cross-references checked over every article, in
 * one transaction. If the new content is invalid this throws ContentValidationError and the site
 * keeps serving what it had: nothing half-built is ever served, and searches answer from the
 * database as it was until the change commits. Returns the stores before and after.
 */
export function reloadContent(): { before: ContentStore; after: ContentStore } {
  const before = getContent();
  const state = loaded();
  const result = updateContentDatabase(contentDatabasePath(), { ...contentPaths(), previous: { entries: state.entries() } }, state.database);
  if (result.problems.length > 0) throw new ContentValidationError(result.problems);
  const { content: raw, entries } = result;
  holder.__wartaContent = withLive({ raw, entries: () => entries, database: state.database, byId: articlesById(entries) });
  return { before, after: getContent() };
}
