/** What read counts are: the store's interface and its units, apart from the factory that picks a store. */

export type Recorded = 'counted' | 'held';

/** Views of one article over a period. */
export interface ViewCount {
  slug: string;
  views: number;
}

/**
 * Where read counts live: one counter per article per hour, nothing about the reader.
 * SQLite (one server) by default, Redis when REDIS_URL is set (several server instances).
 */
export interface ViewStore {
  /** Counts one read of `slug` in the hour of `at`; 'held' when it is kept to be counted later (held-reads.ts). */
  record(slug: string, at: Date): Promise<Recorded>;
  /** Most-read articles summed over the hours from that of `since` to that of `until`, both included. */
  top(since: Date, until: Date, limit: number): Promise<ViewCount[]>;
  close(): Promise<void>;
}

export const HOUR_MS = 3_600_000;
/** Counts are kept a little longer than the longest window (7 days), then dropped. */
export const RETENTION_HOURS = 8 * 24;

/** The hour a moment falls in, counted from the epoch (time-zone free). */
export function hourOf(at: Date): number {
  return Math.floor(at.getTime() / HOUR_MS);
}
