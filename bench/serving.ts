/**
 * Serving: requests/s and latency of the production server (server/index.ts) for an article and
 * a tag page, with nginx serving the very same HTML as the ceiling, in the same run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { fetchOnce, loadAverage, sleep, startServer } from './server';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SERVING_SECONDS ?? 10);
// gzip for both servers: nginx serves a file gzipped in advance (gzip_static), as the Warta server
// serves its page cache; with brotli accepted the Warta server would send smaller bodies than nginx.
const HEADERS = { 'accept-encoding': 'gzip' };
const PAGES: Record<string, string> = {
  article: '/berita/putin-buka-peluang-kirim-senjata-ke-korea-utara',
  tag: '/topik/hubungan-rusia-korea-utara',
};

export function nginxBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) if (fs.existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function load(url: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: HEADERS }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** nginx on `port` serving `root` (one worker per core, pre-gzipped files) from a config in a temp dir. */
export async function startNginx(binary: string, root: string, port: number): Promise<ChildProcess> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-nginx-'));
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  keepalive_requests 100000;
  gzip_static on;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { try_files $uri.html =404; }
  }
}
`,
  );
  const child = spawn(binary, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (d) => (errors += d));
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
    try {
      if ((await fetchOnce(`http://127.0.0.1:${port}${Object.values(PAGES)[0]}`)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGQUIT');
  throw new Error(`nginx did not start: ${errors}`);
}

const figures = (r: autocannon.Result) =>
  `${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx + r.errors + r.timeouts}`;

/** The production server with its page micro-cache on (as deployed) and off (every request renders). */
const VARIANTS: { label: string; env: Record<string, string> }[] = [
  { label: 'Warta server', env: {} },
  { label: 'Warta server, page cache off', env: { WARTA_PAGE_CACHE_MS: '0' } },
];

export async function servingPart(): Promise<string> {
  const port = Number(process.env.BENCH_PORT ?? 3300) + 3;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-serving-'));
  const rows: string[] = [];
  const ratios: string[] = [];
  const binary = nginxBinary();
  let nginx: ChildProcess | undefined;
  const ours: Record<string, autocannon.Result[]> = {};
  try {
    for (const [v, variant] of VARIANTS.entries()) {
      const server = await startServer(port, variant.env);
      try {
        for (const [name, pathname] of Object.entries(PAGES)) {
          if (v === 0) {
            // The HTML as the server returned it (fetch decodes the compression): nginx serves this file.
            const html = await (await fetchOnce(server.url + pathname, { headers: HEADERS })).text();
            fs.mkdirSync(path.dirname(path.join(root, pathname)), { recursive: true });
            fs.writeFileSync(`${path.join(root, pathname)}.html`, html);
            fs.writeFileSync(`${path.join(root, pathname)}.html.gz`, zlib.gzipSync(html, { level: 6 }));
          }
          const result = await load(server.url + pathname);
          (ours[name] ??= []).push(result);
          rows.push(`| ${name} | ${variant.label} | ${figures(result)} | ${loadAverage()} |`);
          console.log(`serving ${name}, ${variant.label}: ${Math.round(result.requests.average)} req/s (${loadAverage()})`);
        }
      } finally {
        await server.stop();
      }
    }
    execFileSync('chmod', ['-R', 'a+rX', root]); // nginx workers may run as another user
    if (binary) {
      nginx = await startNginx(binary, root, port + 1);
      for (const [name, pathname] of Object.entries(PAGES)) {
        const ceiling = await load(`http://127.0.0.1:${port + 1}${pathname}`);
        rows.push(`| ${name} | nginx, same HTML | ${figures(ceiling)} | ${loadAverage()} |`);
        const shares = VARIANTS.map(({ label }, v) => `${label} ${((ours[name]![v]!.requests.average / ceiling.requests.average) * 100).toFixed(1)} %`);
        ratios.push(`${name}: ${shares.join(', ')} of nginx`);
        console.log(`serving ${name}, nginx: ${Math.round(ceiling.requests.average)} req/s (${loadAverage()})`);
      }
    }
  } finally {
    nginx?.kill('SIGQUIT');
    fs.rmSync(root, { recursive: true, force: true });
  }
  return `## Serving: requests per second and latency

\`bench/serving.ts\`: autocannon, ${CONNECTIONS} connections for ${SECONDS} s, \`Accept-Encoding: gzip\`, on
127.0.0.1, against the production server (\`npm start\`, one Node process) as deployed — a
finished page is kept in memory for a second and compressed once per encoding
(\`server/page-cache.ts\`) — and again with that cache off (\`WARTA_PAGE_CACHE_MS=0\`: every request
goes through Next.js's ISR cache, the runtime removal, CSP hashing and brotli), then against nginx
(\`worker_processes auto\`, \`gzip_static on\`, temp config) serving the HTML the server had returned,
saved to a file and gzipped in advance (level 6, as the page cache does): the ceiling for a static
page on this machine. Both send gzip (browsers that accept brotli get brotli from the Warta server).
The load generator shares the machine's two cores with the server under test.

| page | served by | requests/s | p50 | p99 | errors + non-2xx | machine load after |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${binary ? `Share of nginx: ${ratios.join('; ')}.` : 'nginx not measured: no nginx binary on this machine (`sudo apt-get install -y nginx`; the benchmark installs nothing itself).'}`;
}
