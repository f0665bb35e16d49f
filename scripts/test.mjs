#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it: system packages → lint → typecheck → dead code → build
// (front end; server and CLI to dist-node/, which the tests that start them run) → unit, API and
// browser tests. Ends with one line "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './system-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);

function step(label, cmd, args) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

ensureSystemDeps();
step('lint (biome)', bin('biome'), ['check', '.']);
step('typecheck (tsc)', bin('tsc'), ['--noEmit']);
step('dead code (knip)', bin('knip'), []);
step('build (vite)', bin('vite'), ['build', '--logLevel', 'warn']);
step('build (server and CLI)', process.execPath, [join(root, 'scripts/build-node.mjs')]);

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results/vitest.json');
console.log('\n▶ tests (vitest: unit, API, browser)');
const r = spawnSync(
  bin('vitest'),
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
let summary = '';
try {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = j.numPendingTests + j.numTodoTests;
  summary = `tests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`;
  if (j.numTotalTests === 0) {
    console.error('✗ no test ran');
    process.exit(1);
  }
} catch {
  summary = 'tests: report missing';
}
console.log(`\n${summary}`);
process.exit(r.status ?? 1);
