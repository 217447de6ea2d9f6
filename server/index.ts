import './source-maps';
import './check-env';
import fs from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import next from 'next';
import { FANOUT_HEADER, isLoopback, revalidateSelf, subscribeRevalidation } from '../lib/cluster/fanout';
import { ContentDatabaseError, ContentValidationError, getContent } from '../lib/content';
import { readEnv } from '../lib/env';
import { setClientAddress } from './client-address';
import { contentSecurityPolicy } from './csp';
import { missingFromBuild } from './deployment-check';
import { servesDocumentOnly, withoutFrameworkRuntime } from './document-only';
import { sendHtmlAsServed } from './html-as-served';
import { imageRulesOf } from './image-requests';
import { PageCache } from './page-cache';
import { createRequestGuard } from './request-guards';
import { capSharedMaxAge, Schedule } from './schedule';
import { warnAboutSiteUrl } from './site-url';

/**
 * Warta's production server: Next.js behind three small layers — request guards (one canonical
 * spelling per URL, 404 for paths that name nothing, the image optimiser's inputs, HSTS), HTML
 * finished as served (pages sent as plain documents without the framework runtime, and a
 * Content-Security-Policy hashed from the bytes sent), and gzip/brotli compression. `--dev`
 * serves `next dev` the same way.
 *
 * PORT (default 3000) and HOST (default all interfaces) choose where it listens.
 */
const dev = process.argv.includes('--dev');
// Checked already (./check-env, imported first): every variable has a good value.
const config = readEnv();
const port = config.PORT;
const host = config.HOST;
const distDir = path.resolve(config.WARTA_DIST_DIR);

// A copy of a build without its links to native packages would answer every read beacon with 503.
if (!dev) {
  const missing = missingFromBuild(distDir);
  if (missing.length > 0) {
    console.error(`Warta cannot start: the production build is incomplete.\n${missing.map((line) => `  - ${line}`).join('\n')}\nSee docs/operations.md, "What a deployment copies".`);
    process.exit(1);
  }
}

warnAboutSiteUrl(dev);

// The build's id, which is its deployment id (next.config.js): every response names it, so an
// operator (and test/cluster) sees which build each instance serves, e.g. during a rolling deploy.
const buildId = dev ? undefined : fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim();

const app = next({ dev, dir: process.cwd(), port, hostname: host ?? 'localhost' });
const handle = app.getRequestHandler();
// Brotli when the browser accepts it, gzip otherwise; responses under 1 KB are not worth it.
const compress = compression({ threshold: 1024 });
const policyFor = (hashes: string[]) => contentSecurityPolicy(hashes, dev);
const rewrite = (html: string, status: number) => (servesDocumentOnly(status, dev) ? withoutFrameworkRuntime(html) : html);
const guardRequest = createRequestGuard({ images: imageRulesOf(path.resolve('next.config.js'), path.resolve('public')) });

// Load and validate content before listening: an invalid content folder stops the start with every
// problem listed, and Next.js's pages then share this one copy (lib/content keeps it on globalThis).
let contentServed: ReturnType<typeof getContent>;
try {
  contentServed = getContent();
} catch (error) {
  if (!(error instanceof ContentValidationError || error instanceof ContentDatabaseError)) throw error;
  console.error(`Warta cannot start. ${error.message}`);
  process.exit(1);
}

// Finished public pages are kept for WARTA_PAGE_CACHE_MS (default 1 s; 0 turns it off) and emptied
// whenever content is reloaded (POST /api/revalidate). Not in development: edits show at once.
const pageCache = new PageCache({ ttlMs: dev ? 0 : config.WARTA_PAGE_CACHE_MS });
const finishedFor = (req: IncomingMessage, res: ServerResponse) => (html: string) => pageCache.store(req, res, html);

// Scheduled stories come out on time (server/schedule.ts): at a story's time this server
// revalidates its pages, and in the minute before no shared cache keeps a page past that time.
const schedule = new Schedule({
  stories: () => getContent().candidates,
  now: () => getContent().now(),
  release: (slugs) => {
    pageCache.clear();
    if (config.REVALIDATE_SECRET) revalidateSelf(port, config.REVALIDATE_SECRET, slugs, (error) => console.error('scheduled story: revalidation failed', slugs, error));
  },
});
if (!dev) setInterval(() => schedule.tick(), 1_000).unref();
/** Lowers s-maxage of what `res` sends while a scheduled story is less than a minute away. */
function capForSchedule(res: ServerResponse): void {
  const seconds = dev ? undefined : schedule.secondsUntilNext();
  if (seconds === undefined) return;
  const setHeader = res.setHeader;
  res.setHeader = function capped(this: ServerResponse, name: string, value: number | string | readonly string[]) {
    return setHeader.call(this, name, name.toLowerCase() === 'cache-control' ? capSharedMaxAge(String(value), seconds) : value);
  } as ServerResponse['setHeader'];
}

function serve(req: IncomingMessage, res: ServerResponse): void {
  setClientAddress(req);
  if (buildId) res.setHeader('X-Warta-Build', buildId);
  // Only an instance's own fan-out call (lib/cluster/fanout.ts) may skip republishing.
  if (req.headers[FANOUT_HEADER] !== undefined && !isLoopback(req.socket.remoteAddress)) delete req.headers[FANOUT_HEADER];
  if (guardRequest(req, res)) return;
  if (getContent() !== contentServed) {
    contentServed = getContent();
    pageCache.clear();
  }
  pageCache.respond(req, res, () => {
    capForSchedule(res);
    compress(req as never, res as never, () => {
      sendHtmlAsServed(res, { policyFor, rewrite, finished: finishedFor(req, res) });
      handle(req, res).catch((error: unknown) => {
        console.error('request failed', req.url, error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
    });
  });
}

const server = createServer(
  {
    // Slow senders: a request's headers must arrive within 10 s and the whole request within
    // 30 s, checked every second (Node's default checks every 30 s), so a trickle cannot hold a
    // connection open for minutes. An idle kept-alive connection closes after 5 s.
    headersTimeout: 10_000,
    requestTimeout: 30_000,
    connectionsCheckingInterval: 1_000,
    keepAliveTimeout: 5_000,
  },
  serve,
);
// Past this many open connections new ones are closed at once: the process keeps its memory and
// file descriptors for the readers it has. Slow connections cost little each, so the cap is high.
server.maxConnections = config.WARTA_MAX_CONNECTIONS;
// A connection on which nothing moves for a minute (a reader that stopped reading) is closed.
server.timeout = 60_000;

/**
 * One search answered before the server listens, on a loopback port of its own: the search's
 * first run (its columns, statements, the stemmer, the page's first render) is paid here, not by
 * the first reader who searches. Failing is no reason not to start.
 */
async function warmUp(): Promise<void> {
  const warm = createServer(serve);
  try {
    await new Promise<void>((resolve) => warm.listen(0, '127.0.0.1', resolve));
    const { port: warmPort } = warm.address() as { port: number };
    await (await fetch(`http://127.0.0.1:${warmPort}${WARM_UP_SEARCH}`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
  } catch (error) {
    console.warn('warm-up search failed (the first search will be slower):', (error as Error).message);
  } finally {
    warm.closeAllConnections();
    warm.close();
  }
}

// A word no story has: everything a search loads is loaded, and no large set of stories is scored.
const WARM_UP_SEARCH = '/cari?q=zqxw';

void app.prepare().then(async () => {
  // Hot reload's WebSocket; Next.js hands out the handler only once prepared.
  if (dev) server.on('upgrade', app.getUpgradeHandler());
  else await warmUp();
  server.listen(port, host, () => {
    console.log(`Warta ${dev ? 'development' : 'production'} server on http://${host ?? 'localhost'}:${port}${buildId ? ` (build ${buildId})` : ''}`);
    // Several instances (npm run cluster): a publish on any one reaches this one too.
    if (config.REDIS_URL && config.REVALIDATE_SECRET) subscribeRevalidation(config.REDIS_URL, port, config.REVALIDATE_SECRET);
  });
});

// Finish in-flight requests on shutdown (deploys, container stops), then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
