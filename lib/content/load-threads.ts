import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileShelfWriter, WrittenShelf, type BodyRef } from './bodies';
import { finishLoad, loadArticleFiles, loadedEntry, startLoad, type LoadedArticle, type LoadedEntry, type LoadOptions, type LoadResult } from './load';
import type { ContentProblem } from './problems';
import type { Article } from './types';

/**
 * The content check's load, with the article files shared out between threads: reading and
 * validating 100,000 files is 10 s of one core, and once the type check is done (4 s) the build's
 * other core would wait. The sorted files are cut into chunks that every thread, this one
 * included, takes in turn from a shared counter, so a thread that starts late (loading its
 * modules takes a worker about 1.5 s) simply takes fewer. Each thread writes the bodies it reads
 * into a bodies file of its own, which the snapshot then keeps (snapshot.ts, format 3).
 * Cross-references are checked here once every chunk is in, in file order, so the problems and
 * their order are exactly those of loadContent.
 */
// Every file is read (no `previous`: the workers could not share it), bodies into files of their own.
export interface ThreadedLoadOptions extends Omit<LoadOptions, 'previous' | 'shelf'> {
  /** Threads in all, this one included. */
  threads: number;
  /** The bodies file of thread `i` (0: this one; 1, 2, …: the workers), in the snapshot's folder. */
  bodiesPath: (thread: number) => string;
  /** Files per chunk (default 500); a folder of fewer than two chunks per thread is loaded here alone. */
  chunkFiles?: number;
}

/** A loaded entry as a thread sends it: its body is a position in that thread's bodies file. */
type SentEntry = Omit<LoadedEntry, 'article'> & { article: Omit<Article, 'body'> & { body: Omit<BodyRef, 'shelf'> } };

interface Chunk<Entry> {
  index: number;
  entries: Entry[];
  problems: ContentProblem[];
}

/** What a worker thread sends back (see load-thread.ts). */
export interface ThreadResult {
  chunks: Chunk<SentEntry>[];
  bodiesBytes: number;
}

/** What a worker thread is given. */
export interface ThreadJob {
  files: string[];
  chunkFiles: number;
  /** One Int32: the index of the next chunk to take. */
  next: SharedArrayBuffer;
  /** The chunk kept for this thread. */
  reserved: number;
  articlesFolder: string;
  options: Pick<LoadOptions, 'contentDir' | 'publicDir' | 'rootDir' | 'quick'>;
  bodiesPath: string;
}

/**
 * Loads chunks of `files` until none is left, starting with the `reserved` one if given (worker
 * thread i has chunk i kept for it, so every thread loads some); shared by this thread and the workers.
 */
export function takeChunks(
  files: string[],
  chunkFiles: number,
  next: Int32Array,
  articlesFolder: string,
  options: LoadOptions,
  reserved?: number,
): Chunk<LoadedArticle>[] {
  const chunks: Chunk<LoadedArticle>[] = [];
  const take = () => Atomics.add(next, 0, 1);
  for (let index = reserved ?? take(); index * chunkFiles < files.length; index = take()) {
    const problems: ContentProblem[] = [];
    const { loaded } = loadArticleFiles(files.slice(index * chunkFiles, (index + 1) * chunkFiles), articlesFolder, options, problems);
    chunks.push({ index, entries: loaded, problems });
  }
  return chunks;
}

export async function loadContentOnThreads(options: ThreadedLoadOptions): Promise<LoadResult> {
  const start = startLoad(options);
  const files = start.articleFiles;
  const chunkFiles = options.chunkFiles ?? 500;
  const workers = Math.max(0, Math.min(options.threads, Math.floor(files.length / (2 * chunkFiles))) - 1);
  const next = new SharedArrayBuffer(4);
  // Chunks 0 … workers - 1 are kept for the workers; this thread starts after them.
  new Int32Array(next)[0] = workers;
  const { contentDir, publicDir, rootDir, quick } = options;
  const running = Array.from({ length: workers }, (_, i) =>
    runThread({
      files,
      chunkFiles,
      next,
      reserved: i,
      articlesFolder: start.articlesFolder,
      options: { contentDir, publicDir, rootDir, quick },
      bodiesPath: options.bodiesPath(i + 1),
    }),
  );
  const shelf = new FileShelfWriter(options.bodiesPath(0));
  const chunks = takeChunks(files, chunkFiles, new Int32Array(next), start.articlesFolder, { ...options, shelf });
  const articlesDir = path.join(options.contentDir, 'articles');
  (await Promise.all(running)).forEach((result, i) => {
    const shelf = new WrittenShelf(options.bodiesPath(i + 1), result.bodiesBytes);
    for (const chunk of result.chunks) {
      const entries = chunk.entries.map((sent) => {
        const entry: LoadedEntry = { ...sent, article: { ...sent.article, body: { shelf, at: sent.article.body.at, bytes: sent.article.body.bytes } } };
        return loadedEntry(entry, path.join(articlesDir, `${entry.article.slug}.md`));
      });
      chunks.push({ index: chunk.index, entries, problems: chunk.problems });
    }
  });
  chunks.sort((a, b) => a.index - b.index);
  for (const chunk of chunks) start.problems.push(...chunk.problems);
  return finishLoad(start, chunks.flatMap((chunk) => chunk.entries), 0);
}

/** Runs a worker thread (TypeScript through tsx, as the check itself runs). */
function runThread(job: ThreadJob): Promise<ThreadResult> {
  return new Promise((resolve, reject) => {
    // tsx's require hook, registered in the thread itself: Node 20 does not carry --import hooks
    // into worker threads.
    const entry = path.join(__dirname, 'load-thread.ts');
    const tsx = createRequire(entry).resolve('tsx/cjs');
    const worker = new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData: job });
    let result: ThreadResult | undefined;
    worker.once('message', (message: ThreadResult) => (result = message));
    worker.once('error', (error) => reject(new Error(`content check: a thread loading article files failed: ${error.message}`)));
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`content check: a thread loading article files stopped (exit code ${code}) before it finished`));
    });
  });
}
