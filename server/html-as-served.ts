import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { hashScripts } from './csp';

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

/**
 * Holds back each HTML response until it is complete, lets `rewrite` change the document (Warta
 * takes out the framework runtime: server/document-only.ts), then sends it with a
 * Content-Security-Policy naming the SHA-256 hash of every inline script in the bytes actually
 * served. Hashing what is served (not the build output) keeps the policy right for prerendered,
 * regenerated (ISR) and per-request pages alike, with no nonces and no 'unsafe-inline'.
 * Anything that is not HTML (assets, RSC payloads, feeds) passes straight through.
 * See docs/decisions/0001-csp.md.
 */
export interface HtmlAsServed {
  /** The Content-Security-Policy for a document with these inline-script hashes. */
  policyFor: (hashes: string[]) => string;
  /** Changes a complete document before it is hashed and sent; `status` is the response's. */
  rewrite?: (html: string, status: number) => string;
  /** Sees each finished document (after rewrite, headers set) just before it is sent. */
  finished?: (html: string) => void;
}

export function sendHtmlAsServed(res: ServerResponse, { policyFor, rewrite, finished }: HtmlAsServed): void {
  // Next.js renders a HEAD request without its body, so its policy could name no hashes and its
  // length would be unknown. Asked as a GET it renders the very document a GET gets, and the
  // headers (CSP, Content-Length, compression) come out the same; Node still sends no body,
  // because the response was made for a HEAD request.
  if (res.req?.method === 'HEAD') res.req.method = 'GET';
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    flushHeaders: res.flushHeaders,
  };
  let mode: 'undecided' | 'buffer' | 'pass' = 'undecided';
  const chunks: Buffer[] = [];

  const restore = () => Object.assign(res, original);
  const decide = () => {
    if (mode !== 'undecided') return mode;
    const type = String(res.getHeader('content-type') ?? '');
    mode = type.startsWith('text/html') && res.statusCode !== 304 ? 'buffer' : 'pass';
    if (mode === 'pass') restore();
    return mode;
  };
  const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
    typeof chunk === 'string' ? Buffer.from(chunk, encoding ?? 'utf8') : Buffer.from(chunk);

  // Headers given to writeHead are applied to the response so they can still be changed.
  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    const headers = rest.find((r) => typeof r === 'object' && r !== null) as OutgoingHttpHeaders | IncomingHttpHeaders | undefined;
    const message = rest.find((r) => typeof r === 'string') as string | undefined;
    if (message) res.statusMessage = message;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    return res;
  } as ServerResponse['writeHead'];

  res.flushHeaders = function flushHeaders() {
    if (decide() === 'pass') res.flushHeaders();
  };

  res.write = function write(chunk: Chunk, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback) {
    if (decide() === 'pass') return (res.write as (...args: unknown[]) => boolean)(chunk, encodingOrCallback, callback);
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    chunks.push(toBuffer(chunk, encoding));
    if (done) queueMicrotask(() => done(null));
    return true;
  } as ServerResponse['write'];

  res.end = function end(chunkOrCallback?: Chunk | Callback, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback) {
    if (decide() === 'pass') return (res.end as (...args: unknown[]) => ServerResponse)(chunkOrCallback, encodingOrCallback, callback);
    restore();
    const done = [chunkOrCallback, encodingOrCallback, callback].find((a): a is Callback => typeof a === 'function');
    if (chunkOrCallback != null && typeof chunkOrCallback !== 'function') {
      chunks.push(toBuffer(chunkOrCallback, typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined));
    }
    let html = Buffer.concat(chunks).toString('utf8');
    if (rewrite && html) html = rewrite(html, res.statusCode);
    res.setHeader('Content-Length', Buffer.byteLength(html));
    res.setHeader('Content-Security-Policy', policyFor(hashScripts(html)));
    finished?.(html);
    return done ? res.end(html, done) : res.end(html);
  } as ServerResponse['end'];
}
