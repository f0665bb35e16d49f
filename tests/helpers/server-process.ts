import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './register';

/** The real server (src/server/main.ts under tsx) as a child process whose pid the test holds. */
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

/**
 * Starts `src/server/main.ts` (what `npm start` runs after its front-end build check) on a free
 * port and `dataDir`, and resolves when it listens. The build check is skipped so that tests running
 * in parallel never race a vite build.
 */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/server/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HEJIE_DATA: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
