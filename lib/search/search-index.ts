import type Database from 'better-sqlite3';
import { STOP_WORDS, stem, words } from './language';

/**
 * The search index's tables in content.db and how stories are written into it: the content check
 * writes them with the rest of the database (lib/content/database-schema.ts, on either of its
 * threads, so this loads nothing more than ./language); lib/search/index.ts reads them.
 */

/** Part of content.db's schema (database-schema.ts): its FORMAT changes with this. */
export const SEARCH_SCHEMA = `
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
function addWords(sqlite: Database.Database, texts: string[] | undefined): void {
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
const WORDS_FROM_TEXTS = 3000;

/**
 * The text the index reads from a body: link targets, HTML tags and directive lines out (their
 * words are not the story's); the rest of Markdown's marks the tokenizer skips by itself.
 */
const indexableText = (markdown: string) => markdown.replace(/\]\([^)]*\)|<[^>]*>|^\s{0,3}:{2,}[A-Za-z].*$/gm, ' ');

/**
 * Writes stories into the index of `sqlite`, within its writer's transaction. `fresh`: a new
 * index, written in large batches without merging meanwhile (a third of the time of FTS5's
 * defaults) and merged once by finish.
 */
export function searchIndexWriter(sqlite: Database.Database, fresh: boolean) {
  if (fresh) sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${64 << 20}); INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);`);
  const insert = sqlite.prepare('INSERT INTO search_index (rowid, title, summary, body) VALUES (?, ?, ?, ?)');
  const remove = sqlite.prepare('DELETE FROM search_index WHERE rowid = ?');
  // The texts indexed now, for their words' stems; past a few thousand, the index's vocabulary is read instead.
  let texts: string[] | undefined = [];
  let written = 0;
  return {
    add(id: number, title: string, summary: string, markdown: string): void {
      const body = indexableText(markdown);
      insert.run(id, title, summary, body);
      written++;
      if (texts && texts.push(title, summary, body) > WORDS_FROM_TEXTS) texts = undefined;
    },
    remove: (id: number) => remove.run(id),
    /** Once all is written (`stories`: how many the database holds): merged if need be, new words' stems added. */
    finish(stories: number): void {
      // Merged once most of it was written now: a fresh index's segments would slow every search.
      if (fresh || written * 10 > stories) sqlite.exec("INSERT INTO search_index (search_index, rank) VALUES ('automerge', 4); INSERT INTO search_index (search_index) VALUES ('optimize');");
      addWords(sqlite, texts);
    },
  };
}
