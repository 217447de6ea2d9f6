import type { Article, ContentStore } from '../content';
import type { ContentDatabase } from '../content/database';
import { plainText } from '../content/markdown';
import { fold, stem, STOP_WORDS, stems, words } from './language';
import { MAX_QUERY_LENGTH } from './limits';

export { MAX_QUERY_LENGTH };

/** BM25 weights of the index's columns: the headline counts most, then the summary, then the body. */
const WEIGHTS = { title: 4, summary: 2, body: 1 } as const;
/** Tags offered as filters: the most common among the results. */
const TAG_FACETS = 8;

export type SearchSort = 'relevance' | 'newest';

export interface SearchQuery {
  q: string;
  section?: string;
  tag?: string;
  /** Only stories published in this year (Jakarta time). */
  year?: number;
  sort?: SearchSort;
  page: number;
  pageSize: number;
}

/** A piece of a snippet; matched words are marked for highlighting. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  article: Article;
  snippet: SnippetPart[];
}

export interface SearchResult {
  query: string;
  sort: SearchSort;
  /** Every matching story, exactly. */
  total: number;
  page: number;
  totalPages: number;
  hits: SearchHit[];
  /** Stories per section among the results (whatever the section filter), for the filter links. */
  sections: Record<string, number>;
  /** The tags most common among the results, with counts, for the tag filter links. */
  tags: { slug: string; count: number }[];
  /** Stories per year among the results (whatever the year filter), newest year first. */
  years: { year: number; count: number }[];
  /** When nothing matched: near spellings from the index, e.g. "pyongyang" for "pyonyang". */
  suggestions: string[];
}

/** What search runs on (lib/content getSearchSource): the public store and content.db. */
export interface SearchSource {
  content: ContentStore;
  database: ContentDatabase;
  byId: Map<number, Article>;
}

/** Cleans a raw query: first value only, bounded length, control characters removed. */
export function normaliseQuery(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return '';
  return value
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .slice(0, MAX_QUERY_LENGTH)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The query as FTS5 syntax, built from stems only, or null when it has none. Words are stemmed
 * and folded as the index was (letters and digits only); each is quoted, and a "quoted phrase"
 * becomes one quoted FTS5 phrase. Nothing the reader typed reaches FTS5 as syntax: operators
 * (AND, OR, NOT, NEAR), *, ^, :, parentheses and stray quotes are only ever separators or words.
 */
export function matchExpression(q: string): string | null {
  const terms = new Set<string>();
  // Text between pairs of quotes is a phrase; an unpaired quote is ignored.
  q.split('"').forEach((part, i, parts) => {
    const phrase = i % 2 === 1 && i < parts.length - 1;
    const partStems = stems(part);
    if (phrase && partStems.length > 0) terms.add(`"${partStems.join(' ')}"`);
    else for (const s of partStems) terms.add(`"${s}"`);
  });
  return terms.size > 0 ? [...terms].join(' ') : null;
}

/** Year of a story in the site's time zone (Asia/Jakarta, UTC+7 all year). */
export const yearOf = (article: Article) => new Date(article.publishedMs + 7 * 3_600_000).getUTCFullYear();

const statements = new WeakMap<ContentDatabase, { ranked: (match: string) => [number, number][]; matching: (match: string) => number[] }>();

/** The index's queries on this database: every match with its BM25 score, or just the rows. */
function queries(database: ContentDatabase) {
  let prepared = statements.get(database);
  if (!prepared) {
    const { title, summary, body } = WEIGHTS;
    const ranked = database.sqlite.prepare<[string], [number, number]>(`SELECT rowid, bm25(search_index, ${title}, ${summary}, ${body}) FROM search_index WHERE search_index MATCH ?`).raw();
    const matching = database.sqlite.prepare<[string], number>('SELECT rowid FROM search_index WHERE search_index MATCH ?').pluck();
    prepared = { ranked: (match) => ranked.all(match), matching: (match) => matching.all(match) };
    statements.set(database, prepared);
  }
  return prepared;
}

/**
 * Searches whole stories. Every match comes from one FTS5 query (with BM25 scores when ranked by
 * relevance); filters, exact counts and facets are worked out over those rows from the store in
 * memory, where the clock hides scheduled stories. Lower BM25 is better; equal scores go to the
 * newer story.
 */
export function search(source: SearchSource, query: SearchQuery): SearchResult {
  const q = normaliseQuery(query.q);
  const sort: SearchSort = query.sort === 'newest' ? 'newest' : 'relevance';
  const result: SearchResult = { query: q, sort, total: 0, page: 1, totalPages: 1, hits: [], sections: {}, tags: [], years: [], suggestions: [] };
  const match = matchExpression(q);
  if (!match) return result;

  const { content, database, byId } = source;
  const now = content.now();
  const rows: [number, number][] = sort === 'relevance' ? queries(database).ranked(match) : queries(database).matching(match).map((id) => [id, 0]);
  const sections = new Map<string, number>();
  const years = new Map<number, number>();
  const tags = new Map<string, number>();
  const found: { article: Article; score: number }[] = [];
  for (const [id, score] of rows) {
    const article = byId.get(id);
    if (!article || article.draft || article.publishedMs > now) continue;
    if (query.tag && !article.tags.includes(query.tag)) continue;
    const year = yearOf(article);
    const inYear = query.year === undefined || year === query.year;
    const inSection = query.section === undefined || article.section === query.section;
    // Each facet counts the results as filtered by everything but itself.
    if (inYear) sections.set(article.section, (sections.get(article.section) ?? 0) + 1);
    if (inSection) years.set(year, (years.get(year) ?? 0) + 1);
    if (!inYear || !inSection) continue;
    for (const tag of article.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    found.push({ article, score });
  }
  found.sort((a, b) => (sort === 'relevance' ? a.score - b.score : 0) || b.article.publishedMs - a.article.publishedMs || a.article.slug.localeCompare(b.article.slug));

  result.total = found.length;
  result.totalPages = Math.max(1, Math.ceil(found.length / query.pageSize));
  result.page = Math.min(Math.max(1, Math.floor(query.page) || 1), result.totalPages);
  const queryStems = new Set(stems(q));
  result.hits = found.slice((result.page - 1) * query.pageSize, result.page * query.pageSize).map(({ article }) => ({
    article,
    snippet: snippet(`${article.summary}\n${plainText(content.markdown(article))}`, queryStems),
  }));
  result.sections = Object.fromEntries(sections);
  result.years = [...years].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
  result.tags = [...tags]
    .map(([slug, count]) => ({ slug, count }))
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug))
    .slice(0, TAG_FACETS);
  if (rows.length === 0) result.suggestions = suggest(database, q);
  return result;
}

/**
 * Spelling hints from the index's own vocabulary (fts5vocab): for each query word whose stem is
 * not in the index, the indexed stem within two edits that starts with the same letter, the most
 * common one on a tie. Only the terms under that letter are read, never the whole vocabulary.
 */
function suggest(database: ContentDatabase, q: string): string[] {
  const known = database.sqlite.prepare<[string], number>('SELECT doc FROM search_vocabulary WHERE term = ?').pluck();
  const near = database.sqlite.prepare<[string, string], [string, number]>('SELECT term, doc FROM search_vocabulary WHERE term >= ? AND term < ?').raw();
  let changed = false;
  const suggestion = words(q).map((word) => {
    if (STOP_WORDS.has(word) || known.get(stem(word)) !== undefined) return word;
    const first = word[0]!;
    let best: string | undefined;
    let bestDistance = 2;
    let bestDocs = 0;
    for (const [term, docs] of near.iterate(first, String.fromCodePoint(first.codePointAt(0)! + 1))) {
      if (Math.abs(term.length - word.length) > bestDistance) continue;
      const d = levenshtein(word, term, bestDistance + 1);
      if (d < bestDistance || (d === bestDistance && docs > bestDocs)) {
        best = term;
        bestDistance = d;
        bestDocs = docs;
      }
    }
    if (best === undefined) return word;
    changed = true;
    return best;
  });
  return changed ? [suggestion.join(' ')] : [];
}

/** Edit distance, giving up (returning `limit`) once it cannot be below `limit`. */
export function levenshtein(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length]!;
}

const SNIPPET_WORDS = 32;

/**
 * The passage of `text` (about 32 words) with the most query words, split into parts so the
 * page can mark matches with <mark> — text stays text, never HTML.
 */
export function snippet(text: string, queryStems: Set<string>): SnippetPart[] {
  const tokens = text.split(/(\s+)/).filter((t) => t.length > 0 && !/^\s+$/.test(t));
  const isMatch = tokens.map((token) => {
    const core = fold(token).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return core.length > 0 && queryStems.has(stem(core));
  });
  let bestStart = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (isMatch[i]) count++;
    if (i >= SNIPPET_WORDS && isMatch[i - SNIPPET_WORDS]) count--;
    const start = Math.max(0, i - SNIPPET_WORDS + 1);
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  // Centre the window on its matches, so a match is not left at the very edge.
  const inWindow = isMatch.map((m, i) => (m && i >= bestStart && i < bestStart + SNIPPET_WORDS ? i : -1)).filter((i) => i >= 0);
  if (inWindow.length > 0) {
    const middle = Math.floor((inWindow[0]! + inWindow.at(-1)!) / 2);
    bestStart = Math.max(0, Math.min(tokens.length - SNIPPET_WORDS, middle - Math.floor(SNIPPET_WORDS / 2)));
  }
  const end = Math.min(tokens.length, bestStart + SNIPPET_WORDS);
  const parts: SnippetPart[] = [];
  if (bestStart > 0) parts.push({ text: '… ', match: false });
  for (let i = bestStart; i < end; i++) {
    const word = tokens[i]!;
    const spaced = i < end - 1 ? `${word} ` : word;
    if (isMatch[i]) {
      parts.push({ text: word, match: true });
      if (i < end - 1) parts.push({ text: ' ', match: false });
    } else {
      const last = parts.at(-1);
      if (last && !last.match) last.text += spaced;
      else parts.push({ text: spaced, match: false });
    }
  }
  if (end < tokens.length) parts.push({ text: ' …', match: false });
  return parts;
}
