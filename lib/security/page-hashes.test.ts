import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScripts } from './csp';
import { hashScripts, pageHashes } from './page-hashes';

describe('CSP script hashes', () => {
  it('hashes classic inline scripts, not external scripts or JSON-LD data blocks', () => {
    const html = '<script>a()</script><script src="/x.js"></script><script type="application/ld+json">{"a":1}</script><script id="_R_">b()</script>';
    expect(inlineScripts(html)).toEqual(['a()', 'b()']);
    // echo -n 'a()' | openssl dgst -sha256 -binary | base64
    expect(hashScripts(html)[0]).toBe('sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4=');
  });

  it('reads the HTML served for a path and follows it when the page is regenerated', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-csp-'));
    fs.mkdirSync(path.join(dir, 'berita'));
    const file = path.join(dir, 'berita', 'x.html');
    fs.writeFileSync(file, '<script>one()</script>');
    fs.writeFileSync(path.join(dir, 'index.html'), '<script>home()</script>');
    const first = pageHashes('/berita/x', dir);
    expect(first).toHaveLength(1);
    expect(pageHashes('/', dir)).toHaveLength(1);
    fs.writeFileSync(file, '<script>two()</script>');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(pageHashes('/berita/x', dir)).not.toEqual(first);
  });

  it('never touches the disk for paths that are not plain slugs', () => {
    for (const p of ['/../package', '/berita/%2e%2e', '/berita/x.json', '/BERITA/x']) expect(pageHashes(p, '/')).toBeUndefined();
    expect(pageHashes('/berita/tidak-ada', os.tmpdir())).toBeUndefined();
  });

  it('builds a policy without unsafe script sources in production', () => {
    const policy = contentSecurityPolicy({ hashes: ['sha256-abc='], nonce: 'bm9uY2U=' });
    expect(policy).toContain("script-src 'self' 'sha256-abc=' 'nonce-bm9uY2U='");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(contentSecurityPolicy({}, true)).toContain("'unsafe-eval'");
  });
});
