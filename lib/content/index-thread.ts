/**
 * The second thread of a new content.db (see IndexThread in database.ts): while the first thread
 * reads and checks the article files, this one writes their bodies and full-text index into a
 * file of its own, which the first then completes with everything else and renames into place.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { IndexThreadData, IndexThreadMessage, IndexThreadReply } from './database';
import { addWords, createDatabase, finishIndexing, indexableText, startIndexing } from './database-schema';

const { file } = workerData as IndexThreadData;
let failed = false;

const reply = (message: IndexThreadReply) => parentPort!.postMessage(message);

function fail(error: unknown): void {
  if (failed) return;
  failed = true;
  reply({ error: (error as Error).stack ?? String(error) });
}

try {
  const sqlite = new Database(file);
  createDatabase(sqlite);
  startIndexing(sqlite);
  sqlite.exec('BEGIN');
  const insertBody = sqlite.prepare('INSERT INTO bodies (id, markdown) VALUES (?, ?)');
  const insertIndexed = sqlite.prepare('INSERT INTO search_index (rowid, title, summary, body) VALUES (?, ?, ?, ?)');
  parentPort!.on('message', (message: IndexThreadMessage) => {
    if (failed) return;
    try {
      if ('stories' in message) {
        for (const [id, title, summary, markdown] of message.stories) {
          insertBody.run(id, markdown);
          if (title !== null) insertIndexed.run(id, title, summary, indexableText(markdown));
        }
        return;
      }
      finishIndexing(sqlite, true);
      addWords(sqlite, undefined);
      sqlite.exec('COMMIT');
      sqlite.close();
      reply({ ok: true });
    } catch (error) {
      fail(error);
    }
  });
} catch (error) {
  fail(error);
}
