import fs from 'node:fs';
import Database from 'better-sqlite3';
import { SEARCH_SCHEMA, searchIndexWriter } from '../search/search-index';

/**
 * content.db's tables and every write of the content check (ContentWriter): run by the thread
 * that checks the files (database.ts) or, for a new database, by a second one (index-thread.ts),
 * which must load nothing more than this.
 */

/** Identifies a Warta content database (PRAGMA application_id). */
export const APPLICATION_ID = 0x57617274; // "Wart"
/** Bump when the schema or what a row holds changes: an older database is then rebuilt. */
export const FORMAT = 4;

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
    tags TEXT NOT NULL,                 -- JSON: the tags' slugs, in the article's order
    authors TEXT NOT NULL,              -- JSON: the authors' slugs
    details TEXT NOT NULL,              -- JSON: the Article's other fields (ArticleDetails)
    read_also_lines TEXT NOT NULL,      -- JSON: line of each read-also link, for messages
    image_src TEXT,
    image_hash TEXT
  );
  -- Newest first with what a server reads of every story at start, so that read walks neither the
  -- rows' JSON nor a sort.
  CREATE INDEX articles_newest ON articles (published_ms DESC, slug, section, draft, tags, authors);
  -- Bodies apart, so reading every article's metadata never walks the bodies' pages.
  CREATE TABLE bodies (id INTEGER PRIMARY KEY, markdown TEXT NOT NULL);
  CREATE TABLE article_tags (tag TEXT NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (tag, article_id)) WITHOUT ROWID;
  ${SEARCH_SCHEMA}
`;

/** One story's rows, as the thread that reads its file builds them (syncInto in database.ts). */
export interface StoryRows {
  /** The articles row, column by column, its id first. */
  article: [id: number, path: string, hash: string, slug: string, publishedMs: number, section: string, draft: 0 | 1, tags: string, authors: string, details: string, readAlsoLines: string, imageSrc: string | null, imageHash: string | null];
  tags: string[];
  /** Headline and summary for the index; null for a draft, never indexed. */
  indexed: [title: string, summary: string] | null;
  markdown: string;
}

/** The rows of the tags, sections and authors, each row's columns in its table's order. */
export type TaxaRows = Record<'tags' | 'sections' | 'authors', unknown[][]>;

/**
 * Every write of the content check into content.db through `sqlite`, in one transaction (open
 * already): on the thread that checks the files (updates in place, writeContentDatabase), or on
 * the second thread of a new database, which is sent the same calls (WriterCall). Row ids are
 * given by the caller, so nothing waits for a write to learn one. `fresh`: a new database, indexed
 * without merging until finish (createContentDatabase).
 */
export function contentWriter(sqlite: Database.Database, fresh = false) {
  const insertArticle = sqlite.prepare(
    'INSERT INTO articles (id, path, hash, slug, published_ms, section, draft, tags, authors, details, read_also_lines, image_src, image_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertTag = sqlite.prepare('INSERT OR IGNORE INTO article_tags (tag, article_id) VALUES (?, ?)');
  const insertBody = sqlite.prepare('INSERT INTO bodies (id, markdown) VALUES (?, ?)');
  const deletions = ['DELETE FROM articles WHERE id = ?', 'DELETE FROM bodies WHERE id = ?', 'DELETE FROM article_tags WHERE article_id = ?'].map((sql) => sqlite.prepare(sql));
  const search = searchIndexWriter(sqlite, fresh);
  return {
    /** A story's rows, its body and, unless a draft, its text in the index (its id free: see remove). */
    story({ article, tags, indexed, markdown }: StoryRows): void {
      const id = article[0];
      insertArticle.run(article);
      for (const tag of tags) insertTag.run(tag, id);
      insertBody.run(id, markdown);
      if (indexed) search.add(id, indexed[0], indexed[1], markdown);
    },

    /** Every row of the story `id` (a file gone, or changed: written again under the same id). */
    remove(id: number): void {
      for (const statement of deletions) statement.run(id);
      search.remove(id);
    },

    /** The tags, sections and authors replaced, and the build (when given) noted. */
    taxa(rows: TaxaRows, build?: string): void {
      sqlite.exec('DELETE FROM tags; DELETE FROM sections; DELETE FROM authors;');
      const insert = (sql: string, table: unknown[][]) => {
        const statement = sqlite.prepare(sql);
        for (const row of table) statement.run(row);
      };
      insert('INSERT INTO tags (slug, name, description, story, explainer) VALUES (?, ?, ?, ?, ?)', rows.tags);
      insert('INSERT INTO sections (slug, name, description, ord) VALUES (?, ?, ?, ?)', rows.sections);
      insert('INSERT INTO authors (slug, name, bio) VALUES (?, ?, ?)', rows.authors);
      if (build !== undefined) sqlite.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('build', ?)").run(build);
    },

    /** Once all is written (`stories`: how many the database holds): the index merged if need be, new words' stems added, the transaction committed. */
    finish(stories: number): void {
      search.finish(stories);
      sqlite.exec('COMMIT');
    },

    close: () => sqlite.close(),
  };
}

export type ContentWriter = ReturnType<typeof contentWriter>;
/** What syncInto (database.ts) writes through: a ContentWriter, or the same calls sent to the second thread. */
export type Writer = Omit<ContentWriter, 'close'>;
/** A call of a Writer's, as sent to the second thread. */
export type WriterCall = { [M in keyof Writer]: [M, ...Parameters<Writer[M]>] }[keyof Writer];

/**
 * A new database in `file` (whatever was there removed), its writer's transaction begun, with the
 * settings of a file nobody reads until it is renamed into place.
 */
export function createContentDatabase(file: string): ContentWriter {
  fs.rmSync(file, { force: true });
  const sqlite = new Database(file);
  // A crash leaves nothing anyone reads, so no journal is needed.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.exec(SCHEMA);
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  sqlite.pragma(`user_version = ${FORMAT}`);
  sqlite.exec('BEGIN');
  return contentWriter(sqlite, true);
}
