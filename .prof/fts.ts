import fs from 'node:fs';
import path from 'node:path';
import Database from '/work/wt14/node_modules/better-sqlite3';
import { stems } from '/work/wt14/lib/search/language';
import { plainText } from '/work/wt14/lib/content/markdown';
const dir = process.argv[2]! + '/articles';
const names = fs.readdirSync(dir).slice(0, Number(process.argv[3] ?? 1e9));
const out = names.map((n) => stems(plainText(fs.readFileSync(path.join(dir, n), 'utf8'))).join(' '));
console.log('docs', out.length, 'tokens', out.reduce((a, b) => a + b.split(' ').length, 0));
for (const config of [["INSERT INTO s(s, rank) VALUES('hashsize', 67108864)", "INSERT INTO s(s, rank) VALUES('automerge', 0)"]]) {
  fs.rmSync('/tmp/wt14-fts.db', { force: true });
  const db = new Database('/tmp/wt14-fts.db');
  db.pragma('journal_mode = OFF'); db.pragma('synchronous = OFF'); db.pragma('cache_size = -262144');
  db.exec(`CREATE VIRTUAL TABLE s USING fts5(title, summary, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`);
  try { for (const c of config) db.exec(c); } catch (e) { console.log('config error', (e as Error).message); continue; }
  const ins = db.prepare('INSERT INTO s(rowid,title,summary,body) VALUES (?,?,?,?)');
  const t = performance.now();
  db.exec('BEGIN');
  out.forEach((b, i) => ins.run(i + 1, '', '', b));
  db.exec('COMMIT');
  const t2 = performance.now();
  if (config.length === 2) { const t3 = performance.now(); db.exec("INSERT INTO s(s) VALUES('optimize')"); console.log('optimize', (performance.now() - t3).toFixed(0), 'ms'); }
  console.log(config.join(' + ') || 'default', (t2 - t).toFixed(0), 'ms', fs.statSync('/tmp/wt14-fts.db').size >> 20, 'MiB');
  db.close();
}
