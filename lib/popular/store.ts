import path from 'node:path';
import { readEnv } from '../env';

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
  /** Counts one read of `slug` in the hour of `at`. */
  record(slug: string, at: Date): Promise<void>;
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

/** The settings that choose and place the store (the environment's by default, lib/env.ts). */
export interface StoreEnv {
  REDIS_URL?: string;
  WARTA_DATA_DIR?: string;
}

/** The folder of the SQLite file: WARTA_DATA_DIR, or data/ at the project root. */
export function dataDir(env: StoreEnv = readEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.WARTA_DATA_DIR ?? path.join(process.cwd(), 'data'));
}

/** Redis when REDIS_URL is set, else SQLite in the data folder (created on first start). */
export async function createViewStore(env: StoreEnv = readEnv()): Promise<ViewStore> {
  if (env.REDIS_URL) {
    const { RedisViewStore } = await import('./redis-store');
    return RedisViewStore.connect(env.REDIS_URL);
  }
  const { SqliteViewStore } = await import('./sqlite-store');
  return SqliteViewStore.open(dataDir(env));
}
