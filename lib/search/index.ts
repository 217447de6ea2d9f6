import type { Article, ContentStore } from '../content';
import type { ContentDatabase } from '../content/database';
import { plainText } from '../content/markdown';
import { stem, STOP_WORDS, words } from './language';
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

/** Most indexed words a query word stands for (the commonest spellings of a stem are few). */
const MAX_VARIANTS = 64;

/** A query word and the indexed spellings of its stem `root`: what it matches and what snippets mark. */
const spellingsOf = (word: string, root: string, variants: (stem: string) => string[]) => new Set([word, ...variants(root).slice(0, MAX_VARIANTS)]);

/**
 * The query as FTS5 syntax, or null when it has no word to look for. Each word outside quotes
 * stands for every indexed word of its stem (`variants`, from content.db's search_words) and
 * itself, as a group of quoted alternatives; words are folded as the index folds them (letters
 * and digits only), stop words dropped. A "quoted phrase" asks for exactly those words in that
 * order, stop words included; groups are joined with AND. Nothing the reader typed reaches FTS5
 * as syntax: operators (AND, OR, NOT, NEAR), *, ^, :, parentheses and stray quotes are only ever
 * separators or words.
 */
export function matchExpression(q: string, variants: (stem: string) => string[] = () => []): string | null {
  const groups = new Map<string, string>();
  // Text between pairs of quotes is a phrase; an unpaired quote is ignored.
  q.split('"').forEach((part, i, parts) => {
    if (i % 2 === 1 && i < parts.length - 1) {
      const phrase = words(part);
      if (phrase.length > 0) groups.set(`"${phrase.join(' ')}"`, `"${phrase.join(' ')}"`);
      return;
    }
    for (const word of words(part)) {
      if (STOP_WORDS.has(word)) continue;
      const root = stem(word);
      if (groups.has(root)) continue;
      const quoted = [...spellingsOf(word, root, variants)].map((w) => `"${w}"`);
      groups.set(root, quoted.length === 1 ? quoted[0]! : `(${quoted.join(' OR ')})`);
    }
  });
  return groups.size > 0 ? [...groups.values()].join(' AND ') : null;
}

const DAY_MS = 86_400_000;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;
// Per day: stories share days, and a server's Date goes through Next.js's patched constructor.
const yearOfDay = new Map<number, number>();

/** Year of a story in the site's time zone (Asia/Jakarta, UTC+7 all year). */
export function yearOf(article: Article): number {
  const day = Math.floor((article.publishedMs + JAKARTA_OFFSET_MS) / DAY_MS);
  let year = yearOfDay.get(day);
  if (year === undefined) yearOfDay.set(day, (year = new Date(day * DAY_MS).getUTCFullYear()));
  return year;
}

/**
 * What filters and facets read per matching row, as arrays indexed by the row's id: a search
 * that matches every story walks 100,000 rows, and a lookup per row in maps of objects, strings
 * and dates cost more than the FTS5 query itself. Built once per content load.
 */
interface Columns {
  articles: (Article | undefined)[];
  /** publishedMs, NaN for rows that are not public stories. */
  published: Float64Array;
  year: Uint16Array;
  section: Uint16Array;
  sections: string[];
  /** Row id's tags are tagList[tagStart[id] … tagStart[id + 1]], as indexes into `tags`. */
  tagStart: Int32Array;
  tagList: Int32Array;
  tags: string[];
}

const columnsOf = new WeakMap<Map<number, Article>, Columns>();

function columns(byId: Map<number, Article>): Columns {
  let built = columnsOf.get(byId);
  if (built) return built;
  let size = 1;
  for (const id of byId.keys()) size = Math.max(size, id + 1);
  const articles: (Article | undefined)[] = new Array(size);
  const published = new Float64Array(size).fill(Number.NaN);
  const year = new Uint16Array(size);
  const section = new Uint16Array(size);
  const tagStart = new Int32Array(size + 1);
  const index = (list: string[], map: Map<string, number>, slug: string) => {
    let i = map.get(slug);
    if (i === undefined) map.set(slug, (i = list.push(slug) - 1));
    return i;
  };
  const sections: string[] = [];
  const sectionIndex = new Map<string, number>();
  const tags: string[] = [];
  const tagIndex = new Map<string, number>();
  const tagList: number[] = [];
  for (let id = 0; id < size; id++) {
    tagStart[id] = tagList.length;
    const article = byId.get(id);
    if (!article || article.draft) continue;
    articles[id] = article;
    published[id] = article.publishedMs;
    year[id] = yearOf(article);
    section[id] = index(sections, sectionIndex, article.section);
    for (const tag of article.tags) tagList.push(index(tags, tagIndex, tag));
  }
  tagStart[size] = tagList.length;
  built = { articles, published, year, section, sections, tagStart, tagList: Int32Array.from(tagList), tags };
  columnsOf.set(byId, built);
  return built;
}

interface Queries {
  ranked: (match: string) => [number, number][];
  /** The `limit` best-scored matches, best first. */
  best: (match: string, limit: number) => [number, number][];
  matching: (match: string) => number[];
  /** The indexed words of a stem. */
  variants: (stem: string) => string[];
}

const statements = new WeakMap<ContentDatabase, Queries>();

/** The index's queries on this database: every match with its BM25 score, or just the rows. */
function queries(database: ContentDatabase) {
  let prepared = statements.get(database);
  if (!prepared) {
    const { title, summary, body } = WEIGHTS;
    const ranked = database.sqlite.prepare<[string], [number, number]>(`SELECT rowid, bm25(search_index, ${title}, ${summary}, ${body}) FROM search_index WHERE search_index MATCH ?`).raw();
    const best = database.sqlite.prepare<[string, number], [number, number]>(`SELECT rowid, bm25(search_index, ${title}, ${summary}, ${body}) AS score FROM search_index WHERE search_index MATCH ? ORDER BY score LIMIT ?`).raw();
    const matching = database.sqlite.prepare<[string], number>('SELECT rowid FROM search_index WHERE search_index MATCH ?').pluck();
    const variants = database.sqlite.prepare<[string], string>('SELECT word FROM search_words WHERE stem = ? ORDER BY word').pluck();
    prepared = { ranked: (match) => ranked.all(match), best: (match, limit) => best.all(match, limit), matching: (match) => matching.all(match), variants: (stem) => variants.all(stem) };
    statements.set(database, prepared);
  }
  return prepared;
}

/**
 * Each match's score, by row (lower is better; 0 for none). Stories with the query's words
 * exactly as typed are scored by BM25 over those words; stories with only other spellings of
 * their stems keep 0 and follow, newest first. Scoring every spelling instead would let a rare
 * one (`persenjataan` for `senjata`) outweigh the word itself: each spelling counts as a term of
 * its own, and a rarer term weighs more.
 *
 * Without a section, tag or year filter only the best `wanted` rows (and as many more as there
 * are scheduled stories, which the clock may hide) are scored: SQLite keeps the best while it
 * scores, where handing every row of a word found in every story to JavaScript cost several
 * times the scoring itself. Equal scores (the same text twice) are ordered by date, so TIE_MARGIN
 * more rows are kept, and every row is scored when even they all tie with the last one needed.
 */
function scores(database: ContentDatabase, q: string, c: Columns, wanted: number | undefined, now: number): Float64Array {
  const scored = new Float64Array(c.published.length);
  const typed = matchExpression(q);
  if (typed === null) return scored;
  let rows: [number, number][];
  if (wanted === undefined) {
    rows = queries(database).ranked(typed);
  } else {
    let scheduled = 0;
    for (const published of c.published) if (published > now) scheduled++;
    const needed = wanted + scheduled;
    rows = queries(database).best(typed, needed + TIE_MARGIN);
    // Equal scores past the margin too: the dates must decide among all of them.
    if (rows.length === needed + TIE_MARGIN && rows.at(-1)![1] === rows[needed - 1]![1]) rows = queries(database).ranked(typed);
  }
  for (const [id, score] of rows) scored[id] = score;
  return scored;
}

const TIE_MARGIN = 20;

/**
 * The best `limit` of the rows offered, best first: a sorted list kept at that length, since a
 * page needs the top tens of rows of up to 100,000 (sorting them all cost more than the query).
 * Far pages keep every row and sort once.
 */
class Best {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  private readonly all: boolean;

  constructor(
    private readonly limit: number,
    private readonly before: (a: number, aScore: number, b: number, bScore: number) => boolean,
  ) {
    this.all = limit > 1000;
  }

  offer(id: number, score: number): void {
    const { ids, scores } = this;
    if (this.all) {
      ids.push(id);
      scores.push(score);
      return;
    }
    const n = ids.length;
    if (n === this.limit && !this.before(id, score, ids[n - 1]!, scores[n - 1]!)) return;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.before(id, score, ids[mid]!, scores[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    ids.splice(lo, 0, id);
    scores.splice(lo, 0, score);
    if (ids.length > this.limit) {
      ids.pop();
      scores.pop();
    }
  }

  /** The rows kept, best first. */
  sorted(): number[] {
    if (!this.all) return this.ids;
    const order = this.ids.map((_, i) => i);
    order.sort((a, b) => (this.before(this.ids[a]!, this.scores[a]!, this.ids[b]!, this.scores[b]!) ? -1 : this.before(this.ids[b]!, this.scores[b]!, this.ids[a]!, this.scores[a]!) ? 1 : 0));
    return order.map((i) => this.ids[i]!);
  }
}

/** Recent results per content load (a search for a news story is asked again and again). */
const recent = new WeakMap<Map<number, Article>, Map<string, SearchResult>>();
const RECENT_RESULTS = 256;

/**
 * Search results, kept for the most recent RECENT_RESULTS searches until the content changes or
 * a scheduled story comes out (both change what any search may find).
 */
export function search(source: SearchSource, query: SearchQuery): SearchResult {
  const key = JSON.stringify([normaliseQuery(query.q), query.sort, query.section, query.tag, query.year, query.page, query.pageSize, source.content.publishedCount()]);
  let results = recent.get(source.byId);
  if (!results) recent.set(source.byId, (results = new Map()));
  let result = results.get(key);
  if (result) {
    results.delete(key);
  } else {
    result = searchNow(source, query);
    if (results.size >= RECENT_RESULTS) results.delete(results.keys().next().value!);
  }
  results.set(key, result);
  return result;
}

/**
 * Searches whole stories. Every match comes from one FTS5 query (with BM25 scores when ranked by
 * relevance); filters, exact counts and facets are worked out over those rows in memory, where
 * the site clock hides scheduled stories. Lower BM25 is better; equal scores go to the newer story.
 */
function searchNow(source: SearchSource, query: SearchQuery): SearchResult {
  const q = normaliseQuery(query.q);
  const sort: SearchSort = query.sort === 'newest' ? 'newest' : 'relevance';
  const result: SearchResult = { query: q, sort, total: 0, page: 1, totalPages: 1, hits: [], sections: {}, tags: [], years: [], suggestions: [] };
  const { content, database } = source;
  const match = matchExpression(q, queries(database).variants);
  if (!match) return result;

  const c = columns(source.byId);
  const now = content.now();
  const rows = queries(database).matching(match);
  const sectionFilter = query.section === undefined ? -1 : c.sections.indexOf(query.section);
  const tagFilter = query.tag === undefined ? -1 : c.tags.indexOf(query.tag);
  if ((query.section !== undefined && sectionFilter < 0) || (query.tag !== undefined && tagFilter < 0)) {
    if (rows.length === 0) result.suggestions = suggest(database, q);
    return result;
  }
  const sectionCounts = new Int32Array(c.sections.length);
  const tagCounts = new Int32Array(c.tags.length);
  const years = new Map<number, number>();
  const { published, articles } = c;
  const slugBefore = (a: number, b: number) => articles[a]!.slug < articles[b]!.slug;
  const newer = (a: number, b: number) => published[a]! > published[b]! || (published[a] === published[b] && slugBefore(a, b));
  const pageSize = Math.max(1, query.pageSize);
  // A page past the last shows the last one, so never more rows than there are matches.
  const wanted = Math.min(Math.max(1, Math.floor(query.page) || 1), Math.max(1, Math.ceil(rows.length / pageSize)));
  const unfiltered = query.section === undefined && query.tag === undefined && query.year === undefined;
  const score = sort === 'relevance' ? scores(database, q, c, unfiltered ? wanted * pageSize : undefined, now) : undefined;
  // Enough of the best rows for the page asked for.
  const best = new Best(wanted * pageSize, sort === 'relevance' ? (a, as, b, bs) => as < bs || (as === bs && newer(a, b)) : (a, _as, b) => newer(a, b));
  let total = 0;
  for (const id of rows) {
    if (!(published[id]! <= now)) continue;
    if (tagFilter >= 0) {
      let tagged = false;
      for (let t = c.tagStart[id]!; t < c.tagStart[id + 1]! && !tagged; t++) tagged = c.tagList[t] === tagFilter;
      if (!tagged) continue;
    }
    const year = c.year[id]!;
    const inYear = query.year === undefined || year === query.year;
    const inSection = sectionFilter < 0 || c.section[id] === sectionFilter;
    // Each facet counts the results as filtered by everything but itself.
    if (inYear) sectionCounts[c.section[id]!]!++;
    if (inSection) years.set(year, (years.get(year) ?? 0) + 1);
    if (!inYear || !inSection) continue;
    for (let t = c.tagStart[id]!; t < c.tagStart[id + 1]!; t++) tagCounts[c.tagList[t]!]!++;
    total++;
    best.offer(id, score?.[id] ?? 0);
  }

  result.total = total;
  result.totalPages = Math.max(1, Math.ceil(total / pageSize));
  result.page = Math.min(wanted, result.totalPages);
  const marked = spellings(q, queries(database).variants);
  result.hits = best.sorted().slice((result.page - 1) * pageSize, result.page * pageSize).map((id) => {
    const article = articles[id]!;
    return { article, snippet: snippet(`${article.summary}\n${plainText(content.markdown(article))}`, marked) };
  });
  c.sections.forEach((slug, i) => {
    if (sectionCounts[i]! > 0) result.sections[slug] = sectionCounts[i]!;
  });
  result.years = [...years].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
  result.tags = c.tags
    .map((slug, i) => ({ slug, count: tagCounts[i]! }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug))
    .slice(0, TAG_FACETS);
  if (rows.length === 0) result.suggestions = suggest(database, q);
  return result;
}

/**
 * Spelling hints from the index's own vocabulary (fts5vocab): for each query word that is not in
 * the index, nor any word of its stem, the indexed word within two edits that starts with the same two letters, the
 * most common one on a tie. fts5vocab counts each term's documents as it lists it, so only the
 * terms under that prefix are read, never the whole vocabulary.
 */
function suggest(database: ContentDatabase, q: string): string[] {
  const known = database.sqlite.prepare<[string, string], number>('SELECT 1 FROM search_words WHERE word = ? OR stem = ? LIMIT 1').pluck();
  const near = database.sqlite.prepare<[string, string], [string, number]>('SELECT term, doc FROM search_vocabulary WHERE term >= ? AND term < ?').raw();
  let changed = false;
  const suggestion = words(q).map((word) => {
    if (STOP_WORDS.has(word) || known.get(word, stem(word)) !== undefined) return word;
    const prefix = word.slice(0, 2);
    let best: string | undefined;
    let bestDistance = 2;
    let bestDocs = 0;
    const last = prefix.codePointAt(prefix.length - 1)!;
    const after = prefix.slice(0, prefix.length - (last > 0xffff ? 2 : 1)) + String.fromCodePoint(last + 1);
    for (const [term, docs] of near.iterate(prefix, after)) {
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
 * The words a snippet marks: each query word (stop words apart) with every indexed spelling of
 * its stem, so a snippet needs no stemming of its own (a search's ten bodies hold thousands of
 * words, each new one a Sastrawi run).
 */
export function spellings(q: string, variants: (stem: string) => string[] = () => []): Set<string> {
  const marked = new Set<string>();
  for (const word of words(q)) {
    if (STOP_WORDS.has(word) || marked.has(word)) continue;
    for (const spelling of spellingsOf(word, stem(word), variants)) marked.add(spelling);
  }
  return marked;
}

/**
 * The passage of `text` (about 32 words) with the most of the `marked` words (see spellings),
 * split into parts so the page can mark matches with <mark> — text stays text, never HTML.
 */
export function snippet(text: string, marked: Set<string>): SnippetPart[] {
  const tokens = text.split(/(\s+)/).filter((t) => t.length > 0 && !/^\s+$/.test(t));
  // A token matches when one of its words does ("Korea-Utara," holds two).
  const isMatch = tokens.map((token) => words(token).some((word) => marked.has(word)));
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
