import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deploymentIdFor } from './deployment-id.cjs';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-deployment-id-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' }).trim();

/** A folder with a few build inputs and content, committed when `commit`. */
function project(name: string, commit: boolean): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'app'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'content'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'app', 'page.tsx'), 'export default () => null;\n');
  fs.writeFileSync(path.join(dir, 'content', 'a.md'), 'a\n');
  fs.writeFileSync(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
  if (commit) {
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'one');
  }
  return dir;
}

const build = (dir: string, env: Record<string, string> = {}) => deploymentIdFor('phase-production-build', { dir, distDir: '.next', env });

describe('deploymentIdFor', () => {
  it('at build: WARTA_DEPLOYMENT_ID when given, checked', () => {
    const dir = project('given', true);
    expect(build(dir, { WARTA_DEPLOYMENT_ID: 'release-42' })).toBe('release-42');
    expect(() => build(dir, { WARTA_DEPLOYMENT_ID: 'v1.2' })).toThrow(/WARTA_DEPLOYMENT_ID="v1.2": must be 1 to 64 letters/);
  });

  it('at build: the commit when the inputs are as committed; content changes do not count', () => {
    const dir = project('clean', true);
    const commit = git(dir, 'rev-parse', '--short=12', 'HEAD');
    expect(build(dir)).toBe(commit);
    fs.writeFileSync(path.join(dir, 'content', 'a.md'), 'changed\n');
    expect(build(dir)).toBe(commit);
  });

  it('at build: the commit and a hash of the changed inputs, the same for the same changes', () => {
    const dir = project('dirty', true);
    const commit = git(dir, 'rev-parse', '--short=12', 'HEAD');
    fs.writeFileSync(path.join(dir, 'app', 'page.tsx'), 'export default () => 1;\n');
    const first = build(dir);
    expect(first).toMatch(new RegExp(`^${commit}-[0-9a-f]{8}$`));
    expect(build(dir)).toBe(first);
    fs.writeFileSync(path.join(dir, 'app', 'new.tsx'), 'x\n'); // an untracked input counts too
    expect(build(dir)).not.toBe(first);
  });

  it('at build without git: a hash of every input', () => {
    const dir = project('no-git', false);
    const id = build(dir);
    expect(id).toMatch(/^src-[0-9a-f]{12}$/);
    fs.writeFileSync(path.join(dir, 'app', 'page.tsx'), 'export default () => 2;\n');
    expect(build(dir)).not.toBe(id);
  });

  it("when serving: the build's own id (its BUILD_ID), whatever the environment says; none in development", () => {
    const dir = project('serve', false);
    fs.mkdirSync(path.join(dir, '.next'));
    fs.writeFileSync(path.join(dir, '.next', 'BUILD_ID'), 'abc123def456');
    expect(deploymentIdFor('phase-production-server', { dir, distDir: '.next', env: { WARTA_DEPLOYMENT_ID: 'other' } })).toBe('abc123def456');
    expect(deploymentIdFor('phase-production-server', { dir, distDir: '.missing' })).toBeUndefined();
    expect(deploymentIdFor('phase-development-server', { dir, distDir: '.next' })).toBeUndefined();
  });
});
