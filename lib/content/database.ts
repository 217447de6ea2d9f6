import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { stems } from '../search/language';
import { loadContent, type LoadedEntry, type LoadOptions, type LoadResult } from './load';
import { plainText } from './markdown';
import type { Article, Author, BodyRef, RawContent, Section, Tag, Taxon } from './types';

/**
 * content.db: every valid article, its body, tags, sections, authors, and a full-text index of
 * whole stories (search_index: headline, summary, body). The content check of `npm run build`
 * writes it into the dist dir's cache/ (writeContentDatabase); build workers and servers open it
 * read-only (openContentDatabase); POST /api/revalidate brings it up to date in one transaction
 * (updateContentDatabase). An article is written again only when its file's bytes changed: rows
 * are keyed by the file's path relative to the content folder and its SHA-256, so a build moved
 * to another folder or machine starts from its database.
 *
 * The index holds Sastrawi stems, not the text: index and queries share lib/search/language.ts,
 * so `memasok`, `pasokan` and `dipasok` all meet at `pasok`. Drafts are never indexed; scheduled
 * stories are, and search filters them by time when it is asked.
 */

/** Identifies a Warta content database (PRAGMA application_id). */
const APPLICATION_ID = 0x57617274; // "Wart"
/** Bump when the schema or what a row holds changes: an older database is then rebuilt. */
export const FORMAT = 2;

const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE tags (slug TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, story INTEGER NOT NULL DEFAULT 0, explainer TEXT);
  CREATE TABLE sections (slug TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, ord INTEGER NOT NULL);
  CREATE TABLE authors (slug TEXT PRIMARY KEY, name TEXT NOT NULL, bio TEXT NOT NULL);
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,          -- relative to the content folder: articles/slug.md
    hash TEXT NOT NULL,                 -- SHA-256 of the file
    slug TEXT NOT NULL UNIQUE,
    published_ms INTEGER NOT NULL,
    section TEXT NOT NULL,
    draft INTEGER NOT NULL,
    article TEXT NOT NULL,              -- the Article as JSON, without body and file
    read_also_lines TEXT NOT NULL,      -- JSON: line of each read-also link, for messages
    image_src TEXT,
    image_hash TEXT
  );
  -- Bodies apart, so reading every article's metadata never walks the bodies' pages.
  CREATE TABLE bodies (id INTEGER PRIMARY KEY, markdown TEXT NOT NULL);
  CREATE TABLE article_tags (tag TEXT NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (tag, article_id)) WITHOUT ROWID;
  -- Contentless: the stems are only ever matched, never shown (snippets come from the bodies).
  CREATE VIRTUAL TABLE search_index USING fts5(
    title, summary, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
  );
  CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_index, 'row');
`;

export type DatabaseProblem = 'missing' | 'old-format' | 'corrupt' | 'unwritable';

const DESCRIBED: Record<DatabaseProblem, string> = { missing: 'missing', 'old-format': 'of an older format', corrupt: 'damaged', unwritable: 'impossible to write' };

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

/** Bodies read on demand, by row. */
class DatabaseBody implements BodyRef {
  constructor(
    private readonly db: ContentDatabase,
    readonly id: number,
  ) {}

  text(): string {
    return this.db.body(this.id);
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
   * Every article and taxon, with the entries a later load reuses. `articlesFolder` is where
   * messages name article files from ("content/articles").
   */
  read(articlesFolder: string): { content: RawContent; entries: Map<string, LoadedEntry> } {
    const { tags, sections, authors, intern } = this.taxa();
    const entries = new Map<string, LoadedEntry>();
    const articles: Article[] = [];
    const rows = this.sqlite.prepare<[], [number, string, string, string, string, string | null, string | null]>('SELECT id, path, hash, article, read_also_lines, image_src, image_hash FROM articles').raw();
    for (const [id, file, hash, json, readAlso, imageSrc, imageHash] of rows.iterate()) {
      const { article, name } = this.completed(json, id, file, articlesFolder, intern);
      articles.push(article);
      entries.set(name, entryOf(id, hash, article, readAlso, imageSrc, imageHash));
    }
    return { content: { articles, tags, sections, authors }, entries };
  }

  /**
   * Every article and taxon, as a server needs them: articles by row for search, and the entries
   * a revalidation reuses read only when it first asks (building them for every article was a third
   * of the start). If another connection changed the database meanwhile (another instance's
   * revalidation), the entries are its rows as they are then, articles included, so that a hash
   * never vouches for an article it was not computed from.
   */
  readForServing(articlesFolder: string): { content: RawContent; byId: Map<number, Article>; entries: () => Map<string, LoadedEntry> } {
    const { tags, sections, authors, intern } = this.taxa();
    const byId = new Map<number, Article>();
    const articles: Article[] = [];
    for (const [id, file, json] of this.sqlite.prepare<[], [number, string, string]>('SELECT id, path, article FROM articles').raw().iterate()) {
      const { article } = this.completed(json, id, file, articlesFolder, intern);
      articles.push(article);
      byId.set(id, article);
    }
    const version = this.dataVersion();
    let entries: Map<string, LoadedEntry> | undefined;
    const readEntries = () => {
      if (this.dataVersion() !== version) return this.read(articlesFolder).entries;
      const found = new Map<string, LoadedEntry>();
      const rows = this.sqlite.prepare<[], [number, string, string, string, string | null, string | null]>('SELECT id, path, hash, read_also_lines, image_src, image_hash FROM articles').raw();
      for (const [id, file, hash, readAlso, imageSrc, imageHash] of rows.iterate()) {
        const article = byId.get(id);
        if (article) found.set(articleName(file), entryOf(id, hash, article, readAlso, imageSrc, imageHash));
      }
      return found;
    };
    return { content: { articles, tags, sections, authors }, byId, entries: () => (entries ??= readEntries()) };
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
    // JSON.parse makes a string per occurrence: every article would hold its own "ekonomi".
    const canonical = new Map<string, string>();
    for (const list of [tags, sections, authors]) for (const { slug } of list) canonical.set(slug, slug);
    return { tags, sections, authors, intern: (slug: string) => canonical.get(slug) ?? slug };
  }

  /**
   * An article from its row, completed in place: rows are read as arrays, since a row object and a
   * spread copy per article were most of the server's start and doubled the garbage to collect.
   */
  private completed(json: string, id: number, file: string, articlesFolder: string, intern: (slug: string) => string): { article: Article; name: string } {
    const article = JSON.parse(json) as Article;
    const name = articleName(file);
    article.file = articlesFolder + path.sep + name;
    article.section = intern(article.section);
    const { tags, authors } = article;
    for (let i = 0; i < tags.length; i++) tags[i] = intern(tags[i]!);
    for (let i = 0; i < authors.length; i++) authors[i] = intern(authors[i]!);
    article.body = new DatabaseBody(this, id);
    return { article, name };
  }

  close(): void {
    this.sqlite.close();
  }
}

/** An article file's name from its path in the database ("articles/slug.md"). */
const articleName = (file: string) => (file.startsWith('articles/') ? file.slice('articles/'.length) : path.basename(file));

function entryOf(id: number, hash: string, article: Article, readAlso: string, imageSrc: string | null, imageHash: string | null): LoadedEntry {
  const readAlsoLines = readAlso === '[]' ? [] : (JSON.parse(readAlso) as (number | null)[]).map((line) => line ?? undefined);
  return { id, hash, article, readAlsoLines, image: imageSrc !== null ? { src: imageSrc, hash: imageHash! } : undefined };
}

/** Articles by their row in content.db (search answers with rows). */
export function articlesById(entries: Map<string, LoadedEntry>): Map<number, Article> {
  const byId = new Map<number, Article>();
  for (const entry of entries.values()) if (entry.id !== undefined) byId.set(entry.id, entry.article);
  return byId;
}

/** Opens a content database, or says why it cannot be used. Never leaves a connection open on failure. */
export function openContentDatabase(file: string, { readonly = true } = {}): ContentDatabase {
  if (!fs.existsSync(file)) throw new ContentDatabaseError(file, 'missing', 'no such file');
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly, fileMustExist: true });
    const id = sqlite.pragma('application_id', { simple: true }) as number;
    const format = sqlite.pragma('user_version', { simple: true }) as number;
    if (id !== APPLICATION_ID || format !== FORMAT) {
      sqlite.close();
      throw new ContentDatabaseError(file, 'old-format', id === APPLICATION_ID ? `format ${format}, expected ${FORMAT}` : 'not a Warta content database');
    }
    sqlite.prepare('SELECT count(*) FROM articles').get();
    return new ContentDatabase(sqlite);
  } catch (error) {
    if (error instanceof ContentDatabaseError) throw error;
    if (sqlite?.open) sqlite.close();
    throw new ContentDatabaseError(file, 'corrupt', (error as Error).message);
  }
}

/** Where messages name article files from ("content/articles"), as the load names them. */
export function articlesFolder(options: Pick<LoadOptions, 'contentDir' | 'rootDir'>): string {
  return path.relative(options.rootDir ?? process.cwd(), path.join(options.contentDir, 'articles')) || path.join(options.contentDir, 'articles');
}

/** The text the index holds for a story: stems, space-separated. */
const indexed = (text: string) => stems(text).join(' ');

/**
 * Loads the content folder into `sqlite` (a transaction must be open): each changed or new
 * article file is written as it is read, unchanged ones stay as they are, and once every file is
 * read and nothing is wrong, rows of files that are gone are deleted and the taxa replaced. With
 * problems the caller discards the transaction (or the file).
 */
function syncInto(sqlite: Database.Database, reader: ContentDatabase, options: Omit<LoadOptions, 'keep'>): LoadResult {
  const ids = new Map(sqlite.prepare<[], [string, number]>('SELECT path, id FROM articles').raw().all());
  const deletions = ['DELETE FROM articles WHERE id = ?', 'DELETE FROM bodies WHERE id = ?', 'DELETE FROM article_tags WHERE article_id = ?', 'DELETE FROM search_index WHERE rowid = ?'].map((sql) => sqlite.prepare(sql));
  const remove = (id: number) => {
    for (const statement of deletions) statement.run(id);
  };
  const insertArticle = sqlite.prepare(
    'INSERT INTO articles (path, hash, slug, published_ms, section, draft, article, read_also_lines, image_src, image_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertBody = sqlite.prepare('INSERT INTO bodies (id, markdown) VALUES (?, ?)');
  const insertTag = sqlite.prepare('INSERT OR IGNORE INTO article_tags (tag, article_id) VALUES (?, ?)');
  const insertIndexed = sqlite.prepare('INSERT INTO search_index (rowid, title, summary, body) VALUES (?, ?, ?, ?)');
  const relative = (slug: string) => `articles/${slug}.md`;

  const keep = (entry: LoadedEntry, markdown: string): BodyRef => {
    const { article } = entry;
    const old = ids.get(relative(article.slug));
    if (old !== undefined) remove(old);
    const { body: _body, file: _file, ...stored } = article;
    const id = Number(
      insertArticle.run(
        relative(article.slug),
        entry.hash,
        article.slug,
        article.publishedMs,
        article.section,
        article.draft ? 1 : 0,
        JSON.stringify(stored),
        JSON.stringify(entry.readAlsoLines.map((line) => line ?? null)),
        entry.image?.src ?? null,
        entry.image?.hash ?? null,
      ).lastInsertRowid,
    );
    ids.set(relative(article.slug), id);
    entry.id = id;
    insertBody.run(id, markdown);
    for (const tag of article.tags) insertTag.run(tag, id);
    if (!article.draft) insertIndexed.run(id, indexed(article.title), indexed(article.summary), indexed(plainText(markdown)));
    return new DatabaseBody(reader, id);
  };

  const result = loadContent({ ...options, keep });
  if (result.problems.length > 0) return result;
  const kept = new Set([...result.entries.values()].map((entry) => relative(entry.article.slug)));
  for (const [file, id] of ids) if (!kept.has(file)) remove(id);
  const { tags, sections, authors } = result.content;
  sqlite.exec('DELETE FROM tags; DELETE FROM sections; DELETE FROM authors;');
  const tag = sqlite.prepare('INSERT INTO tags (slug, name, description, story, explainer) VALUES (?, ?, ?, ?, ?)');
  for (const t of tags) tag.run(t.slug, t.name, t.description, t.story ? 1 : 0, t.explainer ? JSON.stringify(t.explainer) : null);
  const section = sqlite.prepare('INSERT INTO sections (slug, name, description, ord) VALUES (?, ?, ?, ?)');
  for (const s of sections) section.run(s.slug, s.name, s.description, s.order);
  const author = sqlite.prepare('INSERT INTO authors (slug, name, bio) VALUES (?, ?, ?)');
  for (const a of authors) author.run(a.slug, a.name, a.bio);
  return result;
}

/**
 * Writes `file` from the content folder: into a temporary copy of the current database when it
 * is usable (only changed files are then written again), else into a new one, renamed over `file`
 * once complete, so no reader ever sees half a database. Nothing is written when the content has
 * problems. `build` names the build it is for (see lib/content/index.ts).
 */
export function writeContentDatabase(file: string, options: Omit<LoadOptions, 'keep' | 'previous'>, build = ''): LoadResult {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  let usable = false;
  try {
    openContentDatabase(file).close();
    usable = true;
  } catch {
    // Missing, older or damaged: start afresh.
  }
  if (usable) fs.copyFileSync(file, temporary);
  else fs.rmSync(temporary, { force: true });
  const sqlite = new Database(temporary);
  try {
    // A temporary file: a crash leaves nothing anyone reads, so no journal is needed.
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('synchronous = OFF');
    sqlite.pragma('cache_size = -262144');
    if (!usable) {
      sqlite.exec(SCHEMA);
      sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      sqlite.pragma(`user_version = ${FORMAT}`);
    }
    // Index in large batches without merging meanwhile (a third of the time of FTS5's defaults),
    // then merge once at the end if much was written.
    sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${64 << 20}); INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);`);
    sqlite.exec('BEGIN');
    const reader = new ContentDatabase(sqlite);
    const { entries } = reader.read(articlesFolder(options));
    const result = syncInto(sqlite, reader, { ...options, previous: { entries } });
    if (result.problems.length > 0) {
      sqlite.close();
      fs.rmSync(temporary, { force: true });
      return result;
    }
    sqlite.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('build', ?)").run(build);
    sqlite.exec("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4)");
    if ((result.content.articles.length - result.reused) * 10 > result.content.articles.length) sqlite.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
    sqlite.exec('COMMIT');
    sqlite.close();
    fs.renameSync(temporary, file);
    // What the content snapshot (format 3 and before) left in this folder is of no use any more.
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (name === 'snapshot.json' || name.startsWith('bodies-')) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
    return result;
  } catch (error) {
    if (sqlite.open) sqlite.close();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Brings `file` up to date with the content folder in one transaction (on-demand revalidation),
 * taking unchanged articles from `previous`. Readers keep the state before it until it commits;
 * with problems nothing changes.
 */
export function updateContentDatabase(file: string, options: Omit<LoadOptions, 'keep'>, reader: ContentDatabase): LoadResult {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec('BEGIN IMMEDIATE');
    const result = syncInto(sqlite, reader, options);
    sqlite.exec(result.problems.length > 0 ? 'ROLLBACK' : 'COMMIT');
    return result;
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
  }
}
