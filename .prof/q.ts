import fs from 'node:fs';
import { writeContentDatabase, openContentDatabase, articlesById, articlesFolder } from '/work/wt14/lib/content/database';
import { ContentStore } from '/work/wt14/lib/content/store';
import { dates } from '/work/wt14/lib/i18n';
import { search } from '/work/wt14/lib/search';
const dir = process.argv[2]!;
const file = process.argv[3]!;
const paths = { contentDir: dir, publicDir: '/work/wt14/public', rootDir: '/work/wt14' };
if (!fs.existsSync(file)) { const t = performance.now(); writeContentDatabase(file, paths); console.log('write', (performance.now() - t).toFixed(0)); }
let t = performance.now();
const db = openContentDatabase(file);
const { content, entries } = db.read(articlesFolder(paths));
const source = { content: new ContentStore(content, dates.monthKey), database: db, byId: articlesById(entries) };
console.log('read', (performance.now() - t).toFixed(0));
for (const q of ['korea', 'presiden', 'korea rusia', '"korea utara"', 'distribusi', 'kusibi', 'pyonyang']) {
  for (const sort of ['relevance', 'newest'] as const) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 3; i++) { t = performance.now(); total = search(source, { q, sort, page: 1, pageSize: 10 }).total; times.push(performance.now() - t); }
    const rows = performance.now(); db.sqlite.prepare(sort === 'relevance' ? 'SELECT rowid, bm25(search_index,4,2,1) FROM search_index WHERE search_index MATCH ?' : 'SELECT rowid FROM search_index WHERE search_index MATCH ?').raw().all(q.startsWith('"') ? q : `"${q.split(' ').join('" "')}"`);
    console.log(q, sort, total, times.map((x) => x.toFixed(0)).join('/'), 'sql', (performance.now() - rows).toFixed(0));
  }
}
