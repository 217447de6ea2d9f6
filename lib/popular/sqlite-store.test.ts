import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { SqliteViewStore } from './sqlite-store';
import { at, viewStoreContract } from '../../test/support/store-contract';
import { createViewStore } from './store';
import type { ViewStore } from './views';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-views-'));
const opened: ViewStore[] = [];
let n = 0;
function open(dir = path.join(root, `store-${++n}`)) {
  const store = SqliteViewStore.open(dir);
  opened.push(store);
  return store;
}

afterAll(async () => {
  for (const store of opened) await store.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('SqliteViewStore', () => {
  viewStoreContract(async () => open());

  test('creates its folder on first start, in WAL mode, and keeps counts across restarts', async () => {
    const dir = path.join(root, 'nested', 'data');
    const store = SqliteViewStore.open(dir);
    await store.record('a', at('2026-03-10T10:00'));
    await store.close();
    const db = new Database(path.join(dir, 'views.sqlite'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const again = open(dir);
    await again.record('a', at('2026-03-10T10:30'));
    expect(await again.top(at('2026-03-10T10:00'), at('2026-03-10T10:00'), 5)).toEqual([{ slug: 'a', views: 2 }]);
  });

  test('one row per article per hour; rows past eight days are dropped', async () => {
    const dir = path.join(root, 'rows');
    const store = open(dir);
    await store.record('a', at('2026-03-01T10:00'));
    await store.record('a', at('2026-03-10T10:05'));
    await store.record('a', at('2026-03-10T10:55'));
    await store.record('b', at('2026-03-10T11:00'));
    const db = new Database(path.join(dir, 'views.sqlite'), { readonly: true });
    expect(db.prepare('SELECT hour, slug, views FROM views ORDER BY hour, slug').all()).toEqual([
      { hour: at('2026-03-10T10:00').getTime() / 3_600_000, slug: 'a', views: 2 },
      { hour: at('2026-03-10T11:00').getTime() / 3_600_000, slug: 'b', views: 1 },
    ]);
    db.close();
  });

  test('WARTA_DATA_DIR names the folder; an unwritable one fails to open', async () => {
    const dir = path.join(root, 'from-env');
    const store = await createViewStore({ WARTA_DATA_DIR: dir });
    opened.push(store);
    expect(fs.existsSync(path.join(dir, 'views.sqlite'))).toBe(true);
    // A folder below a plain file can never be created, not even by root.
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, '');
    await expect(createViewStore({ WARTA_DATA_DIR: path.join(file, 'data') })).rejects.toThrow(/ENOTDIR/);
  });
});
