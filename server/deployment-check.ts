import fs from 'node:fs';
import path from 'node:path';

/** Packages whose links a build always has (next.config.js serverExternalPackages; better-sqlite3 is external by default): their absence means a copy lost its links. */
export const LINKED_PACKAGES = ['better-sqlite3', 'ioredis'] as const;

/**
 * What a copy of a production build lacks, as lines to print; empty when it is whole. Turbopack
 * links each native or external package from `<distDir>/node_modules/<name>-<hash>` to the
 * project's node_modules/: a copy without that folder, without node_modules/, or with the links
 * flattened into dangling paths loads neither the read counts' SQLite nor Redis.
 */
export function missingFromBuild(distDir: string): string[] {
  const linkDir = path.join(distDir, 'node_modules');
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) return [`${distDir}/BUILD_ID: there is no production build here; run npm run build`];
  let entries: string[];
  try {
    entries = fs.readdirSync(linkDir);
  } catch {
    return [`${linkDir}/ is missing: copy the whole build folder, links included (cp -a or rsync -a), with node_modules/ beside it`];
  }
  const missing: string[] = [];
  for (const name of LINKED_PACKAGES) {
    if (!entries.some((entry) => entry === name || entry.startsWith(`${name}-`))) missing.push(`${linkDir}/${name}-…: no link to ${name}; copy the build folder whole (cp -a), or build again`);
  }
  // Every link, those of the other packages next.config.js keeps external included, must resolve.
  const links = entries.flatMap((entry) => (entry.startsWith('@') ? fs.readdirSync(path.join(linkDir, entry)).map((scoped) => path.join(entry, scoped)) : [entry]));
  for (const link of links) {
    const target = path.join(linkDir, link);
    if (!fs.existsSync(path.join(target, 'package.json'))) {
      missing.push(`${target}${linkTarget(target)} does not resolve: node_modules/${packageOf(link)} must be installed beside the build (npm ci)`);
    }
  }
  return missing;
}

/** The package a link stands for: `zod-1a2b…` → `zod`, `@orama/stopwords-1a2b…` → `@orama/stopwords`. */
const packageOf = (link: string) => link.replace(/-[0-9a-f]{16}$/, '');

function linkTarget(link: string): string {
  try {
    return ` → ${fs.readlinkSync(link)}`;
  } catch {
    return '';
  }
}
