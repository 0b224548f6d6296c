// Preloaded into the server by the load bench and the soak (`node --expose-gc --import
// ./bench/mem-probe.mjs …`): once a second it appends the process's own view of its memory (RSS,
// V8 heap used and total, external and array buffers, in bytes) as a JSON line to
// $COFFEECHAT_BENCH_MEM_FILE. RSS alone cannot tell a growing JavaScript heap (a leak) from V8 and
// malloc keeping pages they may reuse (warm-up). On SIGUSR2 it runs a full collection first and
// marks the line `collected`: what is still in use then is what the process holds on to.
import { appendFileSync } from 'node:fs';
import { setInterval } from 'node:timers';

const file = process.env.COFFEECHAT_BENCH_MEM_FILE;
if (file) {
  const sample = (extra) => appendFileSync(file, JSON.stringify({ t: Date.now(), ...extra, ...process.memoryUsage() }) + '\n');
  sample({});
  setInterval(() => sample({}), 1000).unref();
  process.on('SIGUSR2', () => {
    if (typeof globalThis.gc !== 'function') return sample({ collected: false });
    globalThis.gc();
    sample({ collected: true });
  });
}
