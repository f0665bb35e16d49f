#!/usr/bin/env node
// `npm run -s hejie -- <command>`: the command line from built JavaScript (dist-node/bin/hejie.mjs),
// rebuilt first (about a second) when it is missing or older than its sources. `node scripts/hejie.mjs
// <command>` is the same without npm's own start (~0.15 s).
import { ensureNodeBuild, NODE_BUILD } from './build-node.mjs';

await ensureNodeBuild();
const { main } = await import(NODE_BUILD.hejie);
main();
