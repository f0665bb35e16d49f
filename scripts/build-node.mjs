#!/usr/bin/env node
// The server and the command line as built JavaScript (dist-node/bin/server.mjs, hejie.mjs): what
// `npm start` and `npm run hejie` run, so that no process compiles TypeScript when it starts (tsx
// took ~0.8 s of every `hejie` command). Vite (rolldown) bundles the sources and the packages they
// use, except better-sqlite3 and sharp (native addons), geos-wasm (its wasm is embedded) and pdfkit
// (it reads its font metrics from its own folder), which stay
// imports of node_modules. Lazy `import()`s in the sources become chunks of their own, loaded only
// by the command that needs them.
//
//   node scripts/build-node.mjs             builds
//   node scripts/build-node.mjs --if-stale  builds only when missing or older than its sources
//
// Safe to run in parallel (as tests starting servers do): every file is written to a temporary name
// and renamed into place, and the same sources give the same files.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// two levels below the root, like src/server/ and src/cli/: `resolve(import.meta.dirname, '../..')`
// in the sources is the repo root in the bundles too
const outDir = join(root, 'dist-node/bin');
const manifest = join(root, 'dist-node/build.json');
const ENTRIES = {
  server: 'src/server/main.ts',
  hejie: 'src/cli/main.ts',
  // the compute pool's worker thread (src/server/compute): loaded beside the server's bundle
  'compute-worker': 'src/server/compute/compute-worker.ts',
  // the document pool's worker thread (src/server/documents): pdfkit, docx, sharp, qrcode
  'document-worker': 'src/server/documents/document-worker.ts',
  // the published tiler's worker thread (src/server/tiles): builds and keeps the tile index
  'tile-worker': 'src/server/tiles/tile-worker.ts',
};
// what the bundles depend on besides the modules they contain
const ALWAYS = ['package-lock.json', 'scripts/build-node.mjs'];

/** file: URLs of the built entries, for `import()`. */
export const NODE_BUILD = {
  server: pathToFileURL(join(outDir, 'server.mjs')).href,
  hejie: pathToFileURL(join(outDir, 'hejie.mjs')).href,
};

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return null;
  }
}

const mtime = (path) => {
  try {
    return statSync(join(root, path)).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY; // gone: rebuild
  }
};

/** Why the build must be redone (missing, or a source newer than it), or null when it is current. */
export function staleReason() {
  const m = readManifest();
  if (!m) return 'missing';
  if (m.outputs.some((f) => !existsSync(join(outDir, f)))) return 'missing';
  const changed = [...ALWAYS, ...m.inputs].find((f) => mtime(f) > m.startedAt);
  return changed ? `${changed} changed` : null;
}

function writeAtomically(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Bundles the server and the CLI into dist-node/bin; returns the time it took in ms. */
export async function buildNode() {
  const startedAt = Date.now();
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      write: false,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        input: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, join(root, v)])),
        output: {
          format: 'esm',
          entryFileNames: '[name].mjs',
          chunkFileNames: '[name]-[hash].mjs',
        },
      },
    },
    // packages bundled: fewer files to resolve and read, no CommonJS export scan at start (proj4);
    // geos-wasm stays out (2.5 MB; only what computes zones loads it)
    ssr: { noExternal: true, external: ['better-sqlite3', 'geos-wasm', 'pdfkit', 'sharp'] },
  });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  mkdirSync(outDir, { recursive: true });
  for (const c of chunks)
    writeAtomically(join(outDir, c.fileName), c.type === 'chunk' ? c.code : c.source);
  const inputs = new Set(
    chunks
      .flatMap((c) => (c.type === 'chunk' ? c.moduleIds : []))
      .filter((id) => id.startsWith(root) && !id.includes('/node_modules/'))
      .map((id) => relative(root, id)),
  );
  const outputs = chunks.map((c) => c.fileName);
  // chunks of the previous build that this one no longer has (their names carry a content hash)
  for (const f of readManifest()?.outputs ?? [])
    if (!outputs.includes(f)) rmSync(join(outDir, f), { force: true });
  writeAtomically(
    manifest,
    `${JSON.stringify({ startedAt, inputs: [...inputs].sort(), outputs }, null, 1)}\n`,
  );
  return Date.now() - startedAt;
}

/** Builds when the bundles are missing or older than their sources; says so on stderr. */
export async function ensureNodeBuild() {
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`Building the server and CLI (${reason})… `);
  const ms = await buildNode();
  process.stderr.write(`${ms} ms\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale')) await ensureNodeBuild();
  else
    console.log(
      `built dist-node/bin (server.mjs, hejie.mjs, compute-worker.mjs, document-worker.mjs, tile-worker.mjs) in ${await buildNode()} ms`,
    );
}
