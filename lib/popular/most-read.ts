import { HOUR_MS, type ViewCount, type ViewStore } from './views';

export interface MostReadOptions {
  /** The store, or a rejection when it cannot be opened. */
  store: () => Promise<ViewStore>;
  /** Whether a slug is a published, visible story (unknown slugs and drafts are dropped). */
  isListed: (slug: string) => boolean;
  /** Reports a failing store (throttled by the caller). */
  onError: (error: unknown) => void;
  now?: () => number;
  /** Slugs kept: more than shown, so a page can leave out its own article. */
  keep?: number;
  /** Fewer listed stories than this in 24 hours: use 7 days instead. */
  minStories?: number;
  refreshMs?: number;
  /** How long the very first call waits for the store before rendering without the list. */
  firstWaitMs?: number;
  /** How long the last good list is shown while the store fails. */
  keepFailedMs?: number;
}

const DAY_HOURS = 24;
const WEEK_HOURS = 7 * 24;

/**
 * The most-read list, kept in memory and never in a page's way: a call returns the last list at
 * once and, when it is older than a minute, refreshes it in the background (one refresh at a
 * time). Only the first call waits, for at most `firstWaitMs`. When the store fails (Redis down,
 * a disk error) the last list stays for up to `keepFailedMs`: the day's most read an hour ago are
 * still the day's most read, where an empty box would change every page. Past that, pages render
 * without it. Refreshes go on once a minute meanwhile.
 */
export class MostReadCache {
  private slugs: string[] = [];
  private fetchedAt = Number.NEGATIVE_INFINITY;
  /** When the list was last read from the store. */
  private goodAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly keep: number;
  private readonly minStories: number;
  private readonly refreshMs: number;
  private readonly firstWaitMs: number;
  private readonly keepFailedMs: number;

  constructor(private readonly options: MostReadOptions) {
    this.now = options.now ?? Date.now;
    this.keep = options.keep ?? 20;
    this.minStories = options.minStories ?? 5;
    this.refreshMs = options.refreshMs ?? 60_000;
    this.firstWaitMs = options.firstWaitMs ?? 100;
    this.keepFailedMs = options.keepFailedMs ?? 3_600_000;
  }

  /** Slugs of the most-read stories, most read first; never rejects. */
  async get(): Promise<string[]> {
    const first = this.fetchedAt === Number.NEGATIVE_INFINITY;
    if (this.now() - this.fetchedAt >= this.refreshMs) this.refreshing ??= this.refresh();
    if (first && this.refreshing) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.refreshing, new Promise((resolve) => (timer = setTimeout(resolve, this.firstWaitMs)))]);
      clearTimeout(timer);
    }
    return this.slugs;
  }

  private async refresh(): Promise<void> {
    try {
      this.slugs = await this.load(new Date(this.now()));
      this.goodAt = this.now();
    } catch (error) {
      if (this.now() - this.goodAt >= this.keepFailedMs) this.slugs = [];
      this.options.onError(error);
    } finally {
      this.fetchedAt = this.now();
      this.refreshing = undefined;
    }
  }

  /** The last 24 hours (this hour and the 23 before it); 7 days when that lists too few stories. */
  private async load(until: Date): Promise<string[]> {
    const store = await this.options.store();
    const listed = (counts: ViewCount[]) => counts.map((c) => c.slug).filter(this.options.isListed);
    const day = listed(await store.top(hoursBefore(until, DAY_HOURS), until, this.keep));
    if (day.length >= this.minStories) return day;
    return listed(await store.top(hoursBefore(until, WEEK_HOURS), until, this.keep));
  }
}

/** The start of a window of `hours` whole hours ending with the hour of `until`. */
function hoursBefore(until: Date, hours: number): Date {
  return new Date(until.getTime() - (hours - 1) * HOUR_MS);
}
