// Web figures (issue 8, item 6): what a first visit downloads and how soon Today shows, in real
// Chromium against `coffeechat serve` on the bench database. Absolute goals, no baseline: there is
// no "raw" web page to compare with.
// - Initial payload: every script and stylesheet the browser fetched until Today was on screen,
//   counted gzip-compressed (level 9, as a static host or proxy would send it; the server itself
//   sends them uncompressed on loopback).
// - Time to Today: from navigation start (a fresh profile, nothing cached) to the moment the
//   "At a glance" counts are in the document, i.e. the API answered and React rendered the page
//   (with the first screenful of each list); also printed: when every listed action is in.
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { freePort, start } from './procs.js';
import { figure, type Figure } from './report.js';
import { median } from './stats.js';

const CHROMIUM = process.env.COFFEECHAT_TEST_CHROMIUM || '/usr/bin/chromium';
/** Rendered once Today's data is in: the counts list (web/src/pages/Today.tsx). */
const TODAY_READY = 'ul[aria-label="At a glance"]';

/** Every action Today lists (web/src/components/ActionItem.tsx). */
const ACTION = 'li.action';

/**
 * Records, inside the page, the first moment the Today marker exists, and the moment every one of
 * `actions` actions is in the page (Today builds the first screenful of each list first and the
 * rest just after): a MutationObserver, not polling.
 */
const watch = (actions: number) => `(() => {
  const mark = () => {
    if (window.__todayAt === undefined && document.querySelector(${JSON.stringify(TODAY_READY)})) window.__todayAt = performance.now();
    if (window.__allAt === undefined && document.querySelectorAll(${JSON.stringify(ACTION)}).length >= ${actions}) window.__allAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { childList: true, subtree: true });
})();`;

async function waitReady(base: string, serverErr: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (i > 400) throw new Error(`coffeechat serve was not ready: ${serverErr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One cold visit: a new browser context (empty cache), the page's own clock for the render time. */
async function visit(browser: Browser, base: string, actions: number): Promise<{ ms: number; allMs: number; assets: Map<string, number> }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await ctx.addInitScript(watch(actions));
    const page = await ctx.newPage();
    const assets = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      const type = res.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      pending.push(
        res.body().then(
          (body) => void assets.set(res.url(), gzipSync(body, { level: 9 }).length),
          () => undefined,
        ),
      );
    });
    await page.goto(base + '/', { waitUntil: 'commit' });
    await page.waitForSelector(TODAY_READY, { timeout: 30_000 });
    type Doc = { document: { querySelectorAll(s: string): { length: number } } };
    await page.waitForFunction(
      ([sel, n]) => (globalThis as unknown as Doc).document.querySelectorAll(sel).length >= n,
      [ACTION, actions] as const,
      {
        timeout: 30_000,
      },
    );
    // Runs in the page: globalThis is its window, performance.now() counts from navigation start.
    const [ms, allMs] = await page.evaluate(() => {
      const w = globalThis as { __todayAt?: number; __allAt?: number };
      return [w.__todayAt ?? globalThis.performance.now(), w.__allAt ?? globalThis.performance.now()];
    });
    await Promise.all(pending);
    return { ms, allMs, assets };
  } finally {
    await ctx.close();
  }
}

export async function webFigures(
  bin: string,
  db: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  quick: boolean,
  log: (s: string) => void,
): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) {
    log(`Skipping the web figures: no Chromium at ${CHROMIUM} (set COFFEECHAT_TEST_CHROMIUM).`);
    return [];
  }
  const port = await freePort();
  const server = start(process.execPath, [bin, 'serve', '--port', String(port), '--db', db], env, cwd);
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    await waitReady(base, server.stderr);
    const day = (await (await fetch(`${base}/api/v1/today`)).json()) as { actions: unknown[]; upcoming: unknown[] };
    const actions = day.actions.length + day.upcoming.length;
    // The first visit warms the server (its Today cache, the files' page cache), not the browser:
    // each measured visit has a fresh context.
    const first = await visit(browser, base, actions);
    const runs = quick ? 3 : 9;
    log(`Measuring the web app's first visit (${runs} cold visits in Chromium)…`);
    const times: number[] = [];
    const allTimes: number[] = [];
    let assets = first.assets;
    for (let i = 0; i < runs; i++) {
      const v = await visit(browser, base, actions);
      times.push(v.ms);
      allTimes.push(v.allMs);
      assets = v.assets;
    }
    const files = [...assets.entries()].sort((a, b) => b[1] - a[1]);
    const total = files.reduce((s, [, n]) => s + n, 0);
    for (const [url, n] of files) log(`  ${(n / 1024).toFixed(1).padStart(7)} KB gzip  ${new URL(url).pathname}`);
    log(
      `  initial JS + CSS ${(total / 1024).toFixed(1)} KB gzip · Today rendered after ${median(times).toFixed(0)} ms, all ${actions} actions in the page after ${median(allTimes).toFixed(0)} ms (medians)`,
    );
    return [
      figure({
        name: 'web.initial.js-css.gzip',
        value: total / 1024,
        unit: 'KB',
        better: 'lower',
        baseline: null,
        goal: { max: 250 },
      }),
      figure({
        name: 'web.today.rendered.median',
        value: median(times),
        unit: 'ms',
        better: 'lower',
        baseline: null,
        goal: { max: 1000 },
      }),
    ];
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await server.exited.catch(() => undefined);
  }
}
