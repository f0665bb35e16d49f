import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './register';

/** A running `npm start` (scripts/start.mjs) on a free port and a fresh data directory. */
export interface RunningServer {
  url: string;
  dataDir: string;
  log: () => string;
  /** Stops the server; removes the data directory the helper made unless `keepData`. */
  stop: (keepData?: boolean) => Promise<void>;
}

/** Starts the real entry point and resolves when it listens. */
export function startServer(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<RunningServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'hejie-data-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HEJIE_DATA: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let listening = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in 60 s:\n${out}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /on (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1] && !listening) {
        listening = true;
        clearTimeout(timer);
        resolve({
          url: m[1],
          dataDir: dir,
          log: () => out,
          stop: async (keepData = false) => {
            if (child.exitCode === null) {
              await new Promise((done) => {
                child.once('exit', done);
                child.kill('SIGTERM');
              });
            }
            if (!dataDir && !keepData) rmSync(dir, { recursive: true, force: true });
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (listening) return;
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
}
