// Web hardening (issue 7, part 6): the security headers on API answers, errors, the web app's
// pages and its static files; the double-submit CSRF rule for writes that carry cookies; and links
// the API hands out (the calendar feed's address) built from --base-url or the server's own
// address, never from a forged Host or X-Forwarded-Host, checked in process and on a real socket.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../src/server/app.js';
import { API_CSP, APP_CSP, CSRF_COOKIE, CSRF_HEADER, FALLBACK_ORIGIN } from '../src/server/security.js';
import { webHref } from '../web/src/safe-url.js';
import { eachDialect, type TestCtx } from './harness.js';

const LOCAL = 'http://127.0.0.1:5454';
const TOKEN = 'A'.repeat(20) + 'b_-'.repeat(5) + 'z'.repeat(8); // 43 base64url characters
const FEED = /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/;

let web = '';
beforeAll(() => {
  web = mkdtempSync(join(tmpdir(), 'coffeechat-sec-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(web, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => rmSync(web, { recursive: true, force: true }));

function appOf(ctx: TestCtx, extra: { baseUrl?: string; extraHosts?: string[] } = {}) {
  return createServerApp({ deps: ctx, userId: ctx.userId, webRoot: web, ...extra });
}

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * The common headers every answer must carry. Cross-Origin-Opener-Policy only where a browser
 * applies it (https or a loopback name): elsewhere Chromium ignores it with a console error.
 */
function expectHardened(res: Response, csp: string, coop = true): void {
  expect(res.headers.get('content-security-policy')).toBe(csp);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('cross-origin-opener-policy')).toBe(coop ? 'same-origin' : null);
  expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
}

describe('the Content-Security-Policy itself', () => {
  it('allows no inline script, no plugins, no <base>, no framing, forms only to this server', () => {
    const directives = new Map(
      APP_CSP.split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|data:|\*/);
    expect(API_CSP).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
  });
});

describe('webHref (the web app makes a stored address a link only when it is a web address)', () => {
  it('keeps http(s), completes a bare LinkedIn address, and refuses every other scheme', () => {
    expect(webHref('https://www.linkedin.com/in/ada')).toBe('https://www.linkedin.com/in/ada');
    expect(webHref('linkedin.com/in/ada')).toBe('https://linkedin.com/in/ada');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '//evil.example.com',
      'https://x y',
    ]) {
      expect(webHref(bad), bad).toBeNull();
    }
  });
});

eachDialect('web hardening', (t) => {
  it('puts the security headers on API answers, errors, pages and static files', async () => {
    const app = appOf(t());
    const api = await app.request(`${LOCAL}/api/v1/health`);
    expect(api.status).toBe(200);
    expectHardened(api, API_CSP);
    const download = await app.request(`${LOCAL}/api/v1/export?format=csv`); // a streamed file
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expectHardened(download, API_CSP);
    await download.text();
    const missing = await app.request(`${LOCAL}/api/v1/no-such-route`);
    expect(missing.status).toBe(404);
    expectHardened(missing, API_CSP);
    const foreign = await app.request(`${LOCAL}/api/v1/health`, { headers: { host: 'evil.example.com' } });
    expect(foreign.status).toBe(403);
    expectHardened(foreign, API_CSP, false); // a plain-http name that is not loopback

    for (const path of ['/', '/contacts/some-id']) {
      const page = await app.request(LOCAL + path);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expectHardened(page, APP_CSP);
    }
    for (const path of ['/assets/app.js', '/favicon.svg']) {
      const file = await app.request(LOCAL + path);
      expect(file.status).toBe(200);
      expectHardened(file, APP_CSP);
    }
  });

  it('hands out the CSRF cookie on pages and API answers, not on cached assets, and keeps one it has', async () => {
    const app = appOf(t());
    const cookie = (r: Response) => r.headers.get('set-cookie') ?? '';
    const page = await app.request(`${LOCAL}/`);
    expect(cookie(page)).toMatch(new RegExp(`^${CSRF_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; SameSite=Strict$`));
    expect(cookie(page)).not.toMatch(/HttpOnly/); // the app's script must read it
    expect(cookie(await app.request(`${LOCAL}/api/v1/health`))).toMatch(new RegExp(`^${CSRF_COOKIE}=`));
    expect(cookie(await app.request(`${LOCAL}/assets/app.js`))).toBe('');
    expect(cookie(await app.request(`${LOCAL}/`, { headers: { cookie: `${CSRF_COOKIE}=${TOKEN}` } }))).toBe('');
    const secure = appOf(t(), { baseUrl: 'https://cc.example.org', extraHosts: ['cc.example.org'] });
    expect(cookie(await secure.request(`${LOCAL}/`))).toMatch(/; Secure/);
  });

  it('refuses a write that carries cookies without the matching token header, and writes nothing', async () => {
    const app = appOf(t());
    const post = (headers: Record<string, string>) =>
      app.request(`${LOCAL}/api/v1/contacts`, postJson({ name: 'Mallory Forged' }, headers));
    const refused: Record<string, string>[] = [
      { cookie: `${CSRF_COOKIE}=${TOKEN}` },
      { cookie: `${CSRF_COOKIE}=${TOKEN}`, [CSRF_HEADER]: TOKEN.replace('A', 'B') },
      { cookie: `${CSRF_COOKIE}=${TOKEN}`, [CSRF_HEADER]: TOKEN.slice(1) },
      { cookie: 'better-auth.session_token=abc', [CSRF_HEADER]: TOKEN }, // a session but no token cookie
      { cookie: `${CSRF_COOKIE}=short`, [CSRF_HEADER]: 'short' },
    ];
    for (const headers of refused) {
      const res = await post(headers);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, body.error.code], JSON.stringify(headers)).toEqual([403, 'forbidden']);
      expect(body.error.message).toMatch(/X-Coffeechat-CSRF|x-coffeechat-csrf/i);
    }
    // An upload carries cookies the same way.
    const upload = await app.request(`${LOCAL}/api/v1/import?format=vcard`, {
      method: 'POST',
      headers: { 'content-type': 'text/vcard', cookie: `${CSRF_COOKIE}=${TOKEN}` },
      body: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mallory Upload\r\nEND:VCARD\r\n',
    });
    expect(upload.status).toBe(403);
    // The token does not lift the origin checks.
    expect((await post({ cookie: `${CSRF_COOKIE}=${TOKEN}`, [CSRF_HEADER]: TOKEN, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ cookie: `${CSRF_COOKIE}=${TOKEN}`, [CSRF_HEADER]: TOKEN, origin: 'https://evil.example.com' })).status).toBe(403);
    const list = await app.request(`${LOCAL}/api/v1/contacts`, { headers: { cookie: `${CSRF_COOKIE}=${TOKEN}` } }); // reads need no token
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);

    // The app's own page: cookie and header agree. A script without cookies needs no token.
    expect((await post({ cookie: `other=1; ${CSRF_COOKIE}=${TOKEN}`, [CSRF_HEADER]: TOKEN, origin: LOCAL })).status).toBe(201);
    expect((await post({})).status).toBe(201);
  });

  it('keeps a LinkedIn field from an imported file only when it is a web address (it becomes a link)', async () => {
    const app = appOf(t());
    const card = (fn: string, url: string) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${fn}\r\nX-SOCIALPROFILE;TYPE=linkedin:${url}\r\nEND:VCARD\r\n`;
    const file = [
      card('Script Link', 'javascript:alert(1)'),
      card('Data Link', 'data:text/html,<b>x</b>'),
      card('Real Link', 'https://www.linkedin.com/in/real-link'),
    ].join('');
    const res = await app.request(`${LOCAL}/api/v1/import?format=vcard`, {
      method: 'POST',
      headers: { 'content-type': 'text/vcard' },
      body: file,
    });
    expect(res.status).toBe(200);
    const list = (await (await app.request(`${LOCAL}/api/v1/contacts?limit=10`)).json()) as {
      items: { id: string; name: string; linkedinUrl: string | null }[];
    };
    const byName = new Map(list.items.map((c) => [c.name, c]));
    expect(byName.get('Script Link')?.linkedinUrl).toBeNull();
    expect(byName.get('Data Link')?.linkedinUrl).toBeNull();
    expect(byName.get('Real Link')?.linkedinUrl).toBe('https://www.linkedin.com/in/real-link');
    // The text is kept, as a note, where it shows as text.
    const notes = (await (await app.request(`${LOCAL}/api/v1/notes?contactId=${byName.get('Script Link')!.id}`)).json()) as {
      items: { text: string }[];
    };
    expect(notes.items.map((n) => n.text).join('\n')).toContain('LinkedIn: javascript:alert(1)');
  });

  it('builds the calendar feed address from --base-url, whatever Host or X-Forwarded-Host say', async () => {
    const base = 'https://cc.example.org/coffeechat';
    const app = appOf(t(), { baseUrl: base, extraHosts: ['cc.example.org'] });
    const urls: string[] = [];
    const variants: Record<string, string>[] = [
      {},
      { host: 'localhost:6666' },
      { host: 'cc.example.org', 'x-forwarded-host': 'evil.example.com', 'x-forwarded-proto': 'http' },
      { 'x-forwarded-host': 'evil.example.com', forwarded: 'host=evil.example.com;proto=http' },
    ];
    for (const headers of variants) {
      const res = await app.request(`${LOCAL}/api/v1/calendar/feed`, { headers });
      urls.push(((await res.json()) as { url: string | null }).url ?? '');
      if (urls.length === 1) {
        const made = await app.request(`${LOCAL}/api/v1/calendar/feed/rotate`, {
          method: 'POST',
          headers: { host: 'localhost:7777', 'x-forwarded-host': 'evil.example.com' },
        });
        urls[0] = ((await made.json()) as { url: string }).url;
      }
    }
    expect(urls[0]).toMatch(new RegExp(`^${base.replace(/[./]/g, '\\$&')}${FEED.source.slice(1)}`));
    expect(new Set(urls).size).toBe(1);
  });

  it('without --base-url, uses the default listen address in process, never the Host sent', async () => {
    const app = appOf(t());
    const made = await app.request(`http://localhost:6001/api/v1/calendar/feed/rotate`, {
      method: 'POST',
      headers: { host: 'localhost:6001', 'x-forwarded-host': 'evil.example.com' },
    });
    expect(made.status).toBe(200);
    const url = ((await made.json()) as { url: string }).url;
    expect(url.startsWith(`${FALLBACK_ORIGIN}/calendar/`)).toBe(true);
  });

  it('on a real socket, uses the address the server listens on, never the Host sent', async () => {
    const app = appOf(t());
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const port = (server.address() as AddressInfo).port;
    const get = (path: string, method: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const forged = await get('/api/v1/calendar/feed/rotate', 'POST', {
        host: 'localhost:1',
        'x-forwarded-host': 'evil.example.com',
        'x-forwarded-proto': 'https',
      });
      expect(forged.status).toBe(200);
      const url = (JSON.parse(forged.body) as { url: string }).url;
      expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}${FEED.source.slice(1)}`));
      const honest = await get('/api/v1/calendar/feed', 'GET', { host: `127.0.0.1:${port}` });
      expect((JSON.parse(honest.body) as { url: string }).url).toBe(url);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
