import path from 'node:path';
import type { Article, BodyRef } from './types';

/**
 * An article's fields that content.db keeps as JSON (`details`). The others have columns of their
 * own, since every story's are read at start: the store's lists, search's filters and the schedule
 * read them over all stories, and pages read these of a few stories only.
 */
export type ArticleDetails = Pick<Article, 'title' | 'summary' | 'publishedAt' | 'updatedAt' | 'source' | 'dateline' | 'image' | 'corrections' | 'readAlso' | 'bodyLineOffset'>;

/** The details of an article, as content.db stores them. */
export function detailsOf(a: Article): ArticleDetails {
  return {
    title: a.title,
    summary: a.summary,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    source: a.source,
    dateline: a.dateline,
    image: a.image,
    corrections: a.corrections,
    readAlso: a.readAlso,
    bodyLineOffset: a.bodyLineOffset,
  } satisfies Record<keyof ArticleDetails, unknown>;
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

  get title() {
    return this.details.title;
  }
  get summary() {
    return this.details.summary;
  }
  get publishedAt() {
    return this.details.publishedAt;
  }
  get updatedAt() {
    return this.details.updatedAt;
  }
  get source() {
    return this.details.source;
  }
  get dateline() {
    return this.details.dateline;
  }
  get image() {
    return this.details.image;
  }
  get corrections() {
    return this.details.corrections;
  }
  get readAlso() {
    return this.details.readAlso;
  }
  get bodyLineOffset() {
    return this.details.bodyLineOffset;
  }

  /** JSON.stringify sees every field, as it would of an article read from its file. */
  toJSON(): Article {
    return plainArticle(this);
  }
}
