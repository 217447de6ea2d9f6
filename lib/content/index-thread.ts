/**
 * The second thread of a new content.db (see IndexThread in database.ts): while the first thread
 * reads and checks the article files, this one creates the database in a temporary file and
 * writes everything the first sends it, bodies and full-text index included; the first renames
 * the file into place once it is finished.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IndexThreadData, IndexThreadReply } from './database';
import { ContentWriter, type WriterCall } from './database-schema';

const { file } = workerData as IndexThreadData;
const reply = (message: IndexThreadReply) => parentPort!.postMessage(message);
// Undefined once it failed: what is sent after that is not written.
let writer: ContentWriter | undefined;

function fail(error: unknown): void {
  writer = undefined;
  reply({ error: (error as Error).stack ?? String(error) });
}

try {
  writer = ContentWriter.create(file);
} catch (error) {
  fail(error);
}
parentPort!.on('message', (calls: WriterCall[]) => {
  const target = writer;
  if (!target) return;
  try {
    for (const [method, ...args] of calls) {
      (target[method] as (...args: unknown[]) => void).apply(target, args);
      if (method !== 'finish') continue;
      target.close();
      reply({ ok: true });
    }
  } catch (error) {
    fail(error);
  }
});
