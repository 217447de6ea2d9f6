import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { APPLICATION_ID, contentWriter, createContentDatabase, FORMAT, type Writer, type WriterCall } from './database-schema';
import { articlesFolder, loadContent, type LoadedEntry, type LoadOptions, type LoadResult } from './load';
import { detailsOf, StoredArticle, type StoredRows } from './stored-article';
import type { Article, Author, BodyRef, RawContent, Section, Tag, Taxon } from './types';

/**
 * content.db (docs/decisions/0007, 0011, 0013): every valid article, its body, the taxa and a
 * full-text index of whole stories (drafts never indexed). The content check of `npm run build`
 * writes it (writeContentDatabase); build workers and servers open it read-only; revalidation
 * brings it up to date in one transaction (updateContentDatabase). Rows are keyed by the file's
 * path relative to the content folder and its SHA-256: only changed files are written again, and
 * a build moved to another folder or machine starts from its database.
 */

export { FORMAT };

const DESCRIBED = { missing: 'missing', 'old-format': 'of an older format', corrupt: 'damaged', unwritable: 'impossible to write' };
export type DatabaseProblem = keyof typeof DESCRIBED;

/** Why a content database cannot be used, and what to run. */
export class ContentDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly problem: DatabaseProblem,
    detail: string,
  ) {
    super(`content database ${file} is ${DESCRIBED[problem]} (${detail}); run \`npm run build\` (or \`npm run check:content\`) to write it again`);
  }
}

/** An open content database (read-only in build workers and servers). */
export class ContentDatabase {
  private readonly bodyQuery: Database.Statement<[number], string>;

  constructor(readonly sqlite: Database.Database) {
    this.bodyQuery = sqlite.prepare<[number], string>('SELECT markdown FROM bodies WHERE id = ?').pluck();
  }

  body(id: number): string {
    return this.bodyQuery.get(id) ?? '';
  }

  /** A meta value (e.g. "build": the build that wrote it). */
  meta(key: string): string | undefined {
    return this.sqlite.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(key);
  }

  /**
   * Every article and taxon: articles by row for search, and the entries a later load reuses
   * (revalidation), read only when first asked (building them for every article was a third of a
   * server's start). If another connection changed the database meanwhile (another instance's
   * revalidation), the entries are its rows as they are then, articles included, so that a hash
   * never vouches for an article it was not computed from. `articlesFolder` is where messages
   * name article files from ("content/articles").
   */
  read(articlesFolder: string): { content: RawContent; byId: Map<number, Article>; entries: () => Map<string, LoadedEntry> } {
    // One read transaction: the queries must see the same rows, whatever another connection commits meanwhile.
    const { tags, sections, authors, articles, version } = this.sqlite.transaction(() => {
      const taxa = this.taxa();
      return { ...taxa, articles: this.storedArticles(articlesFolder, taxa.intern), version: this.dataVersion() };
    })();
    const byId = new Map<number, Article>();
    for (const article of articles) byId.set(article.id, article);
    let entries: Map<string, LoadedEntry> | undefined;
    const readEntries = () => (this.dataVersion() !== version ? this.read(articlesFolder).entries() : this.entriesOf(byId));
    return { content: { articles, tags, sections, authors }, byId, entries: () => (entries ??= readEntries()) };
  }

  /** The entries of `byId`'s articles, from their rows. */
  private entriesOf(byId: Map<number, Article>): Map<string, LoadedEntry> {
    const found = new Map<string, LoadedEntry>();
    const rows = this.sqlite.prepare<[], [number, string, string, string, string | null, string | null]>('SELECT id, path, hash, read_also_lines, image_src, image_hash FROM articles').raw();
    for (const [id, file, hash, readAlso, imageSrc, imageHash] of rows.iterate()) {
      const article = byId.get(id);
      if (!article) continue;
      const readAlsoLines = readAlso === '[]' ? [] : (JSON.parse(readAlso) as (number | null)[]).map((line) => line ?? undefined);
      // Keyed by file name, as the load names them: the path is articles/<slug>.md.
      found.set(path.basename(file), { id, hash, article, readAlsoLines, image: imageSrc !== null ? { src: imageSrc, hash: imageHash! } : undefined });
    }
    return found;
  }

  /**
   * Every article, newest first, its details parsed when first read (StoredArticle). Each query
   * returns whole columns as JSON arrays: a row object or array per article was most of the cost
   * of reading them. The details stay in one buffer outside the heap, where the garbage collector
   * never copies them.
   */
  private storedArticles(articlesFolder: string, intern: (slug: string) => string): StoredArticle[] {
    const [details, detailsIds, detailsLengths] = this.sqlite
      .prepare<[], [Buffer | null, string, string]>("SELECT CAST(group_concat(details, '') AS BLOB), json_group_array(id), json_group_array(octet_length(details)) FROM articles")
      .raw()
      .get()!;
    const ids = JSON.parse(detailsIds) as number[];
    const lengths = JSON.parse(detailsLengths) as number[];
    // Where each row's details are in `details`, by row id.
    const size = ids.reduce((max, id) => Math.max(max, id + 1), 0);
    const detailsStart = new Float64Array(size);
    const detailsEnd = new Float64Array(size);
    for (let i = 0, at = 0; i < ids.length; at += lengths[i]!, i++) {
      detailsStart[ids[i]!] = at;
      detailsEnd[ids[i]!] = at + lengths[i]!;
    }
    const rows: StoredRows = { details: details ?? Buffer.alloc(0), articlesFolder, body: (id) => this.body(id) };

    // The index articles_newest gives the order: the store's sort then finds nothing to move. The
    // tags column is JSON already, so its values are joined as they are (json() would parse each).
    const [id, slug, publishedMs, section, draft, tags, authors] = this.sqlite
      .prepare<[], string[]>(
        "SELECT json_group_array(id), json_group_array(slug), json_group_array(published_ms), json_group_array(section), json_group_array(draft), '[' || coalesce(group_concat(tags, ','), '') || ']', json_group_array(authors) FROM (SELECT id, slug, published_ms, section, draft, tags, authors FROM articles ORDER BY published_ms DESC, slug)",
      )
      .raw()
      .get()!
      .map((column) => JSON.parse(column) as unknown[]) as [number[], string[], number[], string[], number[], string[][], string[]];
    // JSON.parse makes a string per occurrence: every article would hold its own "ekonomi".
    const internAll = (slugs: string[]) => {
      for (let i = 0; i < slugs.length; i++) slugs[i] = intern(slugs[i]!);
      return slugs;
    };
    // Lists of authors repeat: one array for all the stories with the same list (frozen, being shared).
    const authorLists = new Map<string, string[]>();
    const authorsOf = (json: string) => {
      let list = authorLists.get(json);
      if (!list) authorLists.set(json, (list = Object.freeze(internAll(JSON.parse(json))) as string[]));
      return list;
    };
    const articles = new Array<StoredArticle>(id.length);
    for (let i = 0; i < id.length; i++) {
      const row = id[i]!;
      articles[i] = new StoredArticle(rows, row, detailsStart[row]!, detailsEnd[row]!, slug[i]!, publishedMs[i]!, intern(section[i]!), internAll(tags[i]!), authorsOf(authors[i]!), draft[i] === 1);
    }
    return articles;
  }

  /** Changes whenever another connection commits to the database (PRAGMA data_version). */
  private dataVersion(): number {
    return this.sqlite.pragma('data_version', { simple: true }) as number;
  }

  private taxa(): Pick<RawContent, 'tags' | 'sections' | 'authors'> & { intern: (slug: string) => string } {
    // A running story's flag and its explainer travel with the tag (lib/content/story-order.ts, TagExplainer).
    const tags = (this.sqlite.prepare('SELECT slug, name, description, story, explainer FROM tags ORDER BY slug').all() as (Taxon & { story: number; explainer: string | null })[]).map(
      ({ story, explainer, ...tag }): Tag => ({ ...tag, ...(story ? { story: true } : {}), ...(explainer ? { explainer: JSON.parse(explainer) } : {}) }),
    );
    const sections = this.sqlite.prepare('SELECT slug, name, description, ord AS "order" FROM sections ORDER BY slug').all() as Section[];
    const authors = this.sqlite.prepare('SELECT slug, name, bio FROM authors ORDER BY slug').all() as Author[];
    const canonical = new Map<string, string>();
    for (const list of [tags, sections, authors]) for (const { slug } of list) canonical.set(slug, slug);
    return { tags, sections, authors, intern: (slug: string) => canonical.get(slug) ?? slug };
  }

  close(): void {
    this.sqlite.close();
  }
}

/** Articles by their row in content.db (search answers with rows). */
export function articlesById(entries: Map<string, LoadedEntry>): Map<number, Article> {
  const byId = new Map<number, Article>();
  for (const entry of entries.values()) if (entry.id !== undefined) byId.set(entry.id, entry.article);
  return byId;
}

/** Opens a content database, or says why it cannot be used. Never leaves a connection open on failure. */
export function openContentDatabase(file: string): ContentDatabase {
  if (!fs.existsSync(file)) throw new ContentDatabaseError(file, 'missing', 'no such file');
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const id = sqlite.pragma('application_id', { simple: true }) as number;
    const format = sqlite.pragma('user_version', { simple: true }) as number;
    if (id !== APPLICATION_ID || format !== FORMAT) throw new ContentDatabaseError(file, 'old-format', id === APPLICATION_ID ? `format ${format}, expected ${FORMAT}` : 'not a Warta content database');
    sqlite.prepare('SELECT count(*) FROM articles').get();
    return new ContentDatabase(sqlite);
  } catch (error) {
    if (sqlite?.open) sqlite.close();
    if (error instanceof ContentDatabaseError) throw error;
    throw new ContentDatabaseError(file, 'corrupt', (error as Error).message);
  }
}

/**
 * Loads the content folder into a database whose articles are `ids` (by path), through `writer`
 * (a transaction open): each changed or new article file is written as it is read, a changed one
 * under its row id, a new one under the next; unchanged ones stay as they are. Once every file is
 * read and nothing is wrong, rows of files that are gone are deleted, the taxa replaced, the build
 * (when given) noted and the transaction committed. With problems the caller discards the
 * transaction (or the file).
 */
function syncInto(ids: Map<string, number>, bodies: (id: number) => BodyRef, options: Omit<LoadOptions, 'keep'>, writer: Writer, build?: string): LoadResult {
  let next = 1;
  for (const id of ids.values()) next = Math.max(next, id + 1);
  const relative = (slug: string) => `articles/${slug}.md`;

  const keep = (entry: LoadedEntry, markdown: string): BodyRef => {
    const { article } = entry;
    const file = relative(article.slug);
    let id = ids.get(file);
    if (id !== undefined) writer.remove(id);
    else ids.set(file, (id = next++));
    entry.id = id;
    writer.story({
      article: [
        id,
        file,
        entry.hash,
        article.slug,
        article.publishedMs,
        article.section,
        article.draft ? 1 : 0,
        JSON.stringify(article.tags),
        JSON.stringify(article.authors),
        JSON.stringify(detailsOf(article)),
        JSON.stringify(entry.readAlsoLines.map((line) => line ?? null)),
        entry.image?.src ?? null,
        entry.image?.hash ?? null,
      ],
      tags: article.tags,
      indexed: article.draft ? null : [article.title, article.summary],
      markdown,
    });
    return bodies(id);
  };

  const result = loadContent({ ...options, keep });
  if (result.problems.length > 0) return result;
  const kept = new Set([...result.entries.values()].map((entry) => relative(entry.article.slug)));
  for (const [file, id] of ids) if (!kept.has(file)) writer.remove(id);
  const { articles, tags, sections, authors } = result.content;
  writer.taxa(
    {
      tags: tags.map((t) => [t.slug, t.name, t.description, t.story ? 1 : 0, t.explainer ? JSON.stringify(t.explainer) : null]),
      sections: sections.map((s) => [s.slug, s.name, s.description, s.order]),
      authors: authors.map((a) => [a.slug, a.name, a.bio]),
    },
    build,
  );
  writer.finish(articles.length);
  return result;
}

/**
 * Writes `file` from the content folder, nothing when the content has problems: a usable database
 * is brought up to date in place (updateContentDatabase); otherwise a new one is written into a
 * temporary file and renamed over `file` once complete, so no reader ever sees half a database.
 * `build` names the build it is for (see lib/content/index.ts).
 */
export function writeContentDatabase(file: string, options: Omit<LoadOptions, 'keep' | 'previous'>, build = ''): LoadResult {
  const updated = updateUsable(file, options, build);
  if (updated) return updated;
  const temporary = `${file}.${process.pid}.tmp`;
  const writer = createContentDatabase(temporary);
  try {
    const result = syncInto(new Map(), laterBody(file), options, writer, build);
    writer.close();
    if (result.problems.length === 0) fs.renameSync(temporary, file);
    return result;
  } finally {
    writer.close();
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * As writeContentDatabase, but a new database is written on a second thread from the rows this
 * one builds while it reads and checks the files: the content check of a build
 * (scripts/check-content.ts), where the process has tsx to load the thread's module.
 */
export async function writeContentDatabaseOnTwoThreads(file: string, options: Omit<LoadOptions, 'keep' | 'previous'>, build = ''): Promise<LoadResult> {
  const updated = updateUsable(file, options, build);
  if (updated) return updated;
  const temporary = `${file}.${process.pid}.tmp`;
  const thread = indexThread(temporary);
  try {
    const result = syncInto(new Map(), laterBody(file), options, thread, build);
    if (result.problems.length === 0) {
      await thread.finished;
      fs.renameSync(temporary, file);
    }
    return result;
  } finally {
    // Stopped before its file goes: with problems it may still be writing it.
    await thread.stop();
    fs.rmSync(temporary, { force: true });
  }
}

/** The database brought up to date in place, or undefined when there is none usable. */
function updateUsable(file: string, options: Omit<LoadOptions, 'keep' | 'previous'>, build: string): LoadResult | undefined {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let usable: ContentDatabase;
  try {
    usable = openContentDatabase(file);
  } catch {
    // Missing, older or damaged: written afresh.
    return undefined;
  }
  // Left open: the unchanged articles, taken from it, read their bodies through it.
  return updateContentDatabase(file, { ...options, previous: { entries: usable.read(articlesFolder(options)).entries() } }, usable, build);
}

/**
 * A body read when asked for, through `reader`, or else the database at `file` opened then (a new
 * database is renamed into place before any is read).
 */
function laterBody(file: string, reader?: ContentDatabase): (id: number) => BodyRef {
  let database = reader;
  return (id) => ({ text: () => (database ??= openContentDatabase(file)).body(id) });
}

/** Calls sent to the index thread at once: fewer messages, a bounded backlog of bodies. */
const BATCH = 256;

/**
 * The second thread of a new database (lib/content/index-thread.ts): it creates `file` and makes
 * there the calls this one sends it. `finished` settles once it has committed and closed the
 * file, or failed.
 */
function indexThread(file: string): Writer & { finished: Promise<void>; stop: () => Promise<number> } {
  // Bundled by the build (scripts/build.ts), the thread's own bundle is beside this code; from the
  // sources, through tsx's require hook (a worker's entry is not loaded through --import hooks).
  const bundled = path.join(/*turbopackIgnore: true*/ __dirname, 'index-thread.cjs');
  const source = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'index-thread.ts'))});`;
  const worker = fs.existsSync(bundled) ? new Worker(/*turbopackIgnore: true*/ bundled, { workerData: { file } }) : new Worker(source, { eval: true, workerData: { file } });
  const finished = new Promise<void>((resolve, reject) => {
    worker.on('message', () => resolve());
    worker.on('error', (error) => reject(new Error(`the index thread failed: ${error.message}`)));
    worker.on('exit', (code) => reject(new Error(`the index thread stopped (exit code ${code}) before it finished`)));
  });
  // Awaited once every file is read; until then a failure waits there.
  finished.catch(() => undefined);
  let calls: WriterCall[] = [];
  const send = (call: WriterCall) => {
    if (calls.push(call) < BATCH && call[0] !== 'finish') return;
    worker.postMessage(calls);
    calls = [];
  };
  return {
    story: (rows) => send(['story', rows]),
    remove: (id) => send(['remove', id]),
    taxa: (rows, build) => send(['taxa', rows, build]),
    finish: (stories) => send(['finish', stories]),
    finished,
    stop: () => worker.terminate(),
  };
}

/**
 * Brings `file` up to date with the content folder in one transaction (on-demand revalidation,
 * or a build's content check over its previous database), taking unchanged articles from
 * `previous`. Readers keep the state before it until it commits; with problems nothing changes.
 * Bodies written now are read through `reader`, a connection to it left open (a server's, or the
 * one `previous` was read through).
 */
export function updateContentDatabase(file: string, options: Omit<LoadOptions, 'keep'>, reader: ContentDatabase, build?: string): LoadResult {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec('BEGIN IMMEDIATE');
    const ids = new Map(sqlite.prepare<[], [string, number]>('SELECT path, id FROM articles').raw().all());
    // With problems nothing is committed, and the transaction is rolled back below.
    return syncInto(ids, laterBody(file, reader), options, contentWriter(sqlite), build);
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
