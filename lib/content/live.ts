import fs from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { z } from 'zod';
import { DATE_EXAMPLE, isoDateProblem } from './dates';
import { FRONTMATTER, parseYaml, validate } from './load';
import { checkBody, parseBody, plainText, renderBody } from './markdown';
import type { ContentProblem } from './problems';
import { isoDate, SLUG_PATTERN, slug, text } from './schema';
import type { Article, RawContent } from './types';

/**
 * Live reports ("Live Update"): one Markdown file each in content/live/, named by its slug. The
 * frontmatter says what the report covers; the body is its entries, newest first, each between
 * `:::entri{…}` and `:::` with its own time (WIB), permalink id and, for key events, a label:
 *
 *   :::entri{id="putin-tiba" waktu="2024-06-19T02:45:00+07:00" penting="Putin tiba di Pyongyang"}
 *   Markdown…
 *   :::
 */

const liveFrontmatterSchema = z.strictObject({
  title: text.max(160, 'must be at most 160 characters'),
  summary: text.max(400, 'must be at most 400 characters'),
  status: z.enum(['berlangsung', 'selesai'], { message: 'must be berlangsung (still running) or selesai (ended)' }),
  coverageStart: isoDate,
  coverageEnd: isoDate.optional(),
  section: slug,
  tags: z.array(slug).min(1, 'must list at least one tag'),
  authors: z.array(slug).min(1, 'must list at least one author'),
  pinned: text.max(600, 'must be at most 600 characters').optional(),
  draft: z.boolean().optional(),
});

export interface LiveEntry {
  /** The permalink's fragment: /langsung/{slug}#{id}. */
  id: string;
  time: string;
  ms: number;
  /** A key event's label, for the list at the top; undefined for other entries. */
  keyEvent?: string;
  /** Plain text of the entry, for structured data and feeds. */
  text: string;
  body: HastRoot;
  line: number;
}

/** A live report: its frontmatter as validated (liveFrontmatterSchema), and its entries. */
export type LiveReport = Omit<z.infer<typeof liveFrontmatterSchema>, 'draft'> & {
  slug: string;
  file: string;
  coverageStartMs: number;
  draft: boolean;
  /** Newest first, as shown. */
  entries: LiveEntry[];
};

const OPEN = /^:::entri(?:\{(.*)\})?\s*$/;
const CLOSE = /^:::\s*$/;
const ATTRIBUTE = /([a-z]+)="([^"]*)"/g;
const ENTRY_FIX = 'write each entry as :::entri{id="judul-singkat" waktu="2024-06-19T02:45:00+07:00"} then its text, then ::: on a line of its own';

/** Reads one entry's lines (between its opening and closing lines) into an entry, or reports why not. */
function readEntry(attributes: string, lines: string[], line: number, file: string, problems: ContentProblem[], titleOf: (slug: string) => string | undefined): LiveEntry | null {
  const attrs = Object.fromEntries([...attributes.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!]));
  const before = problems.length;
  if (!attrs.id || !SLUG_PATTERN.test(attrs.id)) {
    problems.push({ file, line, field: 'entri.id', message: attrs.id ? `entry id "${attrs.id}" is not a slug` : 'entry has no id', fix: 'give it id="a-short-slug", unique in this report: it is the permalink' });
  }
  const dateProblem = attrs.waktu ? isoDateProblem(attrs.waktu) : 'entry has no time';
  if (dateProblem) problems.push({ file, line, field: 'entri.waktu', message: dateProblem, fix: `expected waktu="${DATE_EXAMPLE}"` });
  const markdown = lines.join('\n');
  if (!markdown.trim()) {
    problems.push({ file, line, message: 'entry is empty', fix: 'write what happened between the opening line and the closing :::' });
    return null;
  }
  // The same checks as an article's body (load.ts): directives and words.
  checkBody(markdown, file, line, problems);
  if (problems.length > before) return null;
  return {
    id: attrs.id!,
    time: attrs.waktu!,
    ms: Date.parse(attrs.waktu!),
    keyEvent: attrs.penting?.trim() || undefined,
    text: plainText(markdown).replace(/\s+/g, ' ').trim(),
    body: renderBody(parseBody(markdown), { titleOf }),
    line,
  };
}

/** Checks the order of entries (newest first, no two at one time, none before the coverage starts). */
function checkEntries(report: LiveReport, problems: ContentProblem[]) {
  const ids = new Map<string, number>();
  report.entries.forEach((entry, i) => {
    const first = ids.get(entry.id);
    if (first !== undefined) problems.push({ file: report.file, line: entry.line, field: 'entri.id', message: `entry id "${entry.id}" is already used on line ${first}`, fix: 'give every entry its own id' });
    ids.set(entry.id, entry.line);
    const newer = report.entries[i - 1];
    if (newer && entry.ms === newer.ms) {
      problems.push({ file: report.file, line: entry.line, field: 'entri.waktu', message: `two entries at the same time (${entry.time}, also on line ${newer.line})`, fix: 'give each entry its own minute, or merge the two' });
    } else if (newer && entry.ms > newer.ms) {
      problems.push({ file: report.file, line: entry.line, field: 'entri.waktu', message: `entry at ${entry.time} is later than the one above it (line ${newer.line}, ${newer.time})`, fix: 'entries go newest first: put the newest at the top of the body' });
    }
    if (entry.ms < report.coverageStartMs) {
      problems.push({ file: report.file, line: entry.line, field: 'entri.waktu', message: `entry at ${entry.time} is before the report's coverageStart (${report.coverageStart})`, fix: 'correct the entry time, or start the coverage earlier' });
    }
    if (report.coverageEnd && entry.ms > Date.parse(report.coverageEnd)) {
      problems.push({ file: report.file, line: entry.line, field: 'entri.waktu', message: `entry at ${entry.time} is after the report's coverageEnd (${report.coverageEnd})`, fix: 'correct the entry time, or end the coverage later' });
    }
  });
}

/** Parses and checks one live report file; null (with problems) when it cannot be shown. */
export function parseLiveReport(source: string, file: string, content: Pick<RawContent, 'tags' | 'sections' | 'authors'>, problems: ContentProblem[], titleOf: (slug: string) => string | undefined = () => undefined): LiveReport | null {
  const text = source.replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(text);
  if (!match) {
    problems.push({ file, line: 1, message: 'the file does not start with YAML frontmatter', fix: 'begin the file with a line "---", the fields (title, summary, status, coverageStart, …), then another "---"' });
    return null;
  }
  const yaml = parseYaml(match[1]!, file, 1, problems);
  const data = yaml && validate(liveFrontmatterSchema, yaml, file, problems);
  if (!data) return null;
  const before = problems.length;
  const known = { tags: new Set(content.tags.map((t) => t.slug)), sections: new Set(content.sections.map((s) => s.slug)), authors: new Set(content.authors.map((a) => a.slug)) };
  if (!known.sections.has(data.section)) problems.push({ file, field: 'section', message: `no section "${data.section}"`, fix: 'use the slug of a file in content/sections/' });
  for (const tag of data.tags) if (!known.tags.has(tag)) problems.push({ file, field: 'tags', message: `no tag "${tag}"`, fix: 'use the slug of a file in content/tags/, or create it' });
  for (const author of data.authors) if (!known.authors.has(author)) problems.push({ file, field: 'authors', message: `no author "${author}"`, fix: 'use the slug of a file in content/authors/' });
  if (data.status === 'selesai' && !data.coverageEnd) problems.push({ file, field: 'coverageEnd', message: 'an ended report (status: selesai) needs coverageEnd', fix: `expected coverageEnd: "${DATE_EXAMPLE}"` });
  if (data.coverageEnd && Date.parse(data.coverageEnd) < Date.parse(data.coverageStart)) problems.push({ file, field: 'coverageEnd', message: 'is earlier than coverageStart', fix: 'the coverage ends after it starts' });

  const entries: LiveEntry[] = [];
  const lines = text.split(/\r?\n/);
  const bodyStart = match[0].split('\n').length - 1;
  let open: { attributes: string; line: number; lines: string[] } | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    const opening = OPEN.exec(line);
    if (open) {
      if (CLOSE.test(line)) {
        const entry = readEntry(open.attributes, open.lines, open.line, file, problems, titleOf);
        if (entry) entries.push(entry);
        open = undefined;
      } else if (opening) {
        problems.push({ file, line: i + 1, message: 'an entry starts before the one above it is closed', fix: ENTRY_FIX });
      } else {
        open.lines.push(line);
      }
    } else if (opening) {
      open = { attributes: opening[1] ?? '', line: i + 1, lines: [] };
    } else if (line.trim()) {
      problems.push({ file, line: i + 1, message: 'text outside an entry', fix: ENTRY_FIX });
      break;
    }
  }
  if (open) problems.push({ file, line: open.line, message: 'entry is not closed', fix: ENTRY_FIX });
  if (entries.length === 0 && problems.length === before) problems.push({ file, message: 'the report has no entries', fix: ENTRY_FIX });
  const report: LiveReport = {
    slug: path.basename(file, '.md'),
    file,
    ...data,
    coverageStartMs: Date.parse(data.coverageStart),
    draft: data.draft ?? false,
    entries,
  };
  checkEntries(report, problems);
  return problems.length > before ? null : report;
}

/** Every live report in `<contentDir>/live/` (none when the folder does not exist), checked against the content. */
export function loadLiveReports(options: { contentDir: string; rootDir: string }, content: RawContent, problems: ContentProblem[]): LiveReport[] {
  const dir = path.join(options.contentDir, 'live');
  if (!fs.existsSync(dir)) return [];
  // Headlines only of the stories an entry links to: reading every story's would parse its details (StoredArticle).
  let bySlug: Map<string, Article> | undefined;
  const titleOf = (slug: string) => (bySlug ??= new Map(content.articles.map((a) => [a.slug, a]))).get(slug)?.title;
  const reports: LiveReport[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const file = path.relative(options.rootDir, path.join(dir, name));
    if (!name.endsWith('.md')) {
      problems.push({ file, message: 'not a live report (.md)', fix: 'content/live/ holds only live reports, one .md file each' });
      continue;
    }
    if (!SLUG_PATTERN.test(name.slice(0, -3))) {
      problems.push({ file, message: 'the file name is not a slug', fix: 'rename it to lower-case letters, digits and single hyphens, e.g. putin-di-pyongyang.md' });
      continue;
    }
    const report = parseLiveReport(fs.readFileSync(path.join(dir, name), 'utf8'), file, content, problems, titleOf);
    if (report) reports.push(report);
  }
  return reports;
}

/** The reports readers may see at `nowMs`, newest coverage first, each with only the entries whose time has come. */
export function visibleLiveReports(reports: LiveReport[], nowMs: number): LiveReport[] {
  return reports
    .filter((r) => !r.draft && r.entries.some((e) => e.ms <= nowMs))
    .map((r) => ({ ...r, entries: r.entries.filter((e) => e.ms <= nowMs) }))
    .sort((a, b) => b.coverageStartMs - a.coverageStartMs);
}
