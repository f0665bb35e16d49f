#!/usr/bin/env node
// `npm start`: builds the front end and the server (dist-node/, scripts/build-node.mjs) when they
// are missing or older than their sources, then serves the API and the built front end (PORT,
// default 8080) on the embedded SQLite store (HEJIE_DATA), from built JavaScript (no tsx).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBuild, NODE_BUILD } from './build-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const built = newest(join(root, 'dist/index.html'));
const sources = Math.max(
  ...[
    'src/ui',
    'src/map',
    'src/domain',
    'src/contract',
    'public',
    'index.html',
    'vite.config.ts',
    'package-lock.json',
  ].map((p) => newest(join(root, p))),
);
if (built < sources) {
  console.log(built ? 'Front end changed: rebuilding…' : 'Building the front end (first start)…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

await ensureNodeBuild();
const { start } = await import(NODE_BUILD.server);
await start();
