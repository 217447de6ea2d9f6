/** A worker thread of loadContentOnThreads (load-threads.ts): loads chunks of the article files. */
import { parentPort, workerData } from 'node:worker_threads';
import { FileShelfWriter } from './bodies';
import { takeChunks, type ThreadJob, type ThreadResult } from './load-threads';

const job = workerData as ThreadJob;
const writer = new FileShelfWriter(job.bodiesPath);
const chunks = takeChunks(job.files, job.chunkFiles, new Int32Array(job.next), job.articlesFolder, { ...job.options, shelf: writer }, job.reserved);
const result: ThreadResult = {
  chunks: chunks.map((chunk) => ({
    ...chunk,
    entries: chunk.entries.map(({ entry }) => ({ ...entry, article: { ...entry.article, body: { at: entry.article.body.at, bytes: entry.article.body.bytes } } })),
  })),
  bodiesBytes: writer.finish(),
};
parentPort!.postMessage(result);
