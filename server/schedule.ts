/**
 * Scheduled stories out on time, on every instance. A story with a publishedAt still to come is
 * hidden by the content store's clock at query time, but the caches in front of the store (Next.js's
 * ISR pages, this server's page cache, nginx or a CDN) would keep the pages without it for up to
 * their minute. So each server, by its own site clock:
 * - at a story's time, revalidates it and the pages that list it (its own POST /api/revalidate over
 *   loopback, marked as a fan-out call: every instance does this itself, nothing is published);
 * - in the minute before, caps `s-maxage` of what it sends at the seconds left, so no shared cache
 *   holds a page past the moment a story comes out.
 */

/** What the schedule needs of a story (lib/content's Article). */
interface Scheduled {
  slug: string;
  publishedMs: number;
}

/** The longest s-maxage the site sends (Cache-Control s-maxage=60, next.config.js expireTime). */
const SHARED_MAX_AGE_S = 60;

export class Schedule {
  /** Site time of the last tick: stories between it and now come out at this tick. */
  private last: number;

  constructor(
    private readonly options: {
      /** The site's stories, newest first (ContentStore.candidates: scheduled ones first). */
      stories: () => readonly Scheduled[];
      /** The site clock (epoch ms). */
      now: () => number;
      /** Revalidates these stories and the pages that list them. */
      release: (slugs: string[]) => void;
    },
  ) {
    this.last = options.now();
  }

  /** Releases every story whose time came since the last tick; call it every second. */
  tick(): void {
    const now = this.options.now();
    const due: string[] = [];
    for (const story of this.options.stories()) {
      if (story.publishedMs <= this.last) break;
      if (story.publishedMs <= now) due.push(story.slug);
    }
    this.last = now;
    if (due.length > 0) this.options.release(due);
  }

  /** Seconds until the next story comes out, when that is within a shared cache's minute; else undefined. */
  secondsUntilNext(): number | undefined {
    const now = this.options.now();
    let next: number | undefined;
    for (const story of this.options.stories()) {
      if (story.publishedMs <= now) break;
      next = story.publishedMs;
    }
    if (next === undefined) return undefined;
    const seconds = Math.ceil((next - now) / 1000);
    return seconds < SHARED_MAX_AGE_S ? Math.max(1, seconds) : undefined;
  }
}

/** A Cache-Control value whose s-maxage is at most `seconds` (other directives untouched). */
export function capSharedMaxAge(value: string, seconds: number): string {
  return value.replace(/\bs-maxage=(\d+)/i, (whole, age: string) => (Number(age) > seconds ? `s-maxage=${seconds}` : whole));
}
