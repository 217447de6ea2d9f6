import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { hourOf, type Recorded, RETENTION_HOURS, type ViewCount, type ViewStore } from './views';

/**
 * Read counts in a SQLite file (WAL mode): one row per article per hour. Rows older than the
 * retention are deleted once an hour. better-sqlite3 is synchronous; each statement takes
 * microseconds, so the promises only keep the interface shared with Redis.
 */
export class SqliteViewStore implements ViewStore {
  private readonly insert: Database.Statement<[number, string]>;
  private readonly select: Database.Statement<[number, number, number], ViewCount>;
  private readonly prune: Database.Statement<[number]>;
  private prunedHour = -1;

  private constructor(private readonly db: Database.Database) {
    db.pragma('busy_timeout = 2000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE IF NOT EXISTS views (
      hour INTEGER NOT NULL,
      slug TEXT NOT NULL,
      views INTEGER NOT NULL,
      PRIMARY KEY (hour, slug)
    ) WITHOUT ROWID`);
    this.insert = db.prepare('INSERT INTO views (hour, slug, views) VALUES (?, ?, 1) ON CONFLICT (hour, slug) DO UPDATE SET views = views + 1');
    this.select = db.prepare(
      'SELECT slug, SUM(views) AS views FROM views WHERE hour BETWEEN ? AND ? GROUP BY slug ORDER BY views DESC, slug LIMIT ?',
    );
    this.prune = db.prepare('DELETE FROM views WHERE hour < ?');
  }

  /** Opens (and creates, with its folder) `dir`/views.sqlite. Throws when it cannot be written. */
  static open(dir: string): SqliteViewStore {
    fs.mkdirSync(dir, { recursive: true });
    return new SqliteViewStore(new Database(path.join(dir, 'views.sqlite')));
  }

  async record(slug: string, at: Date): Promise<Recorded> {
    const hour = hourOf(at);
    this.insert.run(hour, slug);
    if (hour > this.prunedHour) {
      this.prunedHour = hour;
      this.prune.run(hour - RETENTION_HOURS);
    }
    return 'counted';
  }

  async top(since: Date, until: Date, limit: number): Promise<ViewCount[]> {
    return this.select.all(hourOf(since), hourOf(until), limit);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
