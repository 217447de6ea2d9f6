/**
 * npm run bench [-- part …]   parts: content, pages, lighthouse, build, serving, search, cluster (default: all)
 * Writes BENCHMARKS.md with the machine, date, commit and every figure with how it was measured.
 * Each part lives in its own module under bench/ and returns its own `## …` section.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { buildPart } from './build';
import { clusterPart } from './cluster';
import { contentPart } from './content';
import { lighthousePart } from './lighthouse';
import { pagesPart } from './pages';
import { searchPart } from './search';
import { loadAverage } from './server';
import { servingPart } from './serving';

const PARTS: Record<string, () => string | Promise<string>> = {
  content: contentPart,
  pages: pagesPart,
  lighthouse: lighthousePart,
  build: buildPart,
  serving: servingPart,
  search: searchPart,
  cluster: clusterPart,
};

const parts = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = parts.filter((p) => !(p in PARTS));
if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`);
const want = (part: string) => parts.length === 0 || parts.includes(part);

function machine(startLoad: string): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${commit}`,
    `- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1073741824)} GiB RAM, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}`,
    `- Machine load (1 / 5 / 15 min) at the start: ${startLoad.replace(/^load /, '')}; at the end: ${loadAverage().replace(/^load /, '')}`,
  ].join('\n');
}

async function main() {
  const startLoad = loadAverage();
  const sections: string[] = [];
  for (const [name, part] of Object.entries(PARTS)) if (want(name)) sections.push(await part());
  write(sections, startLoad);
}

function write(sections: string[], startLoad: string) {

// Running one part replaces that part's section and keeps the others from earlier runs.
const previous = fs.existsSync('BENCHMARKS.md') ? fs.readFileSync('BENCHMARKS.md', 'utf8') : '';
const kept = previous
  .split(/\n(?=## )/)
  .slice(1)
  .map((s) => s.trim())
  .filter((old) => !sections.some((fresh) => fresh.split('\n')[0] === old.split('\n')[0]));
const doc = `# Benchmarks

Written by \`npm run bench\` (\`npm run bench -- build\`, or any of ${Object.keys(PARTS).join(', ')}, runs one
part and keeps the others). Times vary between runs, machines and machine load; sizes are
deterministic for a given commit. Last run (${parts.length ? `parts: ${parts.join(', ')}` : 'all parts'}):

${machine(startLoad)}

${[...sections, ...kept].join('\n\n')}
`;
fs.writeFileSync('BENCHMARKS.md', doc);
console.log('✓ BENCHMARKS.md written');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
