// @ts-check
/**
 * Our TypeScript bundled by esbuild for plain Node, so a start compiles no TypeScript and loads no
 * module through tsx's hooks (decision 0012): lib/ code goes in, packages stay in node_modules/.
 * - The production server: `<distDir>/warta-server.cjs`, written by `next build` itself
 *   (next.config.js, compiler.runAfterProductionCompile), so a copied build carries its server.
 *   `npm start` (server/start.cjs) runs it.
 * - The build's content check and its index thread: node_modules/.cache/warta/, written by
 *   scripts/build.ts just before it runs them.
 */
const path = require('node:path');

/** The server's file name in the dist dir. */
const SERVER_BUNDLE = 'warta-server.cjs';

/**
 * Writes each of `entries` ({ output name: source, relative to the project }) into `outdir` as
 * `<name>.cjs`. Throws on any error or warning: a warning here is code that would behave
 * differently once bundled.
 * @param {string} projectDir
 * @param {Record<string, string>} entries
 * @param {string} outdir
 * @param {string} banner
 */
function bundle(projectDir, entries, outdir, banner) {
  // A build tool, so loaded only when building: a production start never needs it.
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, path.join(projectDir, source)])),
    outdir,
    outExtension: { '.js': '.cjs' },
    absWorkingDir: projectDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
    banner: { js: `// ${banner} Edit the sources, not this file.` },
  });
  if (result.warnings.length > 0) {
    throw new Error(`bundling ${Object.values(entries).join(', ')}: ${esbuild.formatMessagesSync(result.warnings, { kind: 'warning' }).join('\n')}`);
  }
}

/**
 * Writes `<distDir>/warta-server.cjs` from server/index.ts.
 * @param {string} projectDir
 * @param {string} distDir
 */
function bundleServer(projectDir, distDir) {
  bundle(projectDir, { 'warta-server': 'server/index.ts' }, path.resolve(projectDir, distDir), 'The production server, bundled by next build (server/bundle.cjs).');
}

/**
 * Writes the content check and, beside it, its index thread (lib/content/database.ts looks for
 * index-thread.cjs next to itself); returns the check's file.
 * @param {string} projectDir
 */
function bundleContentCheck(projectDir) {
  const outdir = path.join(projectDir, 'node_modules', '.cache', 'warta');
  bundle(projectDir, { 'check-content': 'scripts/check-content.ts', 'index-thread': 'lib/content/index-thread.ts' }, outdir, 'The content check, bundled by npm run build (server/bundle.cjs).');
  return path.join(outdir, 'check-content.cjs');
}

module.exports = { SERVER_BUNDLE, bundleContentCheck, bundleServer };
