import path from 'node:path';
import { readEnv } from '../env';
import type { ViewStore } from './views';

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
