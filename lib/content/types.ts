/** Where an article's body is: in memory, or a row of content.db read when a page needs it. */
export interface BodyRef {
  text(): string;
}

export interface ArticleImage {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width: number;
  height: number;
}

export interface Article {
  slug: string;
  /** Path relative to the project, for messages. */
  file: string;
  title: string;
  summary: string;
  /** As written by the editor, with its offset (used in <time datetime>). */
  publishedAt: string;
  updatedAt?: string;
  /** publishedAt in epoch milliseconds, for sorting. */
  publishedMs: number;
  section: string;
  tags: string[];
  authors: string[];
  source?: string;
  dateline?: string;
  image?: ArticleImage;
  draft: boolean;
  /** Published corrections, oldest first; shown at the foot of the story. */
  corrections: { date: string; text: string }[];
  readAlso: string[];
  /** Where the body (Markdown, as written) is kept; read through ContentStore when a page needs it. */
  body: BodyRef;
  /** Lines before the body in the file, for messages about the body. */
  bodyLineOffset: number;
}

export interface Taxon {
  slug: string;
  name: string;
  description: string;
}

/** "Yang perlu Anda ketahui": key facts and questions an editor writes for a tag. */
export interface TagExplainer {
  /** When the editor last revised it, ISO 8601 with offset (shown as "Diperbarui …"). */
  updatedAt: string;
  facts: string[];
  questions: { question: string; answer: string }[];
}

export interface Tag extends Taxon {
  /** A running story: its articles show their place in it (lib/content/story-order.ts). */
  story?: boolean;
  explainer?: TagExplainer;
}

export interface Section extends Taxon {
  order: number;
}

export interface Author {
  slug: string;
  name: string;
  bio: string;
}

export interface RawContent {
  articles: Article[];
  tags: Tag[];
  sections: Section[];
  authors: Author[];
}
