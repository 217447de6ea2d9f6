import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { ZodObject, type z } from 'zod';
import { quickFrontmatter } from './frontmatter';
import { checkBody, scanBody } from './markdown';
import { ContentValidationError, type ContentProblem } from './problems';
import {
  articleFrontmatterSchema,
  authorSchema,
  fieldHelp,
  sectionSchema,
  SLUG_PATTERN,
  tagSchema,
} from './schema';
import type { Article, Author, BodyRef, RawContent, Section, Tag } from './types';

/** The YAML frontmatter at the top of a Markdown file (articles, live reports); group 1 is its text. */
export const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface LoadOptions {
  /** Folder holding articles/, tags/, sections/, authors/. */
  contentDir: string;
  /** Folder that image src paths are resolved against. */
  publicDir: string;
  /** Base for file names in messages (the project root). */
  rootDir?: string;
  /**
   * Read plain frontmatter with the quick reader (default). false: parse every file with `yaml`,
   * as the quick path falls back to on anything unusual; tests check that both agree.
   */
  quick?: boolean;
  /**
   * A previous load of the same folder (content.db, or the server's last load): an article file
   * whose bytes (SHA-256) and image are unchanged since then is taken from it, not parsed again.
   * Cross-references are checked again over every article either way.
   */
  previous?: Pick<LoadResult, 'entries'>;
  /**
   * Where the body of a file read now goes (content.db, see database.ts); by default it stays in
   * memory. Called once the article is valid on its own, before cross-references are checked.
   */
  keep?: (entry: LoadedEntry, markdown: string) => BodyRef;
}

/** One valid article file as loaded, with what a later load needs to reuse it. */
export interface LoadedEntry {
  /** SHA-256 of the file's bytes. */
  hash: string;
  article: Article;
  /** Line of each read-also link, for messages. */
  readAlsoLines: (number | undefined)[];
  /** The article's image (src under public/) and its SHA-256: its size is part of the article. */
  image?: { src: string; hash: string };
  /** Its row in content.db, once written there. */
  id?: number;
}

export interface LoadResult {
  content: RawContent;
  problems: ContentProblem[];
  /** Valid article files by file name. */
  entries: Map<string, LoadedEntry>;
  /** Article files taken from `previous` rather than parsed. */
  reused: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A body held in memory as text (tests, reloads, articles made in code). */
export function textBody(text: string): BodyRef {
  return { text: () => text };
}

interface YamlSource {
  doc: Document;
  lines: LineCounter;
  /** Lines before the YAML text in its file (1 for frontmatter after "---"). */
  lineOffset: number;
}

/**
 * An article's frontmatter, parsed with line numbers only when a message needs a line: a Document
 * kept per article until the cross-checks costs hundreds of megabytes in a large archive.
 */
class LazyYaml {
  private parsed?: YamlSource;

  /** `text` is the frontmatter, or reads it (an article taken from a previous load). */
  constructor(private readonly text: string | (() => string)) {}

  get source(): YamlSource {
    // Line 1 is the opening "---".
    this.parsed ??= compose(typeof this.text === 'string' ? this.text : this.text(), 1);
    return this.parsed;
  }
}

function relative(options: Pick<LoadOptions, 'rootDir'>, file: string) {
  return path.relative(options.rootDir ?? process.cwd(), file) || file;
}

function listFiles(dir: string, ext: string, file: (p: string) => string, problems: ContentProblem[]): string[] {
  if (!fs.existsSync(dir)) {
    problems.push({ file: file(dir), message: 'folder is missing', fix: `create ${file(dir)}/` });
    return [];
  }
  const names = fs.readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  const result: string[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (!name.endsWith(ext)) {
      problems.push({ file: file(full), message: `unexpected file in ${file(dir)}/`, fix: `only ${ext} files belong here: rename or move it` });
      continue;
    }
    const slug = name.slice(0, -ext.length);
    if (!SLUG_PATTERN.test(slug)) {
      problems.push({
        file: file(full),
        message: `file name "${name}" is not a valid slug`,
        fix: `rename it to lower-case letters, digits and single hyphens, e.g. ${slugify(slug) || 'judul-berita'}${ext}`,
      });
      continue;
    }
    result.push(full);
  }
  return result;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** One buffer for every file read: a fresh buffer per file (readFileSync) cost more than the read. */
let scratch = Buffer.allocUnsafe(1 << 16);

/** The file's bytes, valid until the next read. */
function readBytes(full: string): Buffer {
  const fd = fs.openSync(full, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger, 0, 0, length);
        scratch = bigger;
      }
      const read = fs.readSync(fd, scratch, length, scratch.length - length, null);
      if (read === 0) return scratch.subarray(0, length);
      length += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

function decodeUtf8(bytes: Uint8Array, file: string, problems: ContentProblem[]): string | null {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    problems.push({ file, message: 'the file is not valid UTF-8 text', fix: 'save it with UTF-8 encoding' });
    return null;
  }
}

function compose(text: string, lineOffset: number): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  return { doc, lines, lineOffset };
}

export function parseYaml(text: string, file: string, lineOffset: number, problems: ContentProblem[]): YamlSource | null {
  const source = compose(text, lineOffset);
  const { doc } = source;
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      problems.push({
        file,
        line: line !== undefined ? line + lineOffset : undefined,
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
        fix: 'check indentation and quote text that contains a colon, e.g. title: "Putin: Kami Siap"',
      });
    }
    return null;
  }
  return source;
}

function lineOfPath(source: YamlSource, pathParts: PropertyKey[]): number | undefined {
  for (let depth = pathParts.length; depth > 0; depth--) {
    const node = source.doc.getIn(pathParts.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return source.lines.linePos(node.range[0]).line + source.lineOffset;
  }
  return undefined;
}

/**
 * The happy path: the quick reader and zod both accept the text. undefined sends the caller to
 * parseYaml + validate, which find the same problems with lines, exactly as messages need them.
 */
function quickValidate<T>(schema: z.ZodType<T>, text: string, options: LoadOptions): T | undefined {
  if (options.quick === false) return undefined;
  const data = quickFrontmatter(text);
  if (data === undefined) return undefined;
  const result = schema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** Validates parsed YAML against a schema, turning every zod issue into an editor-facing problem. */
export function validate<T>(
  schema: z.ZodType<T>,
  source: YamlSource,
  file: string,
  problems: ContentProblem[],
): T | null {
  const data: unknown = source.doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, message: 'expected a list of fields (key: value)', fix: 'see docs/editors.md, "Menulis berita"' });
    return null;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const pathParts = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = [...pathParts, key].join('.');
        problems.push({
          file,
          line: lineOfPath(source, [...pathParts, key]),
          field,
          message: 'unknown field',
          // At the top, the fields this kind of file has (an article's, a live report's, a tag's…).
          fix: pathParts.length === 0 && schema instanceof ZodObject ? `remove it or use one of: ${Object.keys(schema.shape).join(', ')}` : 'remove it or check its spelling',
        });
      }
      continue;
    }
    const field = pathParts.join('.') || '(root)';
    const generic = pathParts.filter((p) => typeof p === 'string').join('.');
    const missing = issue.code === 'invalid_type' && source.doc.getIn(pathParts, true) === undefined;
    problems.push({
      file,
      line: lineOfPath(source, pathParts),
      field,
      message: missing ? 'is required but missing' : issue.message,
      fix: fieldHelp[generic] ? `expected ${fieldHelp[generic]}` : undefined,
    });
  }
  return null;
}

/** The valid files of a taxon folder (tags/, sections/, authors/), each with its slug first. */
function loadTaxa<T>(dir: string, schema: z.ZodType<T>, options: LoadOptions, problems: ContentProblem[]): ({ slug: string } & T)[] {
  const out: ({ slug: string } & T)[] = [];
  for (const full of listFiles(dir, '.yml', (p) => relative(options, p), problems)) {
    const file = relative(options, full);
    const text = decodeUtf8(readBytes(full), file, problems);
    if (text === null) continue;
    let data: T | null | undefined = quickValidate(schema, text, options);
    if (data === undefined) {
      const source = parseYaml(text, file, 0, problems);
      if (!source) continue;
      data = validate(schema, source, file, problems);
    }
    if (data) out.push({ slug: path.basename(full, '.yml'), ...data });
  }
  return out;
}

/** An article as loaded, with what cross-reference messages need to point at lines. */
interface LoadedArticle {
  entry: LoadedEntry;
  yaml: LazyYaml;
}

/** The frontmatter text of an article file that was valid when last loaded (for messages' lines). */
function frontmatterOf(full: string): string {
  return FRONTMATTER.exec(fs.readFileSync(full, 'utf8').replace(/^\uFEFF/, ''))?.[1] ?? '';
}

/** The SHA-256 of each image file, read once per load however many articles show it. */
type ImageHashes = Map<string, string | null>;

function imageHash(publicDir: string, src: string, hashes: ImageHashes): string | null {
  const full = path.join(publicDir, src);
  let hash = hashes.get(full);
  if (hash === undefined) {
    hash = full.startsWith(path.resolve(publicDir)) && fs.existsSync(full) ? sha256(fs.readFileSync(full)) : null;
    hashes.set(full, hash);
  }
  return hash;
}

/** The entry of a previous load for this file, if the file and its image are byte for byte the same. */
function reusable(previous: Pick<LoadResult, 'entries'>, full: string, hash: string, publicDir: string, images: ImageHashes): LoadedEntry | undefined {
  const entry = previous.entries.get(path.basename(full));
  if (!entry || entry.hash !== hash) return undefined;
  if (entry.image && imageHash(publicDir, entry.image.src, images) !== entry.image.hash) return undefined;
  return entry;
}

function loadArticle(
  full: string,
  file: string,
  bytes: Buffer,
  hash: string,
  options: LoadOptions,
  images: ImageHashes,
  problems: ContentProblem[],
): LoadedArticle | null {
  const text = decodeUtf8(bytes, file, problems);
  if (text === null) return null;
  const match = FRONTMATTER.exec(text);
  if (!match) {
    problems.push({
      file,
      line: 1,
      message: 'the file does not start with YAML frontmatter',
      fix: 'begin the file with a line "---", the fields (title, summary, publishedAt, …), then another "---"',
    });
    return null;
  }
  // A copy of the frontmatter decoded on its own: the fields read from it (title, summary, …)
  // are slices of it, and a slice of the whole file's text would keep all of it, body included,
  // in the heap for as long as the article lives.
  const bom = bytes.length - Buffer.byteLength(text);
  const frontmatterAt = bom + match[0].indexOf(match[1]!);
  const frontmatter = bytes.toString('utf8', frontmatterAt, frontmatterAt + Buffer.byteLength(match[1]!));
  const quick = quickValidate(articleFrontmatterSchema, frontmatter, options);
  const source = quick ? undefined : parseYaml(frontmatter, file, 1, problems);
  const bodyLineOffset = match[0].split('\n').length - 1;
  const before = problems.length;
  const markdown = text.slice(match[0].length);
  // Words are counted when a page shows them (ContentStore.readingTime); quick: false scans all now.
  const scanned = options.quick === false ? scanBody(markdown, file, bodyLineOffset, problems, false) : undefined;
  const readAlso = scanned?.readAlso ?? checkBody(markdown, file, bodyLineOffset, problems);
  const fm = quick ?? (source ? validate(articleFrontmatterSchema, source, file, problems) : null);
  if (!fm || problems.length > before) return null;
  const yaml = new LazyYaml(frontmatter);

  const slug = path.basename(full, '.md');
  let image: Article['image'];
  let imageHashed: LoadedEntry['image'];
  if (fm.image) {
    const imagePath = path.join(options.publicDir, fm.image.src);
    const hashed = imageHash(options.publicDir, fm.image.src, images);
    if (hashed === null) {
      problems.push({
        file,
        line: lineOfPath(yaml.source, ['image', 'src']),
        field: 'image.src',
        message: `image file ${fm.image.src} does not exist`,
        fix: `put the image at public${fm.image.src} or correct the path`,
      });
      return null;
    }
    const imageBytes = fs.readFileSync(imagePath);
    const size = imageSize(imageBytes);
    image = { ...fm.image, width: size.width, height: size.height };
    imageHashed = { src: fm.image.src, hash: hashed };
  }
  if (fm.updatedAt && Date.parse(fm.updatedAt) < Date.parse(fm.publishedAt)) {
    problems.push({
      file,
      line: lineOfPath(yaml.source, ['updatedAt']),
      field: 'updatedAt',
      message: `${fm.updatedAt} is earlier than publishedAt ${fm.publishedAt}`,
      fix: 'set updatedAt to the time of the latest change, after publication',
    });
    return null;
  }
  const article: Article = {
    slug,
    file,
    title: fm.title,
    summary: fm.summary,
    publishedAt: fm.publishedAt,
    updatedAt: fm.updatedAt,
    publishedMs: Date.parse(fm.publishedAt),
    section: fm.section,
    tags: fm.tags,
    authors: fm.authors,
    source: fm.source,
    dateline: fm.dateline,
    image,
    draft: fm.draft ?? false,
    corrections: [...(fm.corrections ?? [])].sort((x, y) => Date.parse(x.date) - Date.parse(y.date)),
    // Copied: a slice of the file's text would keep the whole text alive (see `frontmatter`).
    readAlso: readAlso.map((r) => Buffer.from(r.slug).toString()),
    body: NO_BODY,
    bodyLineOffset,
  };
  const entry: LoadedEntry = { hash, article, readAlsoLines: readAlso.map((r) => r.line), image: imageHashed };
  article.body = options.keep ? options.keep(entry, markdown) : textBody(markdown);
  return { entry, yaml };
}

/** Placeholder until the body has its place (see LoadOptions.keep). */
const NO_BODY: BodyRef = { text: () => '' };

/** Reads and validates every content file; returns what loaded and every problem found. */
export function loadContent(options: LoadOptions): LoadResult {
  const problems: ContentProblem[] = [];
  const dir = (name: string) => path.join(options.contentDir, name);
  const file = (p: string) => relative(options, p);

  const tags: Tag[] = loadTaxa(dir('tags'), tagSchema, options, problems);
  const sections: Section[] = loadTaxa(dir('sections'), sectionSchema, options, problems).map((s) => ({ ...s, order: s.order ?? 100 }));
  const authors: Author[] = loadTaxa(dir('authors'), authorSchema, options, problems);

  const articleFiles = listFiles(dir('articles'), '.md', file, problems);
  // Joined rather than path.relative per file: the same name, for a fraction of the work.
  const folder = articlesFolder(options);
  // Each file on its own first; cross-references once every file is read (checkReferences).
  const loaded: LoadedArticle[] = [];
  const images: ImageHashes = new Map();
  let reused = 0;
  for (const full of articleFiles) {
    const bytes = readBytes(full);
    const hash = sha256(bytes);
    const previous = options.previous && reusable(options.previous, full, hash, options.publicDir, images);
    if (previous) {
      // Its frontmatter is read again only if a message needs a line.
      loaded.push({ entry: previous, yaml: new LazyYaml(() => frontmatterOf(full)) });
      reused++;
      continue;
    }
    const result = loadArticle(full, path.join(folder, path.basename(full)), bytes, hash, options, images, problems);
    if (result) loaded.push(result);
  }
  const { articles, entries } = checkReferences(loaded, { tags, sections, authors }, articleFiles, problems);
  return { content: { articles, tags, sections, authors }, problems, entries, reused };
}

/** Where messages name article files from ("content/articles"), as Article.file does. */
export function articlesFolder(options: Pick<LoadOptions, 'contentDir' | 'rootDir'>): string {
  return relative(options, path.join(options.contentDir, 'articles'));
}

/**
 * Checks cross-references over all loaded articles, once every file is read, so all problems
 * surface together; returns the articles without problems and their entries.
 */
function checkReferences(
  loaded: LoadedArticle[],
  { tags, sections, authors }: Omit<RawContent, 'articles'>,
  articleFiles: string[],
  problems: ContentProblem[],
): { articles: Article[]; entries: Map<string, LoadedEntry> } {
  const sectionSlugs = new Set(sections.map((s) => s.slug));
  const refs = [
    { field: 'tags', known: new Set(tags.map((t) => t.slug)), kind: 'tag', fill: 'name and description' },
    { field: 'authors', known: new Set(authors.map((a) => a.slug)), kind: 'author', fill: 'name and bio' },
  ] as const;
  // Every article file counts as a link target, even one with problems of its own (reported apart).
  const articleSlugs = new Set(articleFiles.map((f) => path.basename(f, '.md')));
  // The same headline published at the same moment twice is a copy, not two stories.
  const firstByTitleAndTime = new Map<string, Article>();
  const valid: Article[] = [];
  const entries = new Map<string, LoadedEntry>();
  for (const { entry, yaml } of loaded) {
    const { article: a, readAlsoLines } = entry;
    const key = `${a.title.trim().toLowerCase()}|${a.publishedMs}`;
    const twin = firstByTitleAndTime.get(key);
    if (twin) {
      problems.push({
        file: a.file,
        line: lineOfPath(yaml.source, ['title']),
        field: 'title',
        message: `duplicate of ${twin.file}: same title and publishedAt`,
        fix: 'delete one of the two files, or give this story its own headline and time',
      });
      continue;
    }
    firstByTitleAndTime.set(key, a);
    const before = problems.length;
    if (!sectionSlugs.has(a.section)) {
      problems.push({
        file: a.file,
        line: lineOfPath(yaml.source, ['section']),
        field: 'section',
        message: `unknown section "${a.section}"`,
        fix: `use one of: ${[...sectionSlugs].join(', ')} — or add content/sections/${a.section}.yml`,
      });
    }
    for (const ref of refs) {
      a[ref.field].forEach((slug, i) => {
        if (ref.known.has(slug)) return;
        problems.push({
          file: a.file,
          line: lineOfPath(yaml.source, [ref.field, i]),
          field: `${ref.field}.${i}`,
          message: `unknown ${ref.kind} "${slug}"`,
          fix: `use an existing ${ref.kind} from content/${ref.field}/ or add content/${ref.field}/${slug}.yml with ${ref.fill}`,
        });
      });
    }
    a.readAlso.forEach((target, i) => {
      if (target === a.slug) {
        problems.push({ file: a.file, line: readAlsoLines[i], message: 'read-also link points at this article itself', fix: 'link to a different article' });
      } else if (!articleSlugs.has(target)) {
        problems.push({
          file: a.file,
          line: readAlsoLines[i],
          message: `read-also link to "${target}", but there is no content/articles/${target}.md`,
          fix: 'correct the slug to the file name (without .md) of an existing article',
        });
      }
    });
    if (problems.length === before) {
      valid.push(a);
      entries.set(path.basename(a.file), entry);
    }
  }
  return { articles: valid, entries };
}

/** Like loadContent, but throws ContentValidationError listing every problem. */
export function loadContentOrThrow(options: LoadOptions): RawContent {
  const { content, problems } = loadContent(options);
  if (problems.length > 0) throw new ContentValidationError(problems);
  return content;
}
