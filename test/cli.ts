// Runs the real coffeechat binary (the built bundle) as a child process.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/coffeechat.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error: () => { code: string; message: string; details?: unknown };
}

export function cli(args: string[], env: Record<string, string | undefined> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, COFFEECHAT_NOW: '2026-03-02T09:00:00Z', ...env },
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout),
    error: () => JSON.parse(r.stderr).error,
  };
}

/** Starts `coffeechat serve` on a free port; resolves once it prints its address. */
export function serve(args: string[], env: Record<string, string | undefined> = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, COFFEECHAT_NOW: '2026-03-02T09:00:00Z', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}`));
    });
  });
}
