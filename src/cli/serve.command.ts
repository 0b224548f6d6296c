// coffeechat serve — the web app and the API on http://127.0.0.1:5454.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import { takeServeLock } from '../store/lock.js';
import { networkInterfaces, hostname } from 'node:os';
import { sql } from 'kysely';
import type { ServerAuth } from '../server/app.js';
import { dbTarget, fail, openSession, type GlobalOptions } from './runtime.js';

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
    .option('--accounts', 'sign-in with accounts and roles (env COFFEECHAT_ACCOUNTS=1); always on beyond loopback')
    .option('--log <format>', 'text, or json: one JSON line per request on stderr, without personal data (env COFFEECHAT_LOG)')
    .option(
      '--trust-proxy <addrs>',
      'reverse proxies whose X-Forwarded-For names the client, for login throttling: IP addresses, ranges (10.0.0.0/8) or loopback, comma-separated (env COFFEECHAT_TRUST_PROXY); default none',
    )
    .action(async (_o, self: Command) => {
      const o = self.optsWithGlobals() as GlobalOptions & {
        port?: string;
        host?: string;
        baseUrl?: string;
        accounts?: boolean;
        log?: string;
        trustProxy?: string;
      };
      const env = process.env;
      try {
        const portText = o.port ?? env.COFFEECHAT_PORT ?? '5454';
        const port = Number(portText);
        if (!/^\d+$/.test(portText) || port > 65535)
          throw new AppError('invalid_input', `--port must be a number from 0 to 65535 (got "${portText}").`);
        const host = o.host ?? env.COFFEECHAT_HOST ?? '127.0.0.1';
        const logFormat = o.log ?? env.COFFEECHAT_LOG ?? 'text';
        if (logFormat !== 'text' && logFormat !== 'json')
          throw new AppError('invalid_input', `--log must be text or json (got "${logFormat}").`);
        // Beyond loopback other people can reach the server, so everyone must sign in.
        const accountsOn = !!o.accounts || env.COFFEECHAT_ACCOUNTS === '1' || env.COFFEECHAT_ACCOUNTS === 'true' || !LOOPBACK.has(host);
        const baseUrl = o.baseUrl ?? env.COFFEECHAT_BASE_URL;
        const trustText = o.trustProxy ?? env.COFFEECHAT_TRUST_PROXY;
        const trustProxy =
          trustText === undefined
            ? undefined
            : (await import('../server/client-address.js')).trustedProxies(
                trustText,
                o.trustProxy === undefined ? 'COFFEECHAT_TRUST_PROXY' : '--trust-proxy',
              );
        const extraHosts = LOOPBACK.has(host) ? [] : listenNames(host);
        if (baseUrl) {
          try {
            extraHosts.push(new URL(baseUrl).hostname);
          } catch {
            throw new AppError('invalid_input', `--base-url must be a URL such as https://coffeechat.example.org (got "${baseUrl}").`);
          }
        }

        // Before anything is written: a refused start must not leave a schema owned by the superuser.
        if (accountsOn) await refuseSuperuser(dbTarget(o).target);
        const session = await openSession(o, { createOwner: !accountsOn });
        let release = () => undefined as void;
        if (session.db.dialect === 'sqlite') {
          try {
            release = takeServeLock(session.db.where);
          } catch (e) {
            await session.close();
            throw e;
          }
        }
        let auth: ServerAuth | undefined;
        let setupToken: string | null = null;
        if (accountsOn) {
          try {
            const { createAccounts, newSetupToken } = await import('../server/auth/service.js');
            auth = await createAccounts({ db: session.db.db, deps: session.deps, baseUrl: baseUrl ?? `http://${shownHost(host)}:${port}` });
            setupToken = await newSetupToken(session.deps.store);
          } catch (e) {
            release();
            await session.close();
            throw e;
          }
        }
        const [{ serve }, { createServerApp }, { logLine }] = await Promise.all([
          import('@hono/node-server'),
          import('../server/app.js'),
          import('../server/logging.js'),
        ]);
        const app = createServerApp({
          deps: session.deps,
          userId: session.ctx.userId,
          ...(auth ? { auth } : {}),
          webRoot: webRoot(),
          extraHosts,
          ...(baseUrl ? { baseUrl } : {}),
          version,
          log: (l) => process.stderr.write(logLine(logFormat, 'error', l) + '\n'),
          ...(logFormat === 'json' ? { requestLog: (l: string) => process.stderr.write(l + '\n') } : {}),
          ...(trustProxy ? { trustProxy } : {}),
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
            `coffeechat is running at http://${shownHost(host)}:${actual} (data: ${session.db.where})${accountsOn ? ', with accounts' : ''}\n`,
          );
          const lan = wildcard(host) ? lanAddresses() : [];
          if (lan.length)
            process.stdout.write(
              `From a phone or another computer on your network: ${lan.map((a) => `http://${a}:${actual}`).join(', ')}\n`,
            );
          // Printed here only (never through the log): whoever reads this console creates the first admin.
          if (setupToken)
            process.stdout.write(
              `No admin account yet. Open ${baseUrl ?? `http://${shownHost(host)}:${actual}`}/setup and give this one-time token (a new one is printed at each start until setup is done).\nSetup token: ${setupToken}\n`,
            );
        });
        // The embedded database copies itself once a day while the server runs (openSession made
        // today's copy at start); checked hourly, so a server left running keeps its last 7 days.
        const daily =
          session.db.dialect === 'sqlite' && env.COFFEECHAT_AUTO_BACKUP !== 'off'
            ? setInterval(
                () => void import('../app/backup.js').then((b) => b.dailyBackup(session.deps)).catch(() => null),
                3600_000,
              ).unref()
            : undefined;
        const stop = () => {
          clearInterval(daily);
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

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);
const wildcard = (host: string) => host === '0.0.0.0' || host === '::';
/** The address to print (and to build links with, without --base-url): a wildcard is no address a browser can open. */
const shownHost = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : urlHost(host));

/** This machine's IPv4 addresses on its networks: what a phone on the same Wi-Fi types. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/** The names a browser may use to reach a server listening on `host` (all addresses for 0.0.0.0 / ::). */
function listenNames(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host];
  const names = [hostname(), `${hostname()}.local`];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) names.push(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  return names;
}

/**
 * A superuser bypasses every permission, so a server holding many people's data refuses to run as
 * one. Asked on a connection that does not migrate, so that the refusal leaves the database as it was.
 */
async function refuseSuperuser(target: string): Promise<void> {
  const { isPostgresUrl, openDatabase } = await import('../store/db.js');
  if (!isPostgresUrl(target)) return;
  const open = await openDatabase(target, { migrate: false });
  let superuser = false;
  try {
    const r = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(open.db);
    superuser = !!r.rows[0]?.rolsuper;
  } finally {
    await open.close();
  }
  if (superuser)
    throw new AppError(
      'invalid_input',
      'With accounts on, coffeechat refuses to run as a PostgreSQL superuser: a superuser bypasses every permission and can read or drop any database on the server. Connect as an ordinary role that owns the coffeechat database (CREATE ROLE coffeechat LOGIN PASSWORD …; ALTER DATABASE … OWNER TO coffeechat).',
    );
}
