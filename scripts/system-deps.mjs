// Debian packages the test suite needs: a browser for the browser tests and CJK fonts so that
// Chinese labels render. Installed when running as root (as CI does); otherwise the exact command
// is printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

const NEEDS = [
  { pkg: 'chromium', present: () => existsSync(CHROMIUM) },
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

/** Installs what is missing, or exits with the command to run. */
export function ensureSystemDeps() {
  const missing = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing Debian packages: ${missing.join(', ')}. Run as root:\n\n  sudo sh -c '${cmd}'\n`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const r = spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`apt-get failed (exit ${r.status}); run it yourself:\n\n  ${cmd}\n`);
    process.exit(1);
  }
}
