import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hashScripts } from './csp';
import { sendHtmlAsServed } from './html-as-served';

// A stand-in for Next.js that answers the way it does: writeHead with headers, streamed chunks,
// flushHeaders before the first write; plus a JSON response and a 304.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    sendHtmlAsServed(res, { policyFor: (hashes) => contentSecurityPolicy(hashes), rewrite: (html) => html.replace('<p>rewrite-me</p>', '<p>rewritten</p>') });
    if (req.url === '/json') {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"a":1}');
    } else if (req.url === '/not-modified') {
      res.writeHead(304, { 'Content-Type': 'text/html' });
      res.end();
    } else if (req.url === '/diubah') {
      const html = '<p>rewrite-me</p><script>before()</script>';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(html)) });
      // Next.js ends a HEAD response with null (sendHtmlAsServed asks it for a GET instead).
      res.end(req.method === 'HEAD' ? null : html);
    } else if (req.url === '/halaman-tidak-ditemukan') {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<p>404</p><script>notFound()</script>');
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.flushHeaders();
      res.write('<html><script>first()</script>');
      setTimeout(() => res.end(Buffer.from('<script type="application/ld+json">{}</script><script>late()</script></html>')), 5);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('CSP hashed from the HTML as served', () => {
  it('names every inline script of a streamed page, including ones written late', async () => {
    const response = await fetch(`${base}/contoh`);
    const body = await response.text();
    expect(body).toContain('late()');
    const csp = response.headers.get('content-security-policy')!;
    const hashes = hashScripts(body);
    expect(hashes).toHaveLength(2);
    for (const hash of hashes) expect(csp).toContain(`'${hash}'`);
    expect(csp).not.toMatch(/unsafe-inline'[^;]*;.*script|script-src[^;]*unsafe/);
  });

  it('changes the policy when the page changes (regenerated pages)', async () => {
    const a = await fetch(`${base}/halaman-tidak-ditemukan`);
    const b = await fetch(`${base}/contoh`);
    expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
  });

  it('hashes the document as rewritten, with its new length', async () => {
    const response = await fetch(`${base}/diubah`);
    const body = await response.text();
    expect(body).toBe('<p>rewritten</p><script>before()</script>');
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(response.headers.get('content-security-policy')).toContain(`'${hashScripts(body)[0]}'`);
  });

  it('answers HEAD with the headers of GET (policy with hashes, length) and no body', async () => {
    const head = await fetch(`${base}/diubah`, { method: 'HEAD' });
    const get = await fetch(`${base}/diubah`);
    const body = await get.text();
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-security-policy')).toContain(`'${hashScripts(body)[0]}'`);
    expect(head.headers.get('content-security-policy')).toBe(get.headers.get('content-security-policy'));
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
  });

  it('leaves responses that are not HTML alone', async () => {
    const response = await fetch(`${base}/json`);
    expect(await response.json()).toEqual({ a: 1 });
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect((await fetch(`${base}/not-modified`)).headers.get('content-security-policy')).toBeNull();
  });
});
