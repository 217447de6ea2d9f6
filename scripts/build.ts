/**
 * npm run build: the content check and the type check side by side, then `next build`.
 *
 * Both checks must pass before `next build` starts, so invalid content or code never touches the
 * dist dir. They run at the same time, one core each, as neither needs the other. `next build`
 * then skips its own type check (WARTA_TYPES_CHECKED, see next.config.js) and
 * its workers open the content database the check has just written, trusting it without
 * re-reading the folder (WARTA_CONTENT_BUILD_ID, see lib/content/index.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundleContentCheck } from '../server/bundle.cjs';

interface Finished {
  name: string;
  code: number;
  output: string;
}

const bin = (name: string) => path.join('node_modules', '.bin', name);

/** Runs a command with its output kept, so the two checks' reports do not interleave. */
function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output }));
  });
}

/**
 * The content check, bundled first (server/bundle.cjs) so that neither it nor its index thread
 * loads through tsx. A larger young generation: the check makes a great deal of short-lived text
 * in a large archive, which the default one collects over and over (BENCHMARKS.md, content part).
 */
function contentCheck(env: NodeJS.ProcessEnv): Promise<Finished> {
  try {
    return run('content check', process.execPath, ['--max-semi-space-size=64', bundleContentCheck(process.cwd())], env);
  } catch (error) {
    return Promise.resolve({ name: 'content check', code: 1, output: `${(error as Error).message}\n` });
  }
}

async function main(): Promise<number> {
  const buildId = `${Date.now()}-${process.pid}`;
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', WARTA_CONTENT_BUILD_ID: buildId };
  const started = performance.now();
  // typegen writes the route types (.next/types) that tsc checks the pages against. Started first:
  // it runs while the content check is bundled.
  const types = run('type check', 'sh', ['-c', `${bin('next')} typegen >/dev/null && ${bin('tsc')} --noEmit`], env);
  const checks = await Promise.all([contentCheck(env), types]);
  for (const check of checks) process.stdout.write(check.output);
  const failed = checks.filter((c) => c.code !== 0);
  if (failed.length > 0) {
    console.error(`✗ ${failed.map((c) => c.name).join(' and ')} failed: nothing was built.`);
    return 1;
  }
  console.log(`✓ Content and types checked (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  // A larger young generation for next build's page-generation workers too: rendering makes
  // short-lived garbage that a small one promotes, and each full collection then walks the whole
  // content store (docs/decisions/0004-content-snapshot.md has the measurements).
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim();
  const build = spawn(bin('next'), ['build'], { env: { ...env, NODE_OPTIONS: nodeOptions, WARTA_TYPES_CHECKED: '1' }, stdio: 'inherit' });
  return new Promise((resolve) => build.on('close', (code) => resolve(code ?? 1)));
}

main().then((code) => process.exit(code));
