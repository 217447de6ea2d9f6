import type Database from 'better-sqlite3';
import { STOP_WORDS, stem, words } from '../search/language';

/**
 * content.db's tables and how its full-text index is written: shared by the thread that checks
 * the files (database.ts) and the one that indexes them (index-thread.ts), which must load
 * nothing more than this.
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
  -- Contentless: the words are only ever matched, never shown (snippets come from the bodies).
  CREATE VIRTUAL TABLE search_index USING fts5(
    title, summary, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_index, 'row');
  -- Every indexed word (stop words apart) with its stem: a query word stands for all its stem's words.
  CREATE TABLE search_words (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX search_words_by_stem ON search_words (stem);
`;

/**
 * Adds to search_words the words of `texts` it lacks, each with its stem; with `texts` undefined,
 * every word of the index (a full scan of its vocabulary: for a new or much changed index).
 */
export function addWords(sqlite: Database.Database, texts: string[] | undefined): void {
  const known = sqlite.prepare<[string], number>('SELECT 1 FROM search_words WHERE word = ?').pluck();
  const insert = sqlite.prepare('INSERT INTO search_words (word, stem) VALUES (?, ?)');
  const add = (word: string) => {
    if (!STOP_WORDS.has(word) && known.get(word) === undefined) insert.run(word, stem(word));
  };
  if (texts === undefined) {
    for (const word of sqlite.prepare<[], string>('SELECT term FROM search_vocabulary WHERE term NOT IN (SELECT word FROM search_words)').pluck().all()) add(word);
    return;
  }
  const seen = new Set<string>();
  for (const text of texts) for (const word of words(text)) seen.add(word);
  for (const word of seen) add(word);
}

/** Texts (3 per story) past which new words are found in the index's vocabulary rather than in the texts. */
export const WORDS_FROM_TEXTS = 3000;

/** A new database's tables, and the settings of a file nobody reads until it is renamed into place. */
export function createDatabase(sqlite: Database.Database): void {
  // A crash leaves nothing anyone reads, so no journal is needed.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.exec(SCHEMA);
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  sqlite.pragma(`user_version = ${FORMAT}`);
}

/**
 * Index in large batches without merging meanwhile (a third of the time of FTS5's defaults);
 * `finishIndexing` merges once at the end if much was written.
 */
export function startIndexing(sqlite: Database.Database): void {
  sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${64 << 20}); INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);`);
}

export function finishIndexing(sqlite: Database.Database, optimize: boolean): void {
  sqlite.exec("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4)");
  if (optimize) sqlite.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
}

/**
 * The text the index reads from a body: link targets, HTML tags and directive lines out (their
 * words are not the story's); the rest of Markdown's marks the tokenizer skips by itself.
 */
export const indexableText = (markdown: string) => markdown.replace(/\]\([^)]*\)|<[^>]*>|^\s{0,3}:{2,}[A-Za-z].*$/gm, ' ');

