import type { Root as MdastRoot } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { toString as textOf } from 'mdast-util-to-string';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ContentProblem } from './problems';
import { SLUG_PATTERN } from './schema';

/** The one directive editors use: `::baca-juga{slug="other-article"}` on its own line. */
const READ_ALSO_DIRECTIVE = 'baca-juga';
/** Element name the read-also directive becomes in the HTML tree; components render it. */
export const READ_ALSO_ELEMENT = 'read-also';

const READ_ALSO_FIX = `write it on its own line as ::${READ_ALSO_DIRECTIVE}{slug="slug-of-the-article"}`;

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

const EMPTY_BODY = { message: 'the article body is empty', fix: 'write the story below the closing --- of the frontmatter' };

export interface ScannedBody {
  readAlso: { slug: string; line?: number }[];
  wordCount: number;
}

/**
 * The Markdown tree of a body, to render (checks are scanBody's and checkBody's, at load time).
 * "Kamis:malam" or "rasio 2:1" parse as text directives; they are ordinary prose, so their
 * characters are put back.
 */
export function parseBody(markdown: string): MdastRoot {
  const tree = parser.runSync(parser.parse(markdown)) as MdastRoot;
  visit(tree, 'textDirective', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const label = textOf(node);
    parent.children.splice(index, 1, { type: 'text', value: `:${node.name}${label ? `[${label}]` : ''}` });
  });
  return tree;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const DIRECTIVE_LINE = /^\s{0,3}(:{2,})([A-Za-z][\w-]*)(\[[^\]]*\])?(\{[^}]*\})?\s*$/;

/**
 * Checks a body's directives and counts its words line by line, without building a Markdown
 * tree: loading stays fast at 100,000 articles, and the full parse happens once, when a page
 * renders the article (ContentStore.body). A directive is a line of its own, as remark-directive
 * reads it; fenced code is skipped. Plain prose lines are counted in place; `quick = false`
 * takes every line apart with the regular expressions instead (tests check that both agree).
 */
export function scanBody(markdown: string, file: string, lineOffset: number, problems: ContentProblem[], quick = true): ScannedBody {
  const readAlso: ScannedBody['readAlso'] = [];
  let words = 0;
  let fence: string | null = null;
  // The lines split('\n') would give, without making a string of each plain one.
  for (let i = 0, start = 0; start <= markdown.length; i++) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    const lineStart = start;
    start = end + 1;
    const plain = quick ? wordsIn(markdown, lineStart, end, true) : -1;
    if (plain >= 0) {
      words += plain;
      continue;
    }
    const text = markdown.slice(lineStart, end);
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1]!;
      else if (fenceMatch[1] === fence) fence = null;
      continue;
    }
    // In fenced code a directive line is text like any other.
    const directive = fence === null ? DIRECTIVE_LINE.exec(text) : null;
    if (!directive) {
      words += countWords(text);
      continue;
    }
    checkDirective(text, i + 1 + lineOffset, file, problems, readAlso, directive);
  }
  if (words === 0) problems.push({ file, ...EMPTY_BODY });
  return { readAlso, wordCount: words };
}

/**
 * Checks one line that may be a directive; true when it is one (its words are not counted).
 * A read-also link is added to `readAlso`; any other directive, or a bad slug, is a problem.
 */
function checkDirective(
  text: string,
  line: number,
  file: string,
  problems: ContentProblem[],
  readAlso: ScannedBody['readAlso'],
  directive = DIRECTIVE_LINE.exec(text),
): boolean {
  if (!directive) return false;
  const [, colons, name, , attributes] = directive;
  if (colons!.length > 2 || name !== READ_ALSO_DIRECTIVE) {
    problems.push({ file, line, message: `unknown directive "${colons}${name}"`, fix: `the only directive is the read-also link: ${READ_ALSO_FIX}` });
    return true;
  }
  const slug = /(?:^|[\s{])slug=(?:"([^"]*)"|'([^']*)'|([^\s}]+))/.exec(attributes ?? '');
  const value = slug ? (slug[1] ?? slug[2] ?? slug[3] ?? '') : '';
  if (!value || !SLUG_PATTERN.test(value)) {
    problems.push({ file, line, message: value ? `read-also slug "${value}" is not a valid slug` : 'read-also link has no slug', fix: READ_ALSO_FIX });
    return true;
  }
  readAlso.push({ slug: value, line });
  return true;
}

/**
 * Where the next line starting with `marker` after at most three spaces begins its marker, from
 * `from` on; -1 when none. indexOf finds candidates: a regular expression over whole bodies with
 * ^ in multiline mode was several times slower at 100,000 articles.
 */
function nextLineStartingWith(markdown: string, marker: string, from: number): number {
  for (let at = markdown.indexOf(marker, from); at !== -1; ) {
    const lineStart = markdown.lastIndexOf('\n', at) + 1;
    if (at - lineStart <= 3 && /^\s*$/.test(markdown.slice(lineStart, at))) return at;
    const newline = markdown.indexOf('\n', at);
    if (newline === -1) return -1;
    at = markdown.indexOf(marker, newline);
  }
  return -1;
}

/**
 * What loading must know about a body: its read-also links and its problems, exactly as scanBody
 * reports them (a test checks this), without counting its words (ContentStore.readingTime does,
 * when a page asks). Bodies with fenced code take scanBody's path.
 */
export function checkBody(markdown: string, file: string, lineOffset: number, problems: ContentProblem[]): ScannedBody['readAlso'] {
  if (nextLineStartingWith(markdown, '```', 0) !== -1 || nextLineStartingWith(markdown, '~~~', 0) !== -1) {
    return scanBody(markdown, file, lineOffset, problems).readAlso;
  }
  const readAlso: ScannedBody['readAlso'] = [];
  const directiveLines = new Set<number>();
  let line = 0;
  let counted = 0;
  for (let at = nextLineStartingWith(markdown, '::', 0); at !== -1; ) {
    const start = markdown.lastIndexOf('\n', at) + 1;
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    at = newline === -1 ? -1 : nextLineStartingWith(markdown, '::', newline);
    for (let i = markdown.indexOf('\n', counted); i !== -1 && i < start; i = markdown.indexOf('\n', i + 1)) line++;
    counted = start;
    if (checkDirective(markdown.slice(start, end), line + 1 + lineOffset, file, problems, readAlso)) directiveLines.add(line);
  }
  if (!hasWords(markdown, directiveLines)) problems.push({ file, ...EMPTY_BODY });
  return readAlso;
}

/** Whether a fence-free body has a word outside its directive lines: stops at the first. */
function hasWords(markdown: string, directiveLines: Set<number>): boolean {
  for (let i = 0, start = 0; start <= markdown.length; i++) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    const lineStart = start;
    start = end + 1;
    if (directiveLines.has(i)) continue;
    const plain = wordsIn(markdown, lineStart, end, true);
    if (plain > 0 || (plain < 0 && countWords(markdown.slice(lineStart, end)) > 0)) return true;
  }
  return false;
}

/** Words a reader reads in a body ("n menit baca", JSON-LD wordCount). */
export function countBodyWords(markdown: string): number {
  return scanBody(markdown, '', 0, []).wordCount;
}

/** Markdown markers (# > * _ ` ~ | [ ] ( ) -): a run of only these is not a word. */
const MARKER = new Uint8Array(128);
for (const c of '#>*_`~|[]()-') MARKER[c.charCodeAt(0)] = 1;

/** Exactly the characters of the regular expression class \s. */
function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Words a reader reads on a line: Markdown markers and link targets are not words. Counts the
 * matches of [^\s#>*_`~|[\]()-]+\S* (non-space runs holding a non-marker) without allocating
 * them, and rewrites only lines that can need it: this runs for every line of every article.
 */
export function countWords(line: string): number {
  let prose = line;
  if (prose.includes('](')) prose = prose.replace(/\]\([^)]*\)/g, ']');
  if (prose.includes('<')) prose = prose.replace(/<[^>]*>/g, ' ');
  prose = prose.replace(/^\s*(#{1,6}|>|[-*+]|\d+[.)])\s+/, '');
  return wordsIn(prose, 0, prose.length, false);
}

/**
 * Non-space runs holding a non-marker in text[start, end). With `plainOnly`, -1 instead when the
 * line could be a fence or a directive (first character ` ~ :) or countWords would rewrite it
 * ("<", "](", or a "+" or number list marker: the only markers that count as words).
 */
function wordsIn(text: string, start: number, end: number, plainOnly: boolean): number {
  let words = 0;
  let counted = false;
  let first = plainOnly;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      counted = false;
      continue;
    }
    if (first) {
      first = false;
      if (c === 0x60 || c === 0x7e || c === 0x3a || c === 0x2b || (c >= 0x30 && c <= 0x39)) return -1;
    }
    if (plainOnly && (c === 0x3c || (c === 0x5d && text.charCodeAt(i + 1) === 0x28))) return -1;
    if (!counted && !(c < 128 && MARKER[c])) {
      counted = true;
      words++;
    }
  }
  return words;
}

/** Plain text of a body (search snippets, live entries' text), without building a tree. */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !DIRECTIVE_LINE.test(line) && !FENCE.test(line))
    .map((line) => line.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, ' ').replace(/^\s*(#{1,6}|>|[-*+]|\d+[.)])\s+/, '').replace(/[*_`~]/g, ''))
    .join('\n');
}

/** Allow-list for article HTML: GitHub's schema plus our read-also element. */
const sanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), READ_ALSO_ELEMENT],
  attributes: { ...defaultSchema.attributes, [READ_ALSO_ELEMENT]: ['slug', 'title'] },
};

export interface RenderOptions {
  /** Current headline of an article, by slug (read-also blocks show it). */
  titleOf: (slug: string) => string | undefined;
  /** Printed in bold at the start of the first paragraph, e.g. "KONTAN.CO.ID". */
  dateline?: string;
}

/** Turns a parsed body into a sanitised HTML tree, with read-also links resolved. */
export function renderBody(tree: MdastRoot, options: RenderOptions): HastRoot {
  const processor = unified()
    .use(remarkRehype, {
      handlers: {
        leafDirective(_state, node): Element {
          const slug = node.attributes?.slug ?? '';
          return { type: 'element', tagName: READ_ALSO_ELEMENT, properties: { slug, title: options.titleOf(slug) ?? slug }, children: [] };
        },
      },
    })
    .use(rehypeSanitize, sanitizeSchema)
    // Links to other sites must not get a handle on this window, nor our URL as referrer.
    .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] });
  // structuredClone: remark-rehype must not share nodes with the cached source tree.
  const hast = processor.runSync(structuredClone(tree)) as HastRoot;
  if (options.dateline) prependDateline(hast, options.dateline);
  return hast;
}

function prependDateline(hast: HastRoot, dateline: string) {
  const first = hast.children.find((n): n is Element => n.type === 'element' && n.tagName === 'p');
  if (!first) return;
  first.children.unshift(
    { type: 'element', tagName: 'strong', properties: { className: ['dateline'] }, children: [{ type: 'text', value: dateline }] },
    { type: 'text', value: ' - ' },
  );
}
