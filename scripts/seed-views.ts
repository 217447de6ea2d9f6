/**
 * Seeds the SQLite view store with reads of the newest published stories, for screenshots and
 * trying the "Terpopuler" list locally: `WARTA_DATA_DIR=/tmp/warta-views npx tsx scripts/seed-views.ts`.
 * Never run against a production data folder: it adds reads nobody made.
 */
import { getContent } from '../lib/content';
import { SqliteViewStore } from '../lib/popular/sqlite-store';
import { dataDir } from '../lib/popular/store';

async function main() {
  const dir = dataDir();
  const store = SqliteViewStore.open(dir);
  const stories = getContent().latest(8);
  const now = new Date();
  for (const [index, article] of stories.entries()) {
    for (let i = 0; i < (stories.length - index) * 3; i++) await store.record(article.slug, now);
  }
  await store.close();
  console.log(`${stories.length} stories seeded with reads in ${dir}`);
}

void main();
