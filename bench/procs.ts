// Child processes for the cold-start figures: spawned, timed and always killed, also when the
// bench itself fails or is interrupted.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';

const children = new Set<ChildProcess>();

function killAll() {
  for (const c of children) c.kill('SIGKILL');
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

export interface Spawned {
  child: ChildProcess;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

export function start(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Spawned {
  const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, stdout: () => out, stderr: () => err };
}

/** Runs a process to its end; returns its wall time in ms and its output. */
export async function timeRun(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  const t = performance.now();
  const p = start(cmd, args, env, cwd);
  const { code } = await p.exited;
  return { ms: performance.now() - t, code, stdout: p.stdout(), stderr: p.stderr() };
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** One GET; the status code, or null when nothing answers yet. */
function probe(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on('error', () => resolve(null));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stops a server: SIGTERM, then SIGKILL if it lingers. */
async function stop(p: Spawned): Promise<void> {
  p.child.kill('SIGTERM');
  const late = setTimeout(() => p.child.kill('SIGKILL'), 3000);
  await p.exited.catch(() => undefined);
  clearTimeout(late);
}

/**
 * Spawns a server and polls `url` every `everyMs` until it answers 200; returns the ms from spawn
 * to that answer. The server is killed afterwards whatever happens.
 */
export async function timeReady(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  url: string,
  everyMs = 5,
  limitMs = 20_000,
): Promise<number> {
  const t = performance.now();
  const p = start(cmd, args, env, cwd);
  let gone = false;
  void p.exited.then(
    () => (gone = true),
    () => (gone = true),
  );
  try {
    for (;;) {
      if ((await probe(url)) === 200) return performance.now() - t;
      if (gone) throw new Error(`${cmd} ${args.join(' ')} exited before it was ready:\n${p.stderr() || p.stdout()}`);
      if (performance.now() - t > limitMs) throw new Error(`${cmd} ${args.join(' ')} was not ready after ${limitMs} ms:\n${p.stderr()}`);
      await sleep(everyMs);
    }
  } finally {
    await stop(p);
  }
}
