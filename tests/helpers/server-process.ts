import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './register';

/** The built server (dist-node/bin/server.mjs) as a child process whose pid the test holds. */
export interface ServerProcess {
  url: string;
  pid: number;
  log: () => string;
  /** whether the process is still running */
  alive: () => boolean;
  /** `kill -9`: no signal handler, no close, no checkpoint; resolves when the process is gone */
  kill9: () => Promise<void>;
  /** SIGTERM (the server closes its store), resolves when the process is gone */
  stop: () => Promise<void>;
}

let built = false;

/** The built server, (re)built first when missing or older than its sources (safe in parallel). */
export function serverBuild(): string {
  if (!built) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-node.mjs'), '--if-stale'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`scripts/build-node.mjs failed:\n${r.stderr}`);
    built = true;
  }
  return join(ROOT, 'dist-node/bin/server.mjs');
}

/**
 * Starts the built server (what `npm start` runs after its build checks) on a free port and
 * `dataDir`, and resolves when it listens. The front-end build check is skipped so that tests
 * running in parallel never race a vite build.
 */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [serverBuild()], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HEJIE_DATA: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals) => {
    if (alive()) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 60 s:\n${out}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /on (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1] && child.pid !== undefined) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => {
          out += more.toString();
        });
        resolve({
          url: m[1].replace('localhost', '127.0.0.1'),
          pid: child.pid,
          log: () => out,
          alive,
          kill9: () => end('SIGKILL'),
          stop: () => end('SIGTERM'),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited (${child.exitCode ?? child.signalCode}) early:\n${out}`));
    });
  });
}
