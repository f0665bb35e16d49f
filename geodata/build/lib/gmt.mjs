import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GSHHG_VERSION } from './sources.mjs';

const INSTALL_HINT = 'install them with: apt-get install -y gmt gmt-gshhg-full';
const NOT_FOUND = `"gmt" was not found on PATH: GMT and the full-resolution GSHHG data are needed; ${INSTALL_HINT}`;
const FULL_FILES = ['binned_GSHHS_f.nc', 'binned_river_f.nc'];

// Fixed output formats so that a user's gmt.conf cannot change the numbers.
const SETTINGS = ['--FORMAT_GEO_OUT=D', '--FORMAT_FLOAT_OUT=%.12lg', '--IO_SEGMENT_MARKER=>'];

// gmt runs in a scratch folder: it reads gmt.conf from, and writes gmt.history to, its cwd.
let scratch = null;
function run(args, input) {
  if (!scratch) {
    scratch = mkdtempSync(join(tmpdir(), 'hejie-gmt-'));
    process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  }
  return spawnSync('gmt', args, {
    cwd: scratch,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Runs gmt with arguments (and optional stdin); returns stdout, throws with stderr on failure. */
export function gmt(args, input) {
  const r = run([...args, ...SETTINGS], input);
  if (r.error?.code === 'ENOENT') throw new Error(NOT_FOUND);
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(
      `gmt ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr.trim()}\n(${INSTALL_HINT})`,
    );
  }
  return r.stdout;
}

// Where gmt looks for GSHHG. Checked first because gmt, when the files are missing, tries to
// download them from its data server, which this build must never depend on.
function gshhgDirs() {
  const dir = run(['get', 'DIR_GSHHG']);
  if (dir.error?.code === 'ENOENT') throw new Error(NOT_FOUND);
  const share = run(['--show-sharedir']).stdout?.trim();
  return [
    ...new Set(
      [dir.stdout?.trim(), share && join(share, 'coast'), '/usr/share/gmt-gshhg'].filter(Boolean),
    ),
  ];
}

/** Checks that gmt runs and reads the full-resolution GSHHG of the pinned version. */
export function checkGmt() {
  const dirs = gshhgDirs();
  if (!dirs.some((d) => FULL_FILES.every((f) => existsSync(join(d, f))))) {
    throw new Error(
      `full-resolution GSHHG (${FULL_FILES.join(', ')}) not found in ${dirs.join(', ')}; ${INSTALL_HINT}`,
    );
  }
  const probe = ['coast', '-R108/108.1/21.6/21.7', '-Dfull', '-W', '-M', '-Vi', ...SETTINGS];
  const r = run(probe);
  if (r.error?.code === 'ENOENT') throw new Error(NOT_FOUND);
  if (r.status !== 0) {
    throw new Error(
      `gmt cannot read the full-resolution GSHHG coastline:\n${r.stderr.trim()}\n${INSTALL_HINT}`,
    );
  }
  const version = /GSHHG version (\S+)/.exec(r.stderr)?.[1];
  if (version !== GSHHG_VERSION) {
    throw new Error(
      `GSHHG ${version ?? '(unknown version)'} found, the committed outputs are from GSHHG ${GSHHG_VERSION}; ${INSTALL_HINT}`,
    );
  }
  return version;
}

/**
 * Parses a GMT multisegment ASCII table into [{header, points}], points as numbers exactly as
 * printed by gmt.
 */
export function parseMultisegment(text) {
  const segments = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) {
      current = { header: line.slice(1).trim(), points: [] };
      segments.push(current);
    } else if (line.trim() !== '' && current) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      current.points.push([x, y]);
    }
  }
  return segments;
}

/** Level number from a gmt coast -M segment header ("Shore Bin # 24587, Level 1"). */
export function levelOf(header) {
  const m = /Level (\d+)/.exec(header);
  if (!m) throw new Error(`no level in gmt segment header "${header}"`);
  return Number(m[1]);
}
