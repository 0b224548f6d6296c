// coffeechat serve — the web app and the API on http://127.0.0.1:5454.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { takeServeLock } from '../store/lock.js';
import { fail, openSession, type GlobalOptions } from './runtime.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The built web app beside the bundle (dist/ → web/dist) or beside the sources (src/cli → web/dist). */
function webRoot(): string | undefined {
  for (const rel of ['../web/dist', '../../web/dist']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return undefined;
}

export function serveCommand(version: string): Command {
  return new Command('serve')
    .description('start the web app (http://127.0.0.1:5454 by default)')
    .option('--port <port>', 'port to listen on (env COFFEECHAT_PORT)')
    .option('--host <host>', 'address to listen on (env COFFEECHAT_HOST); default 127.0.0.1')
    .option('--base-url <url>', 'the public address of this server, if any (env COFFEECHAT_BASE_URL)')
    .action(async (_o, self: Command) => {
      const o = self.optsWithGlobals() as GlobalOptions & { port?: string; host?: string; baseUrl?: string };
      const env = process.env;
      try {
        const portText = o.port ?? env.COFFEECHAT_PORT ?? '5454';
        const port = Number(portText);
        if (!/^\d+$/.test(portText) || port > 65535)
          throw new AppError('invalid_input', `--port must be a number from 0 to 65535 (got "${portText}").`);
        const host = o.host ?? env.COFFEECHAT_HOST ?? '127.0.0.1';
        if (!LOOPBACK.has(host)) {
          throw new AppError(
            'invalid_input',
            `Listening on ${host} would expose your network and notes beyond this computer, which needs accounts (server mode); this version serves only 127.0.0.1.`,
          );
        }
        const baseUrl = o.baseUrl ?? env.COFFEECHAT_BASE_URL;
        const extraHosts: string[] = [];
        if (baseUrl) {
          try {
            extraHosts.push(new URL(baseUrl).hostname);
          } catch {
            throw new AppError('invalid_input', `--base-url must be a URL such as https://coffeechat.example.org (got "${baseUrl}").`);
          }
        }

        const session = await openSession(o);
        let release = () => undefined as void;
        if (session.db.dialect === 'sqlite') {
          try {
            release = takeServeLock(session.db.where);
          } catch (e) {
            await session.close();
            throw e;
          }
        }
        const [{ serve }, { createServerApp }] = await Promise.all([import('@hono/node-server'), import('../server/app.js')]);
        const app = createServerApp({
          deps: session.deps,
          userId: session.ctx.userId,
          webRoot: webRoot(),
          extraHosts,
          ...(baseUrl ? { baseUrl } : {}),
          version,
          log: (l) => process.stderr.write(l + '\n'),
        });
        const server = serve({ fetch: app.fetch, port, hostname: host });
        server.on('error', (e: NodeJS.ErrnoException) => {
          release();
          const msg =
            e.code === 'EADDRINUSE'
              ? `Port ${port} is already in use; choose another with --port.`
              : `Cannot listen on ${host}:${port}: ${e.message}`;
          void session.close().finally(() => fail(new AppError('conflict', msg), !!o.json));
        });
        server.on('listening', () => {
          const addr = server.address();
          const actual = typeof addr === 'object' && addr ? addr.port : port;
          process.stdout.write(
            `coffeechat is running at http://${host.includes(':') ? `[${host}]` : host}:${actual} (data: ${session.db.where})\n`,
          );
        });
        const stop = () => {
          server.close();
          release();
          void session.close().finally(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (e) {
        fail(e, !!o.json);
      }
    });
}
