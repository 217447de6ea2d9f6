import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import zlib from 'node:zlib';

/**
 * A micro-cache of finished pages in front of Next.js: a public page (Cache-Control with
 * s-maxage) is kept for `ttlMs` (default one second) exactly as it went out — runtime removed,
 * CSP hashed — and compressed once per encoding. Under load a hot page is rendered, finished and
 * compressed once a second instead of on every request; freshness changes by at most `ttlMs`,
 * against the minute HTML may already be cached by a CDN. On-demand revalidation clears it.
 *
 * Never cached: anything but GET/HEAD, requests with cookies (draft mode, preview), requests
 * from the App Router's client (RSC headers), responses that set cookies, are private or
 * no-store (draft mode), or are not 200.
 */
export interface PageCacheOptions {
  ttlMs: number;
  /** Most pages kept at once; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** A kept page; only 200 responses are kept. */
interface Entry {
  expires: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/** Request headers under which Next.js answers something other than the page's HTML. */
const CLIENT_ROUTER_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url'];
/** Headers that belong to one response, not to the page: never replayed from the cache. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'strict-transport-security', 'set-cookie', 'x-warta-cache',
  // Next.js's cache state of the render that produced the entry, not of this answer.
  'x-nextjs-cache']);

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** Per key being rendered, the requests waiting for that render. */
  private readonly pending = new Map<string, (() => void)[]>();
  /** How a response being rendered lets those waiting for its page go (see respond). */
  private readonly releases = new WeakMap<ServerResponse, () => void>();
  /** Bumped by clear(); a render begun before a clear is not kept (see store). */
  private generation = 0;
  private readonly begunIn = new WeakMap<ServerResponse, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.generation++;
  }

  /** The cache key of a request that may be answered from the cache, else undefined. */
  keyOf(req: IncomingMessage): string | undefined {
    if (this.options.ttlMs <= 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
    if (req.headers.cookie || req.headers.authorization) return undefined;
    if (CLIENT_ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return undefined;
    return req.url;
  }

  /** Answers from the cache when it can; true when the response was sent. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = this.keyOf(req);
    if (key === undefined) return false;
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return false;
    }
    for (const [name, value] of Object.entries(entry.headers)) if (value !== undefined) res.setHeader(name, value);
    res.setHeader('X-Warta-Cache', 'HIT');
    const etag = entry.headers.etag;
    if (etag !== undefined && req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const body = (entry.encoded[encoding] ??= encode(entry.body, encoding));
    res.statusCode = 200;
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  /**
   * Answers from the cache, or else renders (`render`) — once per key at a time: a request for a
   * page already being rendered waits for that render and is answered from the cache, so a page
   * whose entry just expired is rendered once, not once per connection asking for it meanwhile.
   * If the render is not kept (not public, an error), those waiting render for themselves.
   */
  respond(req: IncomingMessage, res: ServerResponse, render: () => void): void {
    if (this.serve(req, res)) return;
    this.begunIn.set(res, this.generation);
    const key = this.keyOf(req);
    if (key === undefined) {
      render();
      return;
    }
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.push(() => {
        if (!this.serve(req, res)) render();
      });
      return;
    }
    this.pending.set(key, []);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const queued = this.pending.get(key) ?? [];
      this.pending.delete(key);
      for (const next of queued) next();
    };
    // Released as soon as the page is kept (see store), else when this response is over.
    this.releases.set(res, release);
    res.once('close', release);
    render();
  }

  /**
   * Keeps a finished page if it may be shared; `html` is the body exactly as sent. Not if the cache
   * was cleared while it rendered: it may show the content from before a publish.
   */
  store(req: IncomingMessage, res: ServerResponse, html: string): void {
    const key = this.keyOf(req);
    if (key === undefined || req.method !== 'GET' || res.statusCode !== 200) return;
    if (this.begunIn.get(res) !== this.generation) return;
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    if (!/\bs-maxage=\d/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl)) return;
    if (res.getHeader('set-cookie') !== undefined) return;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(name)) headers[name] = value;
    headers.vary = mergeVary(headers.vary, 'Accept-Encoding');
    res.setHeader('X-Warta-Cache', 'MISS');
    const now = this.now();
    // Maps keep insertion order and every entry lives as long: the first keys are the oldest, so
    // expired pages are dropped from the front (searches asked once would otherwise be held until
    // maxEntries newer ones pushed them out).
    for (const [oldest, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(oldest);
    }
    this.entries.delete(key);
    this.entries.set(key, { expires: now + this.options.ttlMs, headers, body: Buffer.from(html), encoded: {} });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    // Those waiting for this page are answered once this response has gone out with its headers.
    const release = this.releases.get(res);
    if (release) setImmediate(release);
  }
}

/** br when accepted, else gzip, else none: the same choice as the compression middleware. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const accepted = String(acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return 'identity';
}

function encode(body: Buffer, encoding: Encoding): Buffer {
  // Once per page and encoding per ttl: a little more effort than per-response compression.
  if (encoding === 'br') return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (encoding === 'gzip') return zlib.gzipSync(body, { level: 6 });
  return body;
}

function mergeVary(vary: OutgoingHttpHeaders[string], name: string): string {
  const names = String(vary ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  return names.some((v) => v.toLowerCase() === name.toLowerCase()) ? names.join(', ') : [...names, name].join(', ');
}
