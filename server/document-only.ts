import { Parser } from 'htmlparser2';

/**
 * Warta's pages are server components that work with JavaScript off, so a reader's browser has
 * nothing to hydrate: the App Router runtime and the React Server Components payload inlined in
 * every page (about half its HTML) only cost a phone time. Next.js has no switch for a page
 * without its runtime (vercel/next.js#45009), so the server takes them out of the HTML as served,
 * reading it with an HTML tokenizer (htmlparser2), never with patterns over the text. What stays:
 * the document, its CSS, data blocks (JSON-LD) and our own small inline scripts (the read
 * beacon). See docs/decisions/0002-document-only-pages.md.
 */

/** Inline scripts that belong to the framework: the RSC payload and Turbopack's chunk list. */
const FRAMEWORK_INLINE = /^\s*\(?(?:self\.__next_f\b|globalThis\["TURBOPACK"\])/;
/** A script file of the build, with the deployment id's `?dpl=…` when the build has one. */
const FRAMEWORK_FILE = /^\/_next\/static\/[^?#]+\.js(?:\?dpl=[A-Za-z0-9_-]+)?$/;
/** Script types a browser runs (and CSP governs); any other type is a data block. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** One script element of a document: where it stands and what it says. */
export interface ScriptElement {
  start: number;
  /** Index just past its end tag. */
  end: number;
  attributes: Record<string, string>;
  /** Its text exactly as written in the document. */
  text: string;
  executable: boolean;
}

/** What the rewrite needs to know of a document, from one pass of the tokenizer. */
export interface DocumentOutline {
  scripts: ScriptElement[];
  /** Preloads of script files (`<link rel="preload|modulepreload" href="/_next/static/….js">`). */
  scriptPreloads: { start: number; end: number }[];
  /**
   * Whether React sent a Suspense boundary "outlined": completed content held in a hidden
   * `<div hidden id="S:…">` or `<template id="B:…">` and moved into place by an inline `$RC`
   * script (facebook/react#33027). Without the runtime's scripts it would stay hidden.
   */
  outlined: boolean;
}

/** Tokenizes a document once and lists its scripts, script preloads and outlined boundaries. */
export function outlineDocument(html: string): DocumentOutline {
  const outline: DocumentOutline = { scripts: [], scriptPreloads: [], outlined: false };
  let open: { start: number; textStart: number; attributes: Record<string, string> } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') {
          open = { start: parser.startIndex, textStart: parser.endIndex + 1, attributes };
        } else if (name === 'link' && /(^|\s)(?:preload|modulepreload)(\s|$)/i.test(attributes.rel ?? '') && FRAMEWORK_FILE.test(attributes.href ?? '')) {
          outline.scriptPreloads.push({ start: parser.startIndex, end: parser.endIndex + 1 });
        } else if ((name === 'template' && /^B:/.test(attributes.id ?? '')) || ('hidden' in attributes && /^S:/.test(attributes.id ?? ''))) {
          outline.outlined = true;
        }
      },
      onclosetag(name, isImplied) {
        if (name !== 'script' || !open) return;
        // An unclosed script runs to the end of the document.
        const textEnd = isImplied ? html.length : parser.startIndex;
        const type = (open.attributes.type ?? '').trim().toLowerCase();
        outline.scripts.push({
          start: open.start,
          end: isImplied ? html.length : parser.endIndex + 1,
          attributes: open.attributes,
          text: html.slice(open.textStart, textEnd),
          executable: EXECUTABLE.has(type),
        });
        open = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  outline.outlined ||= outline.scripts.some((s) => s.executable && /\$RC\b/.test(s.text));
  return outline;
}

const isInline = (s: ScriptElement) => s.executable && !('src' in s.attributes) && s.text !== '';

/**
 * The document withoutFrameworkRuntime last returned, with its inline scripts. The server hashes
 * that very document next (server/html-as-served.ts), so it is read once, not twice.
 */
let lastServed: { html: string; scripts: string[] } | undefined;

/** Inline scripts of a document that CSP governs: classic or module scripts, not data blocks. */
export function inlineScripts(html: string): string[] {
  if (lastServed?.html === html) return lastServed.scripts;
  return outlineDocument(html).scripts.filter(isInline).map((s) => s.text);
}

function served(html: string, scripts: ScriptElement[]): string {
  lastServed = { html, scripts: scripts.filter(isInline).map((s) => s.text) };
  return html;
}

const isFrameworkScript = (script: ScriptElement) =>
  'src' in script.attributes ? FRAMEWORK_FILE.test(script.attributes.src ?? '') : FRAMEWORK_INLINE.test(script.text);

let warnedOutlined = false;

/**
 * The document without the App Router's scripts, script preloads and RSC payload. A document in
 * which React outlined a Suspense boundary keeps its runtime (heavier, but whole) and the server
 * says so once: e2e/document.spec.ts fails the build's pages if one ever does.
 */
export function withoutFrameworkRuntime(html: string): string {
  const outline = outlineDocument(html);
  if (outline.outlined) {
    if (!warnedOutlined) console.warn('document-only: React outlined a Suspense boundary; this page keeps its runtime (see docs/decisions/0002-document-only-pages.md)');
    warnedOutlined = true;
    return served(html, outline.scripts);
  }
  const framework = outline.scripts.filter(isFrameworkScript);
  const cuts = [...framework, ...outline.scriptPreloads].sort((a, b) => a.start - b.start);
  if (cuts.length === 0) return served(html, outline.scripts);
  const kept: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    kept.push(html.slice(at, cut.start));
    at = cut.end;
  }
  kept.push(html.slice(at));
  return served(kept.join(''), outline.scripts.filter((s) => !framework.includes(s)));
}

/**
 * Whether a response is sent as a plain document: production pages that rendered (2xx) or are
 * the 404 page. An error page (5xx) keeps the runtime, so its "try again" button works.
 */
export function servesDocumentOnly(status: number, dev: boolean): boolean {
  return !dev && ((status >= 200 && status < 300) || status === 404);
}
