import { createHash, randomBytes } from 'node:crypto';

export interface RateLimitOptions {
  /** The clock, in epoch ms. */
  now?: () => number;
  /** One counted read per article per client in this time (default an hour). */
  repeatMs?: number;
  /** Beacons a client may send per minute; more get 429. */
  perMinute?: number;
  /** Entries kept at most in each table (the oldest go first). */
  maxEntries?: number;
}

export type Verdict = 'count' | 'repeat' | 'too-many';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Per-client limits without keeping anything personal: a client is a truncated SHA-256 of a
 * random salt (new every day, never stored) and the address. Not the User-Agent: anyone can send
 * a new one with every request, so a machine is one reader whatever it calls itself. Both tables
 * live in memory only, are bounded, and are emptied when the salt changes.
 */
export class RateLimiter {
  private readonly now: () => number;
  private readonly repeatMs: number;
  private readonly perMinute: number;
  private readonly maxEntries: number;
  private salt = Buffer.alloc(0);
  private saltDay = -1;
  /** client → start and count of its current one-minute window. Insertion order = window start. */
  private readonly windows = new Map<string, { start: number; count: number }>();
  /** client + slug → time of the counted read. Insertion order = time. */
  private readonly reads = new Map<string, number>();

  constructor(options: RateLimitOptions = {}) {
    this.now = options.now ?? Date.now;
    this.repeatMs = options.repeatMs ?? 60 * MINUTE_MS;
    this.perMinute = options.perMinute ?? 30;
    this.maxEntries = options.maxEntries ?? 50_000;
  }

  /** The anonymous client key of an address, valid for today only. */
  clientKey(address: string): string {
    const day = Math.floor(this.now() / DAY_MS);
    if (day !== this.saltDay) {
      this.salt = randomBytes(32);
      this.saltDay = day;
      this.windows.clear();
      this.reads.clear();
    }
    return createHash('sha256').update(this.salt).update(address).digest('base64url').slice(0, 22);
  }

  /** Decides about one beacon: count it, ignore it as a repeat read, or refuse it (too many). */
  check(client: string, slug: string): Verdict {
    const now = this.now();
    this.evict(now);
    const window = this.windows.get(client);
    if (window && now - window.start < MINUTE_MS) {
      if (window.count >= this.perMinute) return 'too-many';
      window.count++;
    } else {
      this.windows.delete(client);
      this.windows.set(client, { start: now, count: 1 });
    }
    const key = `${client} ${slug}`;
    const last = this.reads.get(key);
    if (last !== undefined && now - last < this.repeatMs) return 'repeat';
    this.reads.delete(key);
    this.reads.set(key, now);
    return 'count';
  }

  /** Entries in memory (tests: proves the tables stay bounded). */
  get size(): number {
    return this.windows.size + this.reads.size;
  }

  private evict(now: number) {
    dropOldest(this.windows, (w) => now - w.start >= MINUTE_MS, this.maxEntries);
    dropOldest(this.reads, (at) => now - at >= this.repeatMs, this.maxEntries);
  }
}

/** Deletes entries from the front (the oldest) while they are expired or the map is over `max`. */
function dropOldest<V>(map: Map<string, V>, expired: (value: V) => boolean, max: number) {
  for (const [key, value] of map) {
    if (map.size < max && !expired(value)) break;
    map.delete(key);
  }
}
