import fs from 'node:fs';
import path from 'node:path';
import { FileShelf, FileShelfWriter, WrittenShelf, type BodyShelf } from './bodies';
import type { FileStamp, LoadedEntry, PreviousLoad } from './load';
import { byNewest } from './store';
import type { Article, Author, RawContent, Section, Taxon } from './types';

/**
 * The content snapshot: every valid article as the content check loaded it, so the build's
 * workers and the server start from it instead of reading and validating every file again.
 * `npm run build` writes it (scripts/check-content.ts) into the dist dir's cache/. It is never
 * trusted blindly: loadContent takes an article from it only when the file's size and times are
 * unchanged (see `reusable` in load.ts), reads every other file, and checks every cross-reference
 * again. Bodies go into a file of their own, read by position when a page needs one.
 *
 * The metadata is laid out for the build's workers, which each read it whole at startup: article
 * records newest first (the stores' order), minus what can be derived (file, body position), and
 * the stamps that only a later load needs as flat arrays of numbers, which the workers skip. At
 * 100,000 articles (format 1 → 2): 82 → 62 MB; a worker's read 1.5 → 0.9 s, its heap after
 * indexing 147 → 116 MiB, so every full garbage collection has less to walk.
 *
 * Bodies may be in several files: the content check loads its files on more than one thread, and
 * each thread writes the bodies it reads into a file of its own (format 3).
 *
 * Bump FORMAT whenever Article, LoadedEntry or this layout changes.
 */
const FORMAT = 3;
const META = 'snapshot.json';

export interface SnapshotPlace {
  /** Folder the snapshot lives in. */
  dir: string;
  contentDir: string;
  publicDir: string;
  rootDir: string;
}

/** An article as stored: `file` is derived from the slug, `body` from `bodyAt`. */
type StoredArticle = Omit<Article, 'body' | 'file'>;

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
  /** Where article files are, as Article.file names them ("content/articles"). */
  articlesFolder: string;
  startedMs: number;
  /** The bodies files, and the length of each. */
  bodies: string[];
  bodiesBytes: number[];
  articles: StoredArticle[];
  /** Per article, its body's file (index into `bodies`), position and length. */
  bodyAt: number[];
  /** Per article, its file's size, mtimeMs and ctimeMs (see FileStamp). */
  stamps: number[];
  /** Per article, the line of each read-also link. */
  readAlsoLines: (number | null)[][];
  /** The image stamps of the articles (by index) that have one. */
  images: Record<number, { path: string; stamp: FileStamp }>;
}

/** Writes bodies in batches of this many bytes: one write per body cost more than the copy. */
const BATCH_BYTES = 8 << 20;

/** One shared, frozen empty list for the many articles without corrections or read-also links. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Copies every body into a new bodies file (index 0), in order, and sets each one's new position in `bodyAt`. */
function copyBodies(loaded: LoadedEntry[], bodyAt: number[], bodiesPath: string): number {
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
    for (const entry of loaded) {
      const { body } = entry.article;
      const bytes = body.shelf.bytes(body.at, body.bytes);
      batch.push(bytes);
      batchBytes += bytes.length;
      if (batchBytes >= BATCH_BYTES) flush();
      bodyAt[3 * i] = 0;
      bodyAt[3 * i++ + 1] = at;
      at += bytes.length;
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(`${bodiesPath}.tmp`, bodiesPath);
  return at;
}

/** A shelf that is a whole file of bodies, written while loading (see writeSnapshot). */
function isBodiesFile(shelf: BodyShelf): shelf is FileShelfWriter | WrittenShelf {
  return shelf instanceof FileShelfWriter || shelf instanceof WrittenShelf;
}

/** What a snapshot holds: a load without problems. */
export interface SnapshotLoad extends PreviousLoad {
  content: RawContent;
}

/** Writes the snapshot of a load without problems; replaces the previous one atomically. */
export function writeSnapshot(place: SnapshotPlace, load: SnapshotLoad, id = `${load.startedMs}-${process.pid}`): void {
  fs.mkdirSync(place.dir, { recursive: true });
  const bodiesName = (i: number) => `bodies-${load.startedMs}-${process.pid}-${i}.bin`;
  // Newest first, as the stores order them: sorting a sorted list is one pass for each reader.
  const loaded = [...load.entries.values()].sort((a, b) => byNewest(a.article, b.article));
  const articles: StoredArticle[] = [];
  const bodyAt: number[] = [];
  const stamps: number[] = [];
  const readAlsoLines: (number | null)[][] = [];
  const images: Meta['images'] = {};
  let articlesFolder = '';
  // Bodies the load already wrote into files of this folder (the content check) stay where they are.
  const shelves = [...new Set(loaded.map((entry) => entry.article.body.shelf))];
  const files = shelves.filter(isBodiesFile).filter((shelf) => path.dirname(shelf.path) === place.dir);
  const inPlace = files.length > 0 && files.length === shelves.length;
  const fileOf = new Map<BodyShelf, number>(files.map((shelf, i) => [shelf, i]));
  loaded.forEach((entry, i) => {
    const { body, file, ...article } = entry.article;
    articlesFolder ||= path.dirname(file);
    articles.push(article);
    bodyAt.push(inPlace ? fileOf.get(body.shelf)! : 0, body.at, body.bytes);
    stamps.push(entry.stamp.size, entry.stamp.mtimeMs, entry.stamp.ctimeMs);
    readAlsoLines.push(entry.readAlsoLines.map((line) => line ?? null));
    if (entry.image) images[i] = entry.image;
  });
  let bodies: string[];
  let bodiesBytes: number[];
  if (inPlace) {
    bodies = files.map((_, i) => bodiesName(i));
    bodiesBytes = files.map((shelf, i) => {
      const bytes = shelf.finish();
      fs.renameSync(shelf.path, path.join(place.dir, bodies[i]!));
      return bytes;
    });
  } else {
    bodies = [bodiesName(0)];
    bodiesBytes = [copyBodies(loaded, bodyAt, path.join(place.dir, bodies[0]!))];
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
    articlesFolder,
    startedMs: load.startedMs,
    bodies,
    bodiesBytes,
    articles,
    bodyAt,
    stamps,
    readAlsoLines,
    images,
  };
  fs.writeFileSync(path.join(place.dir, `${META}.tmp`), JSON.stringify(meta));
  fs.renameSync(path.join(place.dir, `${META}.tmp`), path.join(place.dir, META));
  // Older bodies files go; a server still reading one keeps it open until it exits (POSIX).
  for (const name of fs.readdirSync(place.dir)) {
    if (name.startsWith('bodies-') && !bodies.includes(name)) fs.rmSync(path.join(place.dir, name), { force: true });
  }
}

/**
 * The snapshot in `place.dir`, or null when there is none or it is unusable: written for another
 * content folder or format, or damaged (then `reason` says why). Never throws. `stamps: false`
 * leaves `entries` empty, for a load that takes the snapshot whole and never loads again from it
 * (the build's workers): what only reuse needs is then never built.
 */
export function readSnapshot(place: SnapshotPlace, { stamps = true } = {}): { load: SnapshotLoad | null; id?: string; reason?: string } {
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
  const fds: number[] = [];
  const refuse = (reason: string) => {
    for (const fd of fds) fs.closeSync(fd);
    return { load: null, reason };
  };
  for (const [i, name] of meta.bodies.entries()) {
    try {
      fds.push(fs.openSync(path.join(place.dir, name), 'r'));
    } catch (error) {
      return refuse(`bodies file: ${(error as Error).message}`);
    }
    if (fs.fstatSync(fds[i]!).size !== meta.bodiesBytes[i]) return refuse(`bodies file ${name} is not ${meta.bodiesBytes[i]} bytes long`);
  }
  // The descriptors stay open for as long as any article of this snapshot is in use.
  const shelves = fds.map((fd) => new FileShelf(fd));
  // JSON.parse makes a string per occurrence: every article would hold its own copy of "ekonomi".
  const canonical = new Map<string, string>();
  for (const list of [meta.tags, meta.sections, meta.authors]) for (const { slug } of list) canonical.set(slug, slug);
  const intern = (slug: string) => canonical.get(slug) ?? slug;
  const folder = meta.articlesFolder ? `${meta.articlesFolder}${path.sep}` : '';
  const { bodyAt } = meta;
  const entries = new Map<string, LoadedEntry>();
  // New objects in the field order loadArticle gives them, rather than the parsed ones with
  // fields added (which took 0.9 s of a worker's profile at 100,000): one shape for every article.
  const articles = meta.articles.map((a, i): Article => ({
    slug: a.slug,
    file: `${folder}${a.slug}.md`,
    title: a.title,
    summary: a.summary,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    publishedMs: a.publishedMs,
    section: intern(a.section),
    tags: a.tags.map(intern),
    authors: a.authors.map(intern),
    source: a.source,
    dateline: a.dateline,
    image: a.image,
    draft: a.draft,
    corrections: a.corrections.length === 0 ? NONE : a.corrections,
    readAlso: a.readAlso.length === 0 ? NONE : a.readAlso,
    body: { shelf: shelves[bodyAt[3 * i]!]!, at: bodyAt[3 * i + 1]!, bytes: bodyAt[3 * i + 2]! },
    bodyLineOffset: a.bodyLineOffset,
  }));
  if (stamps) {
    articles.forEach((article, i) => {
      entries.set(`${article.slug}.md`, {
        stamp: { size: meta.stamps[3 * i]!, mtimeMs: meta.stamps[3 * i + 1]!, ctimeMs: meta.stamps[3 * i + 2]! },
        article,
        readAlsoLines: meta.readAlsoLines[i]!.map((line) => line ?? undefined),
        image: meta.images[i],
      });
    });
  }
  const { tags, sections, authors } = meta;
  return { load: { entries, startedMs: meta.startedMs, content: { articles, tags, sections, authors } }, id: meta.id };
}
