/**
 * After `next build`: hashes every inline script of every prerendered page and writes
 * .next/csp-hashes.json ({ "/berita/x": ["sha256-…", …] }), which proxy.ts turns into each
 * page's Content-Security-Policy.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inlineScripts, routeOfHtmlFile } from '../lib/security/csp';

const appDir = path.join('.next', 'server', 'app');
const manifest: Record<string, string[]> = {};

function walk(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.html')) {
      const html = fs.readFileSync(full, 'utf8');
      const hashes = inlineScripts(html).map((s) => `sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}`);
      manifest[routeOfHtmlFile(path.relative(appDir, full))] = [...new Set(hashes)];
    }
  }
}

if (!fs.existsSync(appDir)) {
  console.error('No .next/server/app: run `next build` first.');
  process.exit(1);
}
walk(appDir);
fs.writeFileSync(path.join('.next', 'csp-hashes.json'), JSON.stringify(manifest));
console.log(`✓ CSP hashes for ${Object.keys(manifest).length} prerendered pages`);
