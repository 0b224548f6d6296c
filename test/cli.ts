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

/** A running `coffeechat serve`. */
export interface Served {
  url: string;
  stop(): Promise<void>;
  /** All it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves once its output matches `re` (say, the setup token line that follows the address). */
  waitFor(re: RegExp): Promise<RegExpExecArray>;
}

/** Starts `coffeechat serve` on a free port; resolves once it prints its address. */
export function serve(args: string[], env: Record<string, string | undefined> = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, COFFEECHAT_NOW: '2026-03-02T09:00:00Z', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let closed = false;
  const waiters = new Set<() => void>();
  const recheck = () => [...waiters].forEach((w) => w());
  const waitFor = (re: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error(`${re} did not appear within 20 s in: ${out}`)), 20_000);
      function settle(e: Error | null, m?: RegExpExecArray) {
        clearTimeout(timer);
        waiters.delete(check);
        if (e) reject(e);
        else resolve(m!);
      }
      function check() {
        const m = re.exec(out);
        if (m) settle(null, m);
        else if (closed) settle(new Error(`serve exited with ${child.exitCode}: ${out}`));
      }
      waiters.add(check);
      check();
    });
  const onData = (d: Buffer) => {
    out += d.toString();
    recheck();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.once('close', () => {
    closed = true;
    recheck();
  });
  const started = waitFor(/running at (http:\/\/\S+)/).catch((e: unknown) => {
    child.kill('SIGKILL'); // a server that never said where it runs must not outlive the test
    throw e;
  });
  return started.then((m) => ({
    url: m[1]!,
    output: () => out,
    waitFor,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  }));
}
