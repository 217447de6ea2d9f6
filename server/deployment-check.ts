import fs from 'node:fs';
import path from 'node:path';

/** Packages the server loads from the build's own node_modules links (next.config.js serverExternalPackages; better-sqlite3 is external by default). */
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
    const link = entries.find((entry) => entry === name || entry.startsWith(`${name}-`));
    if (!link) {
      missing.push(`${linkDir}/${name}-…: no link to ${name}; copy the build folder whole (cp -a), or build again`);
      continue;
    }
    const target = path.join(linkDir, link);
    if (!fs.existsSync(path.join(target, 'package.json'))) {
      missing.push(`${target}${linkTarget(target)} does not resolve: node_modules/${name} must be installed beside the build (npm ci)`);
    }
  }
  return missing;
}

function linkTarget(link: string): string {
  try {
    return ` → ${fs.readlinkSync(link)}`;
  } catch {
    return '';
  }
}
