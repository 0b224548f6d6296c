// The load bench's view of the server's memory over a run. RSS comes from /proc (what the issue's
// goal counts); the V8 heap (used and reserved) and the memory outside it come from the server
// itself, through bench/mem-probe.mjs preloaded with `--import`. Growing RSS with a flat heap in
// use is V8 and malloc sizing up for the traffic (warm-up); heap in use that keeps climbing from
// one sample to the next is what a leak looks like.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One sample, in MiB; `at` in seconds from the sampler's start. */
export interface MemorySample {
  at: number;
  rss: number;
  /**
   * The least heap in use the server saw since the previous sample (it looks every second): the
   * low points come right after collections, so they follow what stays alive, not the garbage.
   */
  heapFloor: number;
  heapTotal: number;
  /** Outside the V8 heap but known to it: Buffers, pg's read buffers. */
  external: number;
}

const MiB = 1024 * 1024;

/** The process's resident memory in MiB (Linux). */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(m[1]) / 1024;
}

/** What bench/mem-probe.mjs writes each second (bytes). */
interface ProbeLine {
  /** Set on lines written after a full collection (true), or when the process cannot collect (false). */
  collected?: boolean;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface MemoryProbe {
  /** `node` arguments that load the probe (before the script). */
  nodeArgs: string[];
  /** Environment the probed process needs. */
  env: Record<string, string>;
  /** A sample of process `pid` now (its heap figures are at most a second old). */
  sample(pid: number, at: number): MemorySample;
  /** Has process `pid` run a full collection; the heap it still uses then, MiB. */
  collect(pid: number): Promise<number>;
  /** Removes the probe's file. */
  dispose(): void;
}

export function memoryProbe(root: string): MemoryProbe {
  const dir = mkdtempSync(join(tmpdir(), 'coffeechat-load-memory-'));
  const file = join(dir, 'memory.jsonl');
  let read = 0;
  return {
    nodeArgs: ['--expose-gc', '--import', pathToFileURL(join(root, 'bench', 'mem-probe.mjs')).href],
    env: { COFFEECHAT_BENCH_MEM_FILE: file },
    sample(pid, at) {
      const rss = rssMiB(pid);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n').filter(Boolean);
      if (!lines.length) throw new Error('The server wrote no memory samples: was bench/mem-probe.mjs loaded?');
      // The probe's lines since the previous sample (at least its latest one).
      const fresh = lines.slice(Math.min(read, lines.length - 1)).map((l) => JSON.parse(l) as ProbeLine);
      read = lines.length;
      const last = fresh.at(-1)!;
      const heapFloor = Math.min(...fresh.map((m) => m.heapUsed));
      return { at, rss, heapFloor: heapFloor / MiB, heapTotal: last.heapTotal / MiB, external: last.external / MiB };
    },
    async collect(pid) {
      const lines = () => readFileSync(file, 'utf8').trimEnd().split('\n').filter(Boolean);
      const before = lines().length;
      process.kill(pid, 'SIGUSR2');
      for (let waited = 0; waited < 10_000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
        const done = lines()
          .slice(before)
          .map((l) => JSON.parse(l) as ProbeLine)
          .find((m) => m.collected !== undefined);
        if (done?.collected === false) throw new Error('The server cannot collect on demand: start it with --expose-gc.');
        if (done) return done.heapUsed / MiB;
      }
      throw new Error('The server did not answer the request for a full collection within 10 s.');
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Samples `pid` every `everyS` seconds until stopped; the samples so far, the first taken at once. */
export function sampleEvery(probe: MemoryProbe, pid: number, everyS: number): { stop(): MemorySample[] } {
  const started = performance.now();
  const samples: MemorySample[] = [];
  const take = () => samples.push(probe.sample(pid, (performance.now() - started) / 1000));
  take();
  const timer = setInterval(take, everyS * 1000);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** A few log lines: each measure as a row of numbers over the run. */
export function timeline(samples: MemorySample[]): string[] {
  const row = (name: string, pick: (s: MemorySample) => number) =>
    `    ${name.padEnd(15)} ${samples.map((s) => pick(s).toFixed(0).padStart(4)).join('')}`;
  return [
    row('seconds', (s) => s.at),
    row('RSS', (s) => s.rss),
    row('V8 heap total', (s) => s.heapTotal),
    row('heap used, low', (s) => s.heapFloor),
    row('RSS − heap', (s) => s.rss - s.heapTotal),
  ];
}
