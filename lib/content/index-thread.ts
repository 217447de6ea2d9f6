/**
 * The second thread of a new content.db (see indexThread in database.ts): while the first thread
 * reads and checks the article files, this one creates the database in a temporary file and
 * writes everything the first sends it, bodies and full-text index included; the first renames
 * the file into place once it is finished. A failure is thrown: the worker's error, which ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ContentWriter, createContentDatabase, type WriterCall } from './database-schema';

let writer: ContentWriter | undefined;
parentPort!.on('message', (calls: WriterCall[]) => {
  try {
    writer ??= createContentDatabase((workerData as { file: string }).file);
    for (const [method, ...args] of calls) {
      (writer[method] as (...args: unknown[]) => void)(...args);
      if (method !== 'finish') continue;
      writer.close();
      parentPort!.postMessage('finished');
    }
  } catch (error) {
    // Thrown as a plain Error: of a better-sqlite3 error, the worker's error event would carry only its code.
    throw new Error((error as Error).stack ?? String(error));
  }
});
