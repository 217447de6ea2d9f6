// @ts-check
// The deployment id of a build (next.config.js `deploymentId`, and its BUILD_ID): one value per
// build, the same on every instance that serves it. CommonJS because next.config.js loads it.
// docs/decisions/0010-deployment-id.md says why it is chosen this way.
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** What Next.js accepts (it refuses other characters), and short enough for every asset URL. */
const PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The files a build is made from; content/ is not among them (it is read at run time too). */
const INPUTS = ['app', 'components', 'lib', 'types', 'public', 'package-lock.json', 'next.config.js', 'cache-handler.mjs', 'postcss.config.mjs', 'tsconfig.json'];

/** @param {string} dir @param {string[]} args */
const git = (dir, args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** SHA-256 over the named files (names and bytes; a missing one counts by its name), in hex. */
function hashFiles(/** @type {string} */ dir, /** @type {string[]} */ files) {
  const hash = crypto.createHash('sha256');
  for (const file of [...files].sort()) {
    hash.update(`${file}\0`);
    try {
      hash.update(fs.readFileSync(path.join(dir, file)));
    } catch {
      hash.update('\0missing\0');
    }
  }
  return hash.digest('hex');
}

/** Every file under the inputs, relative to `dir` (for a folder that is not a git checkout). */
function listInputs(/** @type {string} */ dir) {
  /** @type {string[]} */
  const files = [];
  for (const input of INPUTS) {
    const full = path.join(dir, input);
    if (!fs.existsSync(full)) continue;
    if (fs.statSync(full).isFile()) files.push(input);
    else for (const entry of fs.readdirSync(full, { recursive: true, withFileTypes: true })) if (entry.isFile()) files.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return files;
}

/**
 * The id of a build made from `dir`: the commit (12 hex digits) when the inputs are as committed;
 * the commit and a hash of the changed files when they are not (two builds of the same changes
 * agree); a hash of every input where there is no git checkout. Deterministic, because Next.js
 * loads the config more than once during one build.
 */
function derivedDeploymentId(/** @type {string} */ dir) {
  try {
    const commit = git(dir, ['rev-parse', '--short=12', 'HEAD']);
    const changed = git(dir, ['status', '--porcelain', '--untracked-files=all', '--no-renames', '--', ...INPUTS])
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return changed.length === 0 ? commit : `${commit}-${hashFiles(dir, changed).slice(0, 8)}`;
  } catch {
    return `src-${hashFiles(dir, listInputs(dir)).slice(0, 12)}`;
  }
}

/**
 * The deployment id for a Next.js phase: at build, WARTA_DEPLOYMENT_ID when set, else derived;
 * when serving, the build's own (its BUILD_ID, which next.config.js makes the same value), so
 * a server never announces another id than its pages' asset URLs carry. Undefined in development.
 * @param {string} phase @param {{ dir: string, distDir: string, env?: Record<string, string | undefined> }} options
 * @returns {string | undefined}
 */
function deploymentIdFor(phase, { dir, distDir, env = process.env }) {
  if (phase === 'phase-production-build') {
    const given = env.WARTA_DEPLOYMENT_ID;
    if (given) {
      if (!PATTERN.test(given)) throw new Error(`WARTA_DEPLOYMENT_ID="${given}": must be 1 to 64 letters, digits, - or _, e.g. the commit: git rev-parse --short=12 HEAD`);
      return given;
    }
    return derivedDeploymentId(dir);
  }
  if (phase === 'phase-production-server') {
    try {
      const id = fs.readFileSync(path.join(dir, distDir, 'BUILD_ID'), 'utf8').trim();
      return PATTERN.test(id) ? id : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

module.exports = { deploymentIdFor, derivedDeploymentId, DEPLOYMENT_ID_PATTERN: PATTERN };
