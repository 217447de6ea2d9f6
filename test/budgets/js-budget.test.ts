/**
 * JavaScript budget: article and tag pages may load at most JS_BUDGET_BYTES (gzip) of our own
 * client JavaScript beyond the framework's runtime, as measured on an empty App Router app built
 * by the same `next`. Reads the production build: run after `npm run build` (npm run test:budget).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { BUDGETED, builtHtml } from '../../bench/pages';
import { JS_BUDGET_BYTES, describeModules, frameworkBaseline, kb, measureScripts, splitFromBaseline } from '../../bench/js-bytes';

test(`article and tag pages load ≤ ${kb(JS_BUDGET_BYTES)} (gzip) of our own JavaScript beyond the framework's`, { timeout: 10 * 60_000 }, () => {
  assert.ok(fs.existsSync('.next/server/app'), 'no production build in .next/: run `npm run build` first');
  const baseline = frameworkBaseline(process.cwd(), console.log);
  const failures: string[] = [];
  for (const name of BUDGETED) {
    const page = measureScripts(builtHtml(name), '.next');
    const { ours, added } = splitFromBaseline(page, baseline);
    const line =
      `${name} page: ${kb(page.total)} of JavaScript = framework baseline ${kb(baseline.total)} (empty App Router page, next ${baseline.nextVersion}) ` +
      `+ ours ${kb(ours)} (${ours} bytes); budget for ours ${kb(JS_BUDGET_BYTES)} (${JS_BUDGET_BYTES} bytes)` +
      `; modules the empty app does not load (${kb(added.gzip)} together): ${describeModules(added.modules) || 'none'}`;
    console.log(line);
    if (ours > JS_BUDGET_BYTES) failures.push(`${line} — over by ${ours - JS_BUDGET_BYTES} bytes`);
  }
  assert.equal(failures.length, 0, `JavaScript budget exceeded:\n${failures.join('\n')}`);
});
