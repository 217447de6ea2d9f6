import path from 'node:path';
import type { Article, BodyRef } from './types';

/**
 * An article's fields that content.db keeps as JSON (`details`). The others have columns of their
 * own, since every story's are read at start: the store's lists, search's filters and the schedule
 * read them over all stories, and pages read these of a few stories only.
 */
export type ArticleDetails = Pick<Article, 'title' | 'summary' | 'publishedAt' | 'updatedAt' | 'source' | 'dateline' | 'image' | 'corrections' | 'readAlso' | 'bodyLineOffset'>;

/** The details' names; `satisfies` makes the compiler check that the list is complete. */
const DETAILS = Object.keys({
  title: 0, summary: 0, publishedAt: 0, updatedAt: 0, source: 0, dateline: 0, image: 0, corrections: 0, readAlso: 0, bodyLineOffset: 0,
} satisfies Record<keyof ArticleDetails, 0>) as (keyof ArticleDetails)[];

/** The details of an article, as content.db stores them. */
export function detailsOf(a: Article): ArticleDetails {
  return Object.fromEntries(DETAILS.map((key) => [key, a[key]])) as ArticleDetails;
}

/**
 * Every field of an article as a property of its own: what a spread, Object.keys or a deep
 * comparison would see. Needed to copy a StoredArticle, whose details are getters.
 */
export function plainArticle(a: Article): Article {
  const columns = { slug: a.slug, file: a.file, publishedMs: a.publishedMs, section: a.section, tags: a.tags, authors: a.authors, draft: a.draft, body: a.body } satisfies Record<Exclude<keyof Article, keyof ArticleDetails>, unknown>;
  return { ...columns, ...detailsOf(a) };
}

/** What stored articles read from: the details of every article, end to end, and the bodies. */
export interface StoredRows {
  /** Every article's details JSON (UTF-8), end to end; each article knows where its own are. */
  details: Buffer;
  /** Where messages name article files from ("content/articles"). */
  articlesFolder: string;
  body(id: number): string;
}

/**
 * An article read from content.db. What is read of every story (slug, time, section, tags,
 * authors, draft) is in its fields; the details are parsed from their JSON the first time one is
 * read, so a server's start does not parse what only the pages of a few stories need. The details
 * are getters on the prototype: copy it with plainArticle, not with a spread.
 */
export class StoredArticle implements Article {
  private parsed: ArticleDetails | undefined = undefined;

  constructor(
    private readonly rows: StoredRows,
    /** Its row in content.db. */
    readonly id: number,
    /** Where its details are in rows.details (bytes). */
    private readonly detailsStart: number,
    private readonly detailsEnd: number,
    readonly slug: string,
    readonly publishedMs: number,
    readonly section: string,
    readonly tags: string[],
    readonly authors: string[],
    readonly draft: boolean,
  ) {}

  private get details(): ArticleDetails {
    this.parsed ??= JSON.parse(this.rows.details.toString('utf8', this.detailsStart, this.detailsEnd)) as ArticleDetails;
    return this.parsed;
  }

  /** content.db names the row of an article file by its slug (articles/slug.md). */
  get file(): string {
    return `${this.rows.articlesFolder}${path.sep}${this.slug}.md`;
  }

  get body(): BodyRef {
    const { rows, id } = this;
    return { text: () => rows.body(id) };
  }

  declare readonly title: string;
  declare readonly summary: string;
  declare readonly publishedAt: string;
  declare readonly updatedAt: ArticleDetails['updatedAt'];
  declare readonly source: ArticleDetails['source'];
  declare readonly dateline: ArticleDetails['dateline'];
  declare readonly image: ArticleDetails['image'];
  declare readonly corrections: ArticleDetails['corrections'];
  declare readonly readAlso: string[];
  declare readonly bodyLineOffset: number;
  static {
    // The details' fields above, each read from the parsed details.
    for (const key of DETAILS) Object.defineProperty(StoredArticle.prototype, key, { get(this: StoredArticle) { return this.details[key]; } });
  }

  /** JSON.stringify sees every field, as it would of an article read from its file. */
  toJSON(): Article {
    return plainArticle(this);
  }
}
