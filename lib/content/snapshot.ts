import fs from 'node:fs';
import path from 'node:path';
import { FileShelf, FileShelfWriter } from './bodies';
import type { FileStamp, LoadedEntry, PreviousLoad } from './load';
import type { Article, Author, RawContent, Section, Taxon } from './types';

/**
 * The content snapshot: every valid article as the content check loaded it, so the build's
 * workers and the server start from it instead of reading and validating every file again.
 * `npm run build` writes it (scripts/check-content.ts) into the dist dir's cache/. It is never
 * trusted blindly: loadContent takes an article from it only when the file's size and times are
 * unchanged (see `reusable` in load.ts), reads every other file, and checks every cross-reference
 * again. Bodies go into a file of their own, read by position when a page needs one.
 *
 * Bump FORMAT whenever Article or LoadedEntry changes shape.
 */
const FORMAT = 1;
const META = 'snapshot.json';

export interface SnapshotPlace {
  /** Folder the snapshot lives in. */
  dir: string;
  contentDir: string;
  publicDir: string;
  rootDir: string;
}

interface StoredEntry {
  name: string;
  stamp: FileStamp;
  article: Omit<Article, 'body'> & { body: { at: number; bytes: number } };
  readAlsoLines: (number | null)[];
  image?: { path: string; stamp: FileStamp };
}

interface Meta {
  format: number;
  /** Names this snapshot for the build that wrote it (see `trusted`). */
  id: string;
  tags: Taxon[];
  sections: Section[];
  authors: Author[];
  contentDir: string;
  publicDir: string;
  rootDir: string;
  startedMs: number;
  bodies: string;
  bodiesBytes: number;
  entries: StoredEntry[];
}

/** Writes bodies in batches of this many bytes: one write per body cost more than the copy. */
const BATCH_BYTES = 8 << 20;

function stored(name: string, entry: LoadedEntry): StoredEntry {
  const { body, ...article } = entry.article;
  return {
    name,
    stamp: entry.stamp,
    article: { ...article, body: { at: body.at, bytes: body.bytes } },
    readAlsoLines: entry.readAlsoLines.map((line) => line ?? null),
    image: entry.image,
  };
}

/** Copies every body into a new bodies file, in order, and points the entries at their new place. */
function copyBodies(load: PreviousLoad, entries: StoredEntry[], bodiesPath: string): number {
  let at = 0;
  const fd = fs.openSync(`${bodiesPath}.tmp`, 'w');
  try {
    let batch: Buffer[] = [];
    let batchBytes = 0;
    const flush = () => {
      if (batch.length > 0) fs.writevSync(fd, batch);
      batch = [];
      batchBytes = 0;
    };
    let i = 0;
    for (const entry of load.entries.values()) {
      const { body } = entry.article;
      const bytes = body.shelf.bytes(body.at, body.bytes);
      batch.push(bytes);
      batchBytes += bytes.length;
      if (batchBytes >= BATCH_BYTES) flush();
      entries[i++]!.article.body = { at, bytes: bytes.length };
      at += bytes.length;
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${bodiesPath}.tmp`, bodiesPath);
  return at;
}

/** What a snapshot holds: a load without problems. */
export interface SnapshotLoad extends PreviousLoad {
  content: RawContent;
}

/** Writes the snapshot of a load without problems; replaces the previous one atomically. */
export function writeSnapshot(place: SnapshotPlace, load: SnapshotLoad, id = `${load.startedMs}-${process.pid}`): void {
  fs.mkdirSync(place.dir, { recursive: true });
  const bodies = `bodies-${load.startedMs}-${process.pid}.bin`;
  const bodiesPath = path.join(place.dir, bodies);
  const entries = [...load.entries].map(([name, entry]) => stored(name, entry));
  // Bodies the load already wrote into a file of this folder (the content check) stay where they are.
  const writers = new Set([...load.entries.values()].map((entry) => entry.article.body.shelf));
  const [writer] = writers;
  let bodiesBytes: number;
  if (writers.size === 1 && writer instanceof FileShelfWriter && path.dirname(writer.path) === place.dir) {
    bodiesBytes = writer.finish();
    fs.renameSync(writer.path, bodiesPath);
  } else {
    bodiesBytes = copyBodies(load, entries, bodiesPath);
  }
  const meta: Meta = {
    format: FORMAT,
    id,
    tags: load.content.tags,
    sections: load.content.sections,
    authors: load.content.authors,
    contentDir: place.contentDir,
    publicDir: place.publicDir,
    rootDir: place.rootDir,
    startedMs: load.startedMs,
    bodies,
    bodiesBytes,
    entries,
  };
  fs.writeFileSync(path.join(place.dir, `${META}.tmp`), JSON.stringify(meta));
  fs.renameSync(path.join(place.dir, `${META}.tmp`), path.join(place.dir, META));
  // Older bodies files go; a server still reading one keeps it open until it exits (POSIX).
  for (const name of fs.readdirSync(place.dir)) {
    if (name.startsWith('bodies-') && name !== bodies) fs.rmSync(path.join(place.dir, name), { force: true });
  }
}

/**
 * The snapshot in `place.dir`, or null when there is none or it is unusable: written for another
 * content folder or format, or damaged (then `reason` says why). Never throws.
 */
export function readSnapshot(place: SnapshotPlace): { load: SnapshotLoad | null; id?: string; reason?: string } {
  let meta: Meta;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(place.dir, META), 'utf8')) as Meta;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { load: null, reason: missing ? undefined : `unreadable ${META}: ${(error as Error).message}` };
  }
  if (meta.format !== FORMAT) return { load: null, reason: `format ${String(meta.format)}, expected ${FORMAT}` };
  for (const key of ['contentDir', 'publicDir', 'rootDir'] as const) {
    if (meta[key] !== place[key]) return { load: null, reason: `written for ${key} ${meta[key]}` };
  }
  let fd: number;
  try {
    fd = fs.openSync(path.join(place.dir, meta.bodies), 'r');
  } catch (error) {
    return { load: null, reason: `bodies file: ${(error as Error).message}` };
  }
  if (fs.fstatSync(fd).size !== meta.bodiesBytes) {
    fs.closeSync(fd);
    return { load: null, reason: `bodies file is not ${meta.bodiesBytes} bytes long` };
  }
  // The descriptor stays open for as long as any article of this snapshot is in use.
  const shelf = new FileShelf(fd);
  const entries = new Map<string, LoadedEntry>();
  for (const stored of meta.entries) {
    const article: Article = { ...stored.article, body: { shelf, at: stored.article.body.at, bytes: stored.article.body.bytes } };
    entries.set(stored.name, {
      stamp: stored.stamp,
      article,
      readAlsoLines: stored.readAlsoLines.map((line) => line ?? undefined),
      image: stored.image,
    });
  }
  const { tags, sections, authors } = meta;
  const articles = [...entries.values()].map((entry) => entry.article);
  return { load: { entries, startedMs: meta.startedMs, content: { articles, tags, sections, authors } }, id: meta.id };
}
