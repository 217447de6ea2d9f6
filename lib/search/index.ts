import { create, insertMultiple, search as oramaSearch, type Orama } from '@orama/orama';
import type { Article, ContentStore } from '../content';
import { plainText } from '../content/markdown';
import { fold, stem, STOP_WORDS, stems, words } from './language';

import { MAX_QUERY_LENGTH } from './limits';

export { MAX_QUERY_LENGTH };
/** Headline counts most, then the summary, then the body. */
const BOOST = { title: 3, summary: 2, body: 1 } as const;

const schema = {
  slug: 'string',
  title: 'string',
  summary: 'string',
  body: 'string',
  section: 'enum',
  tags: 'enum[]',
  publishedMs: 'number',
} as const;

type SearchDb = Orama<typeof schema>;

export interface SearchQuery {
  q: string;
  section?: string;
  tag?: string;
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
  score: number;
  snippet: SnippetPart[];
}

export interface SearchResult {
  query: string;
  total: number;
  page: number;
  totalPages: number;
  hits: SearchHit[];
  /** Stories per section for the whole result set, for the filter links. */
  sections: Record<string, number>;
  /** The tags most common among the results, with counts, for the tag filter links. */
  tags: { slug: string; count: number }[];
  /** When nothing matched exactly: near spellings from the index, e.g. "pyongyang" for "pyonyang". */
  suggestions: string[];
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

/** Above this many stories, only the opening of each body is indexed. */
const LEAD_ONLY_ABOVE = 10_000;

export class SearchIndex {
  private constructor(
    private readonly db: SearchDb,
    private readonly content: ContentStore,
    private readonly vocabulary: Map<string, string>,
  ) {}

  /** Builds the index once from the store: every published article. */
  static async build(content: ContentStore): Promise<SearchIndex> {
    const db = create({
      schema,
      components: {
        tokenizer: {
          // Orama's own tokenizer splits and stems with our Indonesian rules.
          tokenize: (raw: string) => stems(raw),
          language: 'indonesian',
          normalizationCache: new Map(),
        },
      },
    }) as unknown as SearchDb;
    const vocabulary = new Map<string, string>();
    // Scheduled stories are indexed too and filtered by time at query, so they appear on time.
    // Archives past 10,000 stories index each body's opening (the lead carries the news) so the
    // index stays within memory and builds in seconds; smaller sites index whole bodies.
    const lead = content.candidates.length > LEAD_ONLY_ABOVE;
    const docs = content.candidates.map((article) => {
      const body = lead ? plainText(content.markdownLead(article, 1500)).slice(0, 600) : plainText(content.markdown(article));
      for (const word of words(`${article.title} ${article.summary}`)) {
        if (word.length > 3 && !STOP_WORDS.has(word) && !vocabulary.has(word)) vocabulary.set(word, stem(word));
      }
      return {
        slug: article.slug,
        title: article.title,
        summary: article.summary,
        body,
        section: article.section,
        tags: article.tags,
        publishedMs: article.publishedMs,
      };
    });
    await insertMultiple(db, docs, 500);
    return new SearchIndex(db, content, vocabulary);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const q = normaliseQuery(query.q);
    const empty: SearchResult = { query: q, total: 0, page: 1, totalPages: 1, hits: [], sections: {}, tags: [], suggestions: [] };
    if (stems(q).length === 0) return empty;

    const where: Record<string, unknown> = { publishedMs: { lte: Math.min(this.content.now(), Number.MAX_SAFE_INTEGER) } };
    if (query.section) where.section = { eq: query.section };
    if (query.tag) where.tags = { containsAll: [query.tag] };

    const run = (tolerance: number) =>
      oramaSearch(this.db, {
        term: q,
        properties: ['title', 'summary', 'body'],
        boost: BOOST,
        tolerance,
        threshold: 0,
        where: where as never,
        limit: 1000,
        facets: { section: {}, tags: { limit: 8, sort: 'DESC' } },
      } as never) as unknown as Promise<{
        count: number;
        hits: { score: number; document: { slug: string; body: string; publishedMs: number } }[];
        facets?: { section?: { values: Record<string, number> }; tags?: { values: Record<string, number> } };
      }>;

    const result = await run(0);
    const suggestions = result.count === 0 ? this.suggest(q) : [];

    // Score first; equal scores (rounded, as BM25 floats differ in the last digits) go to the newer story.
    const ranked = result.hits
      .map((hit) => ({ hit, article: this.content.article(hit.document.slug) }))
      .filter((x): x is { hit: (typeof result.hits)[number]; article: Article } => x.article !== undefined)
      .sort((a, b) => Number(b.hit.score.toFixed(6)) - Number(a.hit.score.toFixed(6)) || b.article.publishedMs - a.article.publishedMs);

    const totalPages = Math.max(1, Math.ceil(ranked.length / query.pageSize));
    const page = Math.min(Math.max(1, Math.floor(query.page) || 1), totalPages);
    const queryStems = new Set(stems(q));
    const hits = ranked.slice((page - 1) * query.pageSize, page * query.pageSize).map(({ hit, article }) => ({
      article,
      score: hit.score,
      snippet: snippet(`${article.summary}\n${hit.document.body}`, queryStems),
    }));
    return {
      query: q,
      total: ranked.length,
      page,
      totalPages,
      hits,
      sections: result.facets?.section?.values ?? {},
      tags: Object.entries(result.facets?.tags?.values ?? {})
        .map(([slug, count]) => ({ slug, count }))
        .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug))
        .slice(0, 8),
      suggestions,
    };
  }

  /** Index words within two edits of each unknown query word (the spelling hints). */
  private suggest(q: string): string[] {
    const out: string[] = [];
    const known = new Set(this.vocabulary.values());
    const suggestion = words(q).map((word) => {
      if (STOP_WORDS.has(word) || known.has(stem(word))) return word;
      let best: string | undefined;
      let bestDistance = 3;
      for (const candidate of this.vocabulary.keys()) {
        if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
        const d = levenshtein(word, candidate, bestDistance);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
      return best ?? word;
    });
    const text = suggestion.join(' ');
    if (text !== words(q).join(' ')) out.push(text);
    return out;
  }
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

let index: { content: ContentStore; index: Promise<SearchIndex> } | undefined;

/** The site's search index, built once per server process on first use (and after a content reload). */
export function getSearchIndex(content: ContentStore): Promise<SearchIndex> {
  if (index?.content !== content) index = { content, index: SearchIndex.build(content) };
  return index.index;
}
