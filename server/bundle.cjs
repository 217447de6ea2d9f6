// @ts-check
/**
 * The production server as one file in the dist dir, written by `next build` itself
 * (next.config.js, compiler.runAfterProductionCompile): server/index.ts and the lib/ code it uses,
 * compiled by esbuild; packages stay in node_modules/. `npm start` (server/start.cjs) runs it with
 * plain Node, so a start compiles no TypeScript and loads no module through tsx's hooks
 * (decision 0012).
 */
const path = require('node:path');

/** The file's name in the dist dir. */
const SERVER_BUNDLE = 'warta-server.cjs';

/**
 * Writes `<distDir>/warta-server.cjs` from server/index.ts. Throws (failing the build) on any
 * error or warning: a warning here is code that would behave differently once bundled.
 * @param {string} projectDir
 * @param {string} distDir
 */
function bundleServer(projectDir, distDir) {
  // A build tool, so loaded only when building: a production start never needs it.
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(projectDir, 'server', 'index.ts')],
    outfile: path.resolve(projectDir, distDir, SERVER_BUNDLE),
    absWorkingDir: projectDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
    banner: { js: '// The production server, bundled by next build (server/bundle.cjs). Edit server/ and lib/, not this file.' },
  });
  if (result.warnings.length > 0) {
    throw new Error(`bundling the server: ${esbuild.formatMessagesSync(result.warnings, { kind: 'warning' }).join('\n')}`);
  }
}

module.exports = { SERVER_BUNDLE, bundleServer };
