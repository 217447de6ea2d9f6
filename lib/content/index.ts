import path from 'node:path';
import { dates } from '../i18n';
import { loadContent, type PreviousLoad } from './load';
import { loadLiveReports, type LiveReport, visibleLiveReports } from './live';
import { type ContentProblem, ContentValidationError } from './problems';
import { readSnapshot, type SnapshotPlace } from './snapshot';
import { ContentStore } from './store';
import type { RawContent } from './types';

export type { Article, ArticleImage, Author, Section, Tag, TagExplainer, Taxon } from './types';
export type { Page, TagWithCount } from './store';
export { firstPeriodKey, tagTimeline, TIMELINE_PAGE_MAX, type TagTimeline, type TimelineMonth, type TimelinePeriod, type TimelineYear } from './timeline';
export { paginate, type ContentStore } from './store';
export { ContentValidationError, formatProblem } from './problems';
export type { LiveEntry, LiveReport } from './live';

/** The content folder: content/ unless WARTA_CONTENT_DIR names another (benchmarks, tests). */
export function contentDir(): string {
  // Read at run time from a configurable folder; turbopackIgnore keeps the bundler from tracing it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.WARTA_CONTENT_DIR ?? path.join(process.cwd(), 'content'));
}

/**
 * The site's clock. WARTA_CLOCK_START (an ISO instant) starts it at that moment when the process
 * starts and lets it run on from there: tests and editors rehearsing a schedule use it to see the
 * site as it will be at a given time. Unset in production: the real clock.
 */
export function siteClock(start = process.env.WARTA_CLOCK_START, bootMs = Date.now()): () => number {
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
 * Where the build keeps its content snapshot (lib/content/snapshot.ts): the dist dir's cache/,
 * which `next build` keeps. null when WARTA_CONTENT_SNAPSHOT=off (every file is read, always).
 */
export function snapshotPlace(): SnapshotPlace | null {
  if (process.env.WARTA_CONTENT_SNAPSHOT === 'off') return null;
  const paths = contentPaths();
  return { ...paths, dir: path.join(/*turbopackIgnore: true*/ paths.rootDir, process.env.WARTA_DIST_DIR ?? '.next', 'cache', 'warta-content') };
}

interface Loaded {
  raw: RawContent;
  /** Every live report, drafts included (lib/content/live.ts). */
  live: LiveReport[];
  /** This load, for the next one to take unchanged files from. */
  previous: PreviousLoad;
  store?: ContentStore;
  previewStore?: ContentStore;
}

// One copy per process, shared by every route bundle (hence globalThis, not module scope).
const holder = globalThis as typeof globalThis & { __wartaContent?: Loaded; __wartaClock?: () => number };

/**
 * Loads and validates the content folder, taking unchanged articles from `previous` (this
 * process's last load) or else from the build's snapshot. Throws ContentValidationError.
 */
function load(previous?: PreviousLoad): Omit<Loaded, 'live'> {
  const place = snapshotPlace();
  // Within `npm run build`, the snapshot its own content check has just written is the build's
  // content: taken whole, so every worker renders exactly what was checked (scripts/build.ts).
  // Its workers never load again, so they skip what reuse needs (stamps: false).
  const buildId = process.env.WARTA_CONTENT_SNAPSHOT_ID;
  const snapshot = !previous && place ? readSnapshot(place, { stamps: !buildId }) : undefined;
  if (snapshot?.load && buildId && snapshot.id === buildId) {
    return { raw: snapshot.load.content, previous: snapshot.load };
  }
  const result = loadContent({ ...contentPaths(), previous: previous ?? snapshot?.load ?? undefined });
  if (result.problems.length > 0) throw new ContentValidationError(result.problems);
  return { raw: result.content, previous: { entries: result.entries, startedMs: result.startedMs } };
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
  return preview ? live : visibleLiveReports(live, (holder.__wartaClock ??= siteClock())());
}

/**
 * The validated, indexed content as readers see it now: no drafts, no story before its
 * publishedAt. Loaded once per process (once per build worker or server start); an invalid
 * content folder throws with every problem listed, failing the build.
 */
export function getContent(): ContentStore {
  const state = loaded();
  holder.__wartaClock ??= siteClock();
  state.store ??= new ContentStore(state.raw, dates.monthKey, { now: holder.__wartaClock });
  return state.store;
}

/** The editors' view (draft mode): drafts and scheduled stories included. */
export function getPreviewContent(): ContentStore {
  const state = loaded();
  state.previewStore ??= new ContentStore(state.raw, dates.monthKey, { preview: true });
  return state.previewStore;
}

/**
 * Re-reads the content folder (on-demand revalidation after editors publish). If the new content
 * is invalid this throws ContentValidationError and the site keeps serving what it had: nothing
 * half-built is ever served. Returns the stores before and after, to work out what changed.
 */
export function reloadContent(): { before: ContentStore; after: ContentStore } {
  const before = getContent();
  holder.__wartaContent = withLive(load(loaded().previous));
  return { before, after: getContent() };
}
