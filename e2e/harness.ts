// What every browser suite needs: the built server (`coffeechat serve`) on a temporary SQLite file,
// Debian's Chromium through playwright-core, pages that collect console errors, axe-core, and the
// rule that a missing Chromium fails on CI but only skips by hand. Each suite file calls
// `browserSuite(name, body)` and gets its own server and database: a SQLite file, or with
// `database: 'postgres'` a fresh schema of COFFEECHAT_TEST_PG_URL (required on CI like Chromium).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgSchema } from '../test/harness.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = join(root, 'bin', 'coffeechat.js');
const chromiumPath = process.env.COFFEECHAT_TEST_CHROMIUM || '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
export const NOW = '2026-03-05T09:00:00Z';
export const TIMEOUT = 60_000;

/**
 * The few browser globals used inside `page.evaluate` callbacks. The e2e files are type-checked as
 * Node code (no DOM library), and the callbacks run in the page, so they reach the DOM through this.
 */
export interface El {
  textContent: string | null;
  closest(selector: string): El | null;
  getAttribute(name: string): string | null;
}
export interface Page$ {
  document: { activeElement: El | null; querySelector(selector: string): El | null; getAnimations(): { finished: Promise<unknown> }[] };
  axe?: {
    run(
      context: unknown,
      options: { resultTypes: string[] },
    ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
  };
}

export interface WebApp {
  /** http://127.0.0.1:PORT */
  readonly base: string;
  /** The SQLite file, or the PostgreSQL URL (with its schema), the server runs on. */
  readonly db: string;
  /** Console errors and uncaught exceptions from every page opened with `open`. */
  readonly problems: string[];
  api<T>(path: string, init?: RequestInit): Promise<T>;
  /** Runs the CLI on the same database at the same instant; resolves with stdout. */
  cli(...args: string[]): Promise<string>;
  /** A new browser context (its own cookies); `mobile` makes it a touch phone (isMobile, hasTouch, 3× pixels). */
  open(opts: { width: number; height?: number; dark?: boolean; mobile?: boolean }): Promise<{ ctx: BrowserContext; page: Page }>;
  visit(page: Page, path: string): Promise<void>;
  axeCheck(page: Page, label: string): Promise<string[]>;
  /** Everything the server printed so far (stdout and stderr), e.g. the one-time setup token. */
  serverOutput(): string;
}

export interface SuiteOptions {
  /** More arguments for `coffeechat serve` (e.g. `--accounts`). */
  serverArgs?: string[];
  /** Where the data lives: a temporary SQLite file (default) or a fresh schema of COFFEECHAT_TEST_PG_URL. */
  database?: 'sqlite' | 'postgres';
  /**
   * The address `serve --host` listens on (default 127.0.0.1). For 0.0.0.0 the browsers reach the
   * server through this machine's first non-loopback IPv4 address, as a phone on the same network
   * would; `base` falls back to 127.0.0.1 on a machine without one.
   */
  host?: string;
}

/** This machine's first non-loopback IPv4 address, if it has one. */
export function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return undefined;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, host, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const axeSource = () => readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An API call made with a browser context's cookies (session and CSRF), as the web app makes it. */
export async function callAs<T>(app: WebApp, ctx: BrowserContext, method: string, path: string, body?: unknown): Promise<T> {
  if (!(await ctx.cookies(app.base)).some((c) => c.name === 'coffeechat_csrf')) await ctx.request.get(`${app.base}/api/v1/session`);
  const csrf = (await ctx.cookies(app.base)).find((c) => c.name === 'coffeechat_csrf')?.value ?? '';
  const res = await ctx.request.fetch(`${app.base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: app.base, 'x-coffeechat-csrf': csrf },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  expect(res.ok(), `${method} ${path} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? null : await res.json()) as T;
}

/** Declares a browser suite with its own server; skipped (failed on CI) without Chromium, or PostgreSQL when it asks for one. */
export function browserSuite(name: string, body: (app: WebApp) => void, options: SuiteOptions = {}): void {
  const pgUrl = process.env.COFFEECHAT_TEST_PG_URL;
  const why = !haveChromium
    ? `Chromium not found at ${chromiumPath}; set COFFEECHAT_TEST_CHROMIUM to its path (Debian: apt-get install chromium).`
    : options.database === 'postgres' && !pgUrl
      ? 'COFFEECHAT_TEST_PG_URL is not set, and this suite runs its server on PostgreSQL.'
      : '';
  if (why) {
    if (process.env.CI === 'true') {
      describe(name, () => {
        it('needs Chromium (and PostgreSQL where asked) on CI', () => {
          throw new Error(`${why} Browser tests are required on CI.`);
        });
      });
    } else {
      console.warn(`[e2e] Skipping "${name}": ${why}`);
      describe.skip(name, () => body({} as WebApp));
    }
    return;
  }

  describe(name, () => {
    let dir = '';
    let server: ChildProcess | undefined;
    let serverLog = '';
    let browser: Browser | undefined;
    let dropSchema: (() => Promise<void>) | undefined;
    const env = { ...process.env, COFFEECHAT_NOW: NOW, TZ: 'UTC' };

    const app: WebApp = {
      base: '',
      db: '',
      problems: [],
      async api<T>(path: string, init?: RequestInit): Promise<T> {
        const res = await fetch(app.base + path, init);
        expect(res.ok, `${path} answered ${res.status}`).toBe(true);
        return (await res.json()) as T;
      },
      async cli(...args: string[]) {
        const { stdout } = await run(process.execPath, [bin, ...args, '--db', app.db], { cwd: root, env });
        return stdout;
      },
      async open(opts) {
        const ctx = await browser!.newContext({
          viewport: { width: opts.width, height: opts.height ?? 900 },
          colorScheme: opts.dark ? 'dark' : 'light',
          ...(opts.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
        });
        const page = await ctx.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error') app.problems.push(`console error at ${page.url()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => app.problems.push(`page error at ${page.url()}: ${e.message}`));
        page.setDefaultTimeout(15_000);
        return { ctx, page };
      },
      /** Loads a route and waits until its heading is there and nothing is loading any more. */
      async visit(page, path) {
        await page.goto(app.base + path);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => {
          const d = (globalThis as unknown as Page$).document;
          return !d.querySelector('.loading') && !d.querySelector('[aria-busy="true"]');
        });
      },
      async axeCheck(page, label) {
        // Evaluated through DevTools rather than added as an inline <script>, which the app's
        // Content-Security-Policy (script-src 'self') rightly refuses.
        if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource());
        const result = await page.evaluate(async () => {
          const w = globalThis as unknown as Page$;
          // A toast still fading in has the contrast of its half-way opacity: judge the settled page.
          await Promise.all(w.document.getAnimations().map((a) => a.finished.catch(() => undefined)));
          const r = await w.axe!.run(w.document, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
          }));
        });
        return result
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${label}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      },
      serverOutput: () => serverLog,
    };
    const set = app as { -readonly [K in keyof WebApp]: WebApp[K] };

    beforeAll(async () => {
      if (!existsSync(join(root, 'dist', 'cli.js')) || !existsSync(join(root, 'web', 'dist', 'index.html'))) {
        throw new Error('The build is missing (dist/cli.js or web/dist/index.html): run `npm run build` before the browser tests.');
      }
      dir = mkdtempSync(join(tmpdir(), 'coffeechat-e2e-'));
      if (options.database === 'postgres') {
        const schema = await freshPgSchema(pgUrl!);
        dropSchema = schema.drop;
        set.db = schema.url;
      } else set.db = join(dir, 'e2e.db');
      const host = options.host ?? '127.0.0.1';
      const port = await freePort(host);
      set.base = `http://${host === '0.0.0.0' ? (lanAddress() ?? '127.0.0.1') : host}:${port}`;
      const args = ['serve', '--port', String(port), '--host', host, '--db', app.db, ...(options.serverArgs ?? [])];
      server = spawn(process.execPath, [bin, ...args], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      server.stdout?.on('data', (d: Buffer) => (serverLog += d.toString()));
      server.stderr?.on('data', (d: Buffer) => (serverLog += d.toString()));
      const deadline = Date.now() + 20_000;
      for (;;) {
        if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${serverLog}`);
        try {
          const res = await fetch(`${app.base}/api/v1/health`);
          if (res.ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`The server did not answer /api/v1/health within 20 s:\n${serverLog}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    }, TIMEOUT);

    afterAll(async () => {
      await browser?.close();
      if (server && server.exitCode === null) {
        const exited = new Promise((r) => server!.once('exit', r));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
      await dropSchema?.();
    }, TIMEOUT);

    body(app);
  });
}
