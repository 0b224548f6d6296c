// Development: the API server on 127.0.0.1:5454 (rebuilt and restarted when src/ changes) and
// the Vite dev server for web/ with hot reload, proxying /api to the API server.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';

let server;
let timer;

function build() {
  return new Promise((resolve) => spawn(process.execPath, ['scripts/build.mjs', 'cli'], { stdio: 'inherit' }).on('exit', resolve));
}

async function restart() {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if ((await build()) !== 0) return;
  server = spawn(process.execPath, ['bin/coffeechat.js', 'serve'], { stdio: 'inherit' });
}

watch('src', { recursive: true }, () => {
  clearTimeout(timer);
  timer = setTimeout(restart, 200);
});
await restart();

const { createServer } = await import('vite');
const vite = await createServer({ configFile: 'web/vite.config.ts' });
await vite.listen();
vite.printUrls();

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    server?.kill('SIGTERM');
    await vite.close();
    process.exit(0);
  });
}
