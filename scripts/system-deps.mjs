// Debian packages the test suite needs: a browser for the browser tests, CJK fonts so that
// Chinese labels render, and the independent references the accuracy tests compare with:
// PROJ's cs2cs (coordinates), GDAL's ogrinfo/ogr2ogr (files we write and read) and GEOS through Debian's python3-shapely (geometry); PostgreSQL 15 and PostGIS 3 for the third store. Installed when running as root (as CI does); otherwise the exact command
// is printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

const NEEDS = [
  { pkg: 'chromium', present: () => existsSync(CHROMIUM) },
  { pkg: 'proj-bin', present: () => existsSync('/usr/bin/cs2cs') },
  { pkg: 'gdal-bin', present: () => existsSync('/usr/bin/ogrinfo') },
  // the documents' tests: LibreOffice opens the DOCX, poppler renders and reads the PDFs
  { pkg: 'libreoffice-writer', present: () => existsSync('/usr/bin/soffice') },
  { pkg: 'poppler-utils', present: () => existsSync('/usr/bin/pdftoppm') },
  // the PostgreSQL store's tests start a throwaway cluster (tests/helpers/pg-cluster.ts)
  { pkg: 'postgresql-15', present: () => existsSync('/usr/lib/postgresql/15/bin/initdb') },
  {
    pkg: 'postgresql-15-postgis-3',
    present: () => existsSync('/usr/share/postgresql/15/extension/postgis.control'),
  },
  {
    pkg: 'python3-shapely',
    present: () =>
      spawnSync('/usr/bin/python3', ['-c', 'import shapely'], { stdio: 'ignore' }).status === 0,
  },
  {
    pkg: 'fonts-noto-cjk',
    present: () => {
      try {
        return /Noto Sans CJK/i.test(execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }));
      } catch {
        return false;
      }
    },
  },
];

/**
 * What to do about missing packages: nothing, install them (root), or stop with the command.
 * @param {string[]} missing Debian package names not installed
 * @param {number | undefined} uid the process's user id
 */
export function planSystemDeps(missing, uid) {
  if (missing.length === 0) return { action: 'none' };
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (uid === 0) return { action: 'install', command };
  return {
    action: 'stop',
    command,
    message: `Missing Debian packages: ${missing.join(', ')}. Run as root:\n\n  sudo sh -c '${command}'\n`,
  };
}

/** Installs what is missing, or exits with the command to run. */
export function ensureSystemDeps() {
  const missing = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
  const plan = planSystemDeps(missing, process.getuid?.());
  if (plan.action === 'none') return;
  if (plan.action === 'stop') {
    console.error(plan.message);
    process.exit(1);
  }
  console.log(`Installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const r = spawnSync('sh', ['-c', plan.command], { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`apt-get failed (exit ${r.status}); run it yourself:\n\n  ${plan.command}\n`);
    process.exit(1);
  }
}
