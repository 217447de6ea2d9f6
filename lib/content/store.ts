import type { Root as HastRoot } from 'hast';
import { countBodyWords, parseBody, renderBody } from './markdown';
import type { Article, Author, RawContent, Section, Tag } from './types';

export interface Page<T> {
  items: T[];
  page: number;
  totalPages: number;
  total: number;
}

export interface TagWithCount extends Tag {
  count: number;
}

/** Indonesian collation for names; one collator instead of a localeCompare per comparison. */
const collator = new Intl.Collator('id');

/** Average adult reading speed used for "n menit baca". */
const WORDS_PER_MINUTE = 200;

/** The first index in [0, length) where `before` is false; it must be true on a prefix only (binary search). */
export function bisect(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index of a sorted list whose value is at least `value`. */
const lowerBound = (list: Int32Array, value: number) => bisect(list.length, (i) => list[i]! < value);

/** Tags with the most stories first, then by name. */
const byCount = (a: TagWithCount, b: TagWithCount) => b.count - a.count || collator.compare(a.name, b.name);

/**
 * A tag on more than 1 story in this many gets a bit set for related(): one bit per story, where
 * its list of positions takes 32 bits per story of the tag. At most 256 × (tags per story) tags
 * qualify, so bit sets cost at most that many × 1 bit per story; walking the lists of tags just
 * below 1 in 32 still took most of related()'s time at 100,000.
 */
const BIG_TAG_SHARE = 256;

/** Keeps in `newest` (ascending, at most `cap` long) the smallest positions offered to it. */
function keepNewest(newest: number[], position: number, cap: number): void {
  if (cap <= 0 || (newest.length === cap && position > newest[cap - 1]!)) return;
  let at = newest.length;
  while (at > 0 && newest[at - 1]! > position) at--;
  newest.splice(at, 0, position);
  if (newest.length > cap) newest.pop();
}

/**
 * Adds to byScore[n] (see related) the stories on the big tags' bit sets `dense` (at most 7) only,
 * from position `first` on, newest first, skipping those `counted` already. The shared-tag count
 * of 32 stories at once is kept in three bit planes, and a word is looked into only for scores
 * that can still make the list: not a score `limit` better stories outrank, nor one already
 * filled with stories newer than the word.
 */
function scanBitSets(dense: Uint32Array[], first: number, counted: (p: number) => boolean, byScore: number[][], limit: number): void {
  if (dense.length === 0 || limit <= 0) return;
  const useful: boolean[] = [];
  const update = (scanned: number) => {
    let better = 0;
    let any = false;
    for (let n = byScore.length - 1; n >= 1; n--) {
      const found = byScore[n]!;
      useful[n] = n <= dense.length && better < limit && !(found.length === limit && found[limit - 1]! < scanned);
      any ||= useful[n]!;
      better += found.length;
    }
    return any;
  };
  const words = dense[0]!.length;
  for (let w = first >>> 5; w < words && update(w << 5); w++) {
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    for (const bits of dense) {
      const x = bits[w]!;
      const carry0 = c0 & x;
      c0 ^= x;
      const carry1 = c1 & carry0;
      c1 ^= carry0;
      c2 |= carry1;
    }
    let mask = 0;
    for (let n = 1; n <= dense.length; n++) {
      if (useful[n]) mask |= (n & 1 ? c0 : ~c0) & (n & 2 ? c1 : ~c1) & (n & 4 ? c2 : ~c2);
    }
    if (w === first >>> 5) mask &= -1 << (first & 31);
    while (mask !== 0) {
      const bit = 31 - Math.clz32(mask & -mask);
      mask &= mask - 1;
      const p = (w << 5) | bit;
      if (counted(p)) continue;
      keepNewest(byScore[((c0 >>> bit) & 1) | (((c1 >>> bit) & 1) << 1) | (((c2 >>> bit) & 1) << 2)]!, p, limit);
    }
  }
}

export interface ReadingTime {
  words: number;
  minutes: number;
}

/** Newest first; slug breaks ties so order never depends on file-system order. */
export function byNewest(a: Article, b: Article): number {
  return b.publishedMs - a.publishedMs || a.slug.localeCompare(b.slug);
}

/** One page of `items` (1-based), or null when the page does not exist. */
export function paginate<T>(items: T[], page: number, pageSize: number): Page<T> | null {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return null;
  return { items: items.slice((page - 1) * pageSize, page * pageSize), page, totalPages, total: items.length };
}

export interface StoreOptions {
  /** The clock, in epoch ms. Stories whose publishedAt is later are scheduled: not shown yet. */
  now?: () => number;
  /** Editors' preview: drafts and scheduled stories are shown too. */
  preview?: boolean;
}

/**
 * Indexes validated content once and answers every query the pages make. Drafts are dropped
 * here and scheduled stories filtered at query time, so no page, list, feed or link shows them
 * before their time (unless this is the editors' preview store).
 */
export class ContentStore {
  /** Every story that may be shown now or later (drafts only in preview), newest first. */
  readonly candidates: Article[];
  readonly now: () => number;
  private readonly bySlug = new Map<string, Article>();
  /** Slugs of the drafts this store leaves out (see exists). */
  private readonly draftSlugs = new Set<string>();
  /** Per tag, its stories, newest first (made from tagPositions when first asked for). */
  private readonly byTag = new Map<string, Article[]>();
  private readonly bySection = new Map<string, Article[]>();
  private readonly byAuthor = new Map<string, Article[]>();
  private readonly tags = new Map<string, Tag>();
  private readonly sectionMap = new Map<string, Section>();
  private readonly authors = new Map<string, Author>();
  private readonly rendered = new Map<string, HastRoot>();
  /** Per tag, the positions of its stories in `candidates` (ascending = newest first). */
  private readonly tagPositions = new Map<string, Int32Array>();
  /** Per big tag (on more than 1 story in BIG_TAG_SHARE), its stories as a bit set over `candidates`. */
  private readonly tagBits = new Map<string, Uint32Array>();
  private tagCounts?: { visible: number; tags: TagWithCount[] };
  /** Per tag, how many published stories it shares with each other tag (see relatedTags). */
  private tagPairs?: { visible: number; pairs: Map<string, Map<string, number>> };
  /** Month of each story in the site's time zone, worked out once (timelines ask a lot). */
  private readonly monthKeys = new Map<Article, string>();
  private readonly readingTimes = new Map<Article, ReadingTime>();
  readonly sections: Section[];

  constructor(
    raw: RawContent,
    private readonly monthKeyOf: (iso: string) => string,
    options: StoreOptions = {},
  ) {
    this.now = options.preview ? () => Number.POSITIVE_INFINITY : (options.now ?? Date.now);
    this.candidates = raw.articles.filter((a) => {
      if (options.preview || !a.draft) return true;
      this.draftSlugs.add(a.slug);
      return false;
    }).sort(byNewest);
    for (const t of raw.tags) this.tags.set(t.slug, t);
    for (const a of raw.authors) this.authors.set(a.slug, a);
    this.sections = [...raw.sections].sort((a, b) => a.order - b.order || collator.compare(a.name, b.name));
    for (const s of this.sections) this.sectionMap.set(s.slug, s);
    const push = (map: Map<string, Article[]>, key: string, article: Article) => {
      const list = map.get(key);
      if (list) list.push(article);
      else map.set(key, [article]);
    };
    for (const article of this.candidates) {
      this.bySlug.set(article.slug, article);
      for (const author of article.authors) push(this.byAuthor, author, article);
      push(this.bySection, article.section, article);
    }
    // Each tag's positions are counted first, then written into an array of that size: lists
    // grown one story at a time were most of the cost of building the store.
    const tagNumbers = new Map<string, number>();
    const counts: number[] = [];
    for (const article of this.candidates) {
      for (const tag of article.tags) {
        const n = tagNumbers.get(tag);
        if (n === undefined) tagNumbers.set(tag, counts.push(1) - 1);
        else counts[n]!++;
      }
    }
    const lists = counts.map((count) => new Int32Array(count));
    const filled = new Int32Array(counts.length);
    this.candidates.forEach((article, i) => {
      for (const tag of article.tags) {
        const n = tagNumbers.get(tag)!;
        lists[n]![filled[n]!++] = i;
      }
    });
    for (const [tag, n] of tagNumbers) {
      const list = lists[n]!;
      this.tagPositions.set(tag, list);
      if (list.length * BIG_TAG_SHARE > this.candidates.length) {
        const bits = new Uint32Array(Math.ceil(this.candidates.length / 32));
        for (const p of list) bits[p >>> 5]! |= 1 << (p & 31);
        this.tagBits.set(tag, bits);
      }
    }
  }

  /** Position of a story in `candidates` (sorted byNewest, so found by bisection), or -1. */
  private positionOf(article: Article): number {
    const lo = bisect(this.candidates.length, (i) => byNewest(this.candidates[i]!, article) < 0);
    for (let i = lo; i < this.candidates.length && byNewest(this.candidates[i]!, article) === 0; i++) if (this.candidates[i] === article) return i;
    return -1;
  }

  /** How many stories at the head of a newest-first list are scheduled (not out yet); of `candidates`, the position of the first published. */
  private scheduledCount(list: Article[]): number {
    const now = this.now();
    return bisect(list.length, (i) => list[i]!.publishedMs > now);
  }

  /** Published stories, newest first: the scheduled ones (a prefix of the sorted list) are cut off. */
  private visible(list: Article[]): Article[] {
    const scheduled = this.scheduledCount(list);
    return scheduled === 0 ? list : list.slice(scheduled);
  }

  /** How many stories are published by now (it grows when a scheduled story comes out). */
  publishedCount(): number {
    return this.candidates.length - this.scheduledCount(this.candidates);
  }

  /** Every published story, newest first. */
  get articles(): Article[] {
    return this.visible(this.candidates);
  }

  article(slug: string): Article | undefined {
    const article = this.bySlug.get(slug);
    return article && article.publishedMs <= this.now() ? article : undefined;
  }

  /**
   * Whether a story file has this slug, whatever its state: published, scheduled or draft. The
   * request guards ask it of every article path; the page itself decides who may see the story.
   */
  exists(slug: string): boolean {
    return this.bySlug.has(slug) || this.draftSlugs.has(slug);
  }

  tag(slug: string): Tag | undefined {
    return this.tags.get(slug);
  }

  section(slug: string): Section | undefined {
    return this.sectionMap.get(slug);
  }

  author(slug: string): Author | undefined {
    return this.authors.get(slug);
  }

  latest(limit: number, skip = 0): Article[] {
    return this.articles.slice(skip, skip + limit);
  }

  /** Stories of a tag, newest first. */
  storiesByTag(slug: string): Article[] {
    let list = this.byTag.get(slug);
    if (!list) {
      list = Array.from(this.tagPositions.get(slug) ?? [], (p) => this.candidates[p]!);
      this.byTag.set(slug, list);
    }
    return this.visible(list);
  }

  storiesBySection(slug: string): Article[] {
    return this.visible(this.bySection.get(slug) ?? []);
  }

  storiesByAuthor(slug: string): Article[] {
    return this.visible(this.byAuthor.get(slug) ?? []);
  }

  /** The month a story came out in the site's time zone ("2024-06"), worked out once per story. */
  monthOf(article: Article): string {
    let key = this.monthKeys.get(article);
    if (key === undefined) {
      key = this.monthKeyOf(article.publishedAt);
      this.monthKeys.set(article, key);
    }
    return key;
  }

  /**
   * Every tag with its number of published stories, by name. Asked for by many pages; the counts
   * only change when a scheduled story comes out, which changes the number of visible stories.
   */
  tagsWithCounts(): TagWithCount[] {
    const first = this.scheduledCount(this.candidates);
    const visible = this.candidates.length - first;
    if (this.tagCounts?.visible !== visible) {
      const published = (list: Int32Array | undefined) => (list ? list.length - lowerBound(list, first) : 0);
      const tags = [...this.tags.values()]
        .map((t) => ({ ...t, count: published(this.tagPositions.get(t.slug)) }))
        .sort((a, b) => collator.compare(a.name, b.name));
      this.tagCounts = { visible, tags };
    }
    return this.tagCounts.tags.map((t) => ({ ...t }));
  }

  /** Tags with the most published stories first. */
  popularTags(limit: number): TagWithCount[] {
    return this.tagsWithCounts()
      .filter((t) => t.count > 0)
      .sort(byCount)
      .slice(0, limit);
  }

  /**
   * Tags that most often appear on the same stories as `slug`. Every tag page asks, so the counts
   * for all pairs of tags come from one pass over the stories, kept until a scheduled story comes
   * out: walking a big tag's stories on every tag page costs the build more than one pass does.
   */
  relatedTags(slug: string, limit: number): TagWithCount[] {
    const first = this.scheduledCount(this.candidates);
    const visible = this.candidates.length - first;
    if (this.tagPairs?.visible !== visible) {
      const pairs = new Map<string, Map<string, number>>();
      for (let i = first; i < this.candidates.length; i++) {
        const tags = this.candidates[i]!.tags;
        for (const tag of tags) {
          let counts = pairs.get(tag);
          if (!counts) pairs.set(tag, (counts = new Map()));
          for (const other of tags) if (other !== tag) counts.set(other, (counts.get(other) ?? 0) + 1);
        }
      }
      this.tagPairs = { visible, pairs };
    }
    return [...(this.tagPairs.pairs.get(slug) ?? [])]
      .flatMap(([other, shared]) => {
        const tag = this.tags.get(other);
        return tag ? [{ ...tag, count: shared }] : [];
      })
      .sort(byCount)
      .slice(0, limit);
  }

  /**
   * Stories sharing the most tags with `article`, then the most recent; never the article itself.
   * Stories on its small tags are counted one by one, those on its big tags only found in the
   * tags' bit sets (scanBitSets): walking a big tag's list, or counting and sorting all its
   * stories, would cost every article page in the build far more (docs/decisions/0005).
   */
  related(article: Article, limit: number): Article[] {
    const self = this.positionOf(article);
    const first = this.scheduledCount(this.candidates);
    // At most 7 bit sets, so that a count fits three bit planes; further big tags count as small.
    const dense: Uint32Array[] = [];
    const sparse: Int32Array[] = [];
    for (const tag of article.tags) {
      const bits = this.tagBits.get(tag);
      const list = this.tagPositions.get(tag);
      if (bits && dense.length < 7) dense.push(bits);
      else if (list) sparse.push(list.subarray(lowerBound(list, first)));
    }
    const tagCount = dense.length + sparse.length;
    // byScore[n]: the newest `limit` stories sharing exactly n tags, newest first.
    const byScore: number[][] = Array.from({ length: tagCount + 1 }, () => []);
    const denseCount = (p: number) => {
      let n = 0;
      for (const bits of dense) n += (bits[p >>> 5]! >>> (p & 31)) & 1;
      return n;
    };
    const onSparse = new Map<number, number>();
    for (const list of sparse) for (const p of list) onSparse.set(p, (onSparse.get(p) ?? 0) + 1);
    for (const [p, n] of onSparse) if (p !== self) keepNewest(byScore[n + denseCount(p)]!, p, limit);
    scanBitSets(dense, first, (p) => p === self || onSparse.has(p), byScore, limit);

    const ranked: Article[] = [];
    for (let n = tagCount; n > 0; n--) for (const p of byScore[n]!) ranked.push(this.candidates[p]!);
    if (ranked.length < limit) {
      // Thinly tagged stories still get a related list: fill from the same section.
      const taken = new Set(ranked);
      for (const other of this.storiesBySection(article.section)) {
        if (ranked.length >= limit) break;
        if (other !== article && !taken.has(other)) ranked.push(other);
      }
    }
    return ranked.slice(0, limit);
  }

  /**
   * Words in the body and minutes to read them ("n menit baca", JSON-LD), counted the first time
   * a page asks and kept: counting every body at load cost half the load time of 100,000 stories.
   */
  readingTime(article: Article): ReadingTime {
    let time = this.readingTimes.get(article);
    if (!time) {
      const words = countBodyWords(this.markdown(article));
      time = { words, minutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) };
      this.readingTimes.set(article, time);
    }
    return time;
  }

  /** The body as written (Markdown), read from where the content layer keeps it. */
  markdown(article: Article): string {
    return article.body.text();
  }

  /** The article body as a sanitised HTML tree, rendered on first use and kept. */
  body(article: Article): HastRoot {
    let tree = this.rendered.get(article.slug);
    if (!tree) {
      tree = renderBody(parseBody(this.markdown(article)), { titleOf: (slug) => this.article(slug)?.title, dateline: article.dateline });
      this.rendered.set(article.slug, tree);
    }
    return tree;
  }
}
