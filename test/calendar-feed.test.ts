// The private calendar feed: one secret address per user, served at the server root to calendar
// apps (no cookie or header), read back with ical.js; rotating and revoking kill the old address,
// and every bad token gets exactly the 404 an unknown path gets.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIcs } from './ics.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureFeed, feedBaseUrl, getFeed, revokeFeed, rotateFeed } from '../src/app/calendar-feed.js';
import { calendarIcs, scheduleInterview } from '../src/app/schedule.js';
import { updateSettings } from '../src/app/settings.js';
import { createServerApp } from '../src/server/app.js';
import { cli, serve } from './cli.js';
import { buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect, START, type TestCtx } from './harness.js';

const ORIGIN = 'http://127.0.0.1:5454';
const FEED_URL = /^http:\/\/127\.0\.0\.1:5454\/calendar\/[A-Za-z0-9_-]{43}\.ics$/;

/** uid, summary, start (UTC) and TZID of each VEVENT. */
const events = (text: string) => parseIcs(text).map(({ uid, summary, start, tzid }) => ({ uid, summary, start, tzid }));

const pathOf = (url: string) => new URL(url).pathname;

/** Two meetings in different zones and one prospect that is not on the calendar. */
async function meetings(ctx: TestCtx) {
  await updateSettings(ctx, { timezone: 'Europe/Berlin' });
  const berlin = await buildInterview(ctx, { contactId: (await buildContact(ctx, { name: 'Ada Lovelace' })).id });
  await scheduleInterview(ctx, berlin.id, { at: '2026-03-31 10:00', mode: 'coffee' }); // the day after the DST change
  const york = await buildInterview(ctx, { contactId: (await buildContact(ctx, { name: 'Grace Hopper' })).id });
  await scheduleInterview(ctx, york.id, { at: '2026-03-10 09:30', timezone: 'America/New_York', mode: 'video' });
  await buildInterview(ctx);
  return { berlin, york };
}

eachDialect('calendar feed', (t) => {
  it('makes one secret address per user on first use and serves that user its calendar', async () => {
    const { berlin, york } = await meetings(t());
    expect(await getFeed(t(), ORIGIN)).toEqual({ url: null, createdAt: null });
    const made = await ensureFeed(t(), ORIGIN);
    expect(made.url).toMatch(FEED_URL);
    expect(made.createdAt).toBe('2026-03-02T09:00:00.000Z');
    expect(await ensureFeed(t(), ORIGIN)).toEqual(made);
    expect(await getFeed(t(), ORIGIN)).toEqual(made);

    const app = createServerApp({ deps: t(), userId: t().userId });
    const res = await app.request(made.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text).toBe(await calendarIcs(t(), {}));
    expect(events(text)).toEqual([
      {
        uid: `${york.id}@coffeechat`,
        summary: 'Coffee chat with Grace Hopper',
        start: '2026-03-10T13:30:00.000Z',
        tzid: 'America/New_York',
      },
      {
        uid: `${berlin.id}@coffeechat`,
        summary: 'Coffee chat with Ada Lovelace',
        start: '2026-03-31T08:00:00.000Z',
        tzid: 'Europe/Berlin',
      },
    ]);
  });

  it('rotates and revokes over the API; the old address then answers 404', async () => {
    await meetings(t());
    const app = createServerApp({ deps: t(), userId: t().userId });
    const call = (method: string, path: string) => app.request(`${ORIGIN}/api/v1${path}`, { method });
    expect(await (await call('GET', '/calendar/feed')).json()).toEqual({ url: null, createdAt: null });

    const first = (await (await call('POST', '/calendar/feed/rotate')).json()) as { url: string; createdAt: string };
    expect(first.url).toMatch(FEED_URL);
    expect(await (await call('GET', '/calendar/feed')).json()).toEqual(first);
    expect((await app.request(first.url)).status).toBe(200);

    const second = (await (await call('POST', '/calendar/feed/rotate')).json()) as { url: string };
    expect(second.url).toMatch(FEED_URL);
    expect(second.url).not.toBe(first.url);
    expect((await app.request(first.url)).status).toBe(404);
    expect((await app.request(second.url)).status).toBe(200);

    expect((await call('DELETE', '/calendar/feed')).status).toBe(204);
    expect((await app.request(second.url)).status).toBe(404);
    expect(await (await call('GET', '/calendar/feed')).json()).toEqual({ url: null, createdAt: null });
    expect(await revokeFeed(t())).toBe(false);
  });

  it("gives the address of the configured base URL, or of the server's own address, never the Host the client sent", async () => {
    const pub = createServerApp({ deps: t(), userId: t().userId, baseUrl: 'https://cc.example.org', extraHosts: ['cc.example.org'] });
    const viaPublic = (await (await pub.request(`${ORIGIN}/api/v1/calendar/feed/rotate`, { method: 'POST' })).json()) as { url: string };
    expect(viaPublic.url).toMatch(/^https:\/\/cc\.example\.org\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const local = createServerApp({ deps: t(), userId: t().userId });
    const viaLocalhost = (await (await local.request('http://localhost:6001/api/v1/calendar/feed')).json()) as { url: string };
    // In process there is no socket: the default listen address (test/security.test.ts checks a real one).
    expect(viaLocalhost.url).toBe(`${ORIGIN}${pathOf(viaPublic.url)}`);
  });

  it('answers a wrong, malformed or revoked token exactly like an unknown path, and refuses foreign hosts', async () => {
    await meetings(t());
    const web = mkdtempSync(join(tmpdir(), 'cc-feed-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>coffeechat</title>');
    try {
      const revoked = pathOf((await rotateFeed(t(), ORIGIN)).url!);
      await revokeFeed(t());
      const live = pathOf((await rotateFeed(t(), ORIGIN)).url!);
      const wrong = `/calendar/${'A'.repeat(43)}.ics`;
      const nearMiss = live.replace(/.\.ics$/, (m) => (m[0] === 'A' ? 'B' : 'A') + '.ics');
      const bad = [
        wrong,
        nearMiss,
        revoked,
        '/calendar/short.ics',
        `/calendar/${'a'.repeat(42)}!.ics`,
        live.replace('.ics', '.txt'),
        `${live}.bak`,
      ];
      for (const webRoot of [undefined, web]) {
        const app = createServerApp({ deps: t(), userId: t().userId, ...(webRoot ? { webRoot } : {}) });
        const answer = async (path: string) => {
          const res = await app.request(ORIGIN + path);
          const body = await res.text();
          return { status: res.status, type: res.headers.get('content-type'), body: body.replaceAll(path, 'PATH') };
        };
        const unknown = await answer(`/no/such/thing-${'A'.repeat(43)}.ics`);
        expect(unknown.status).toBe(404);
        for (const path of bad) expect(await answer(path), path).toEqual(unknown);
        expect((await answer(live)).status).toBe(200);
        // The Host check still guards the feed (DNS rebinding), even with the right token.
        const foreign = await app.request(`http://evil.example${live}`);
        expect(foreign.status).toBe(403);
        expect(await foreign.text()).not.toContain('BEGIN:VCALENDAR');
      }
    } finally {
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('keeps users apart: a token serves only its owner’s meetings', async () => {
    const { york } = await meetings(t());
    const otherId = t().ids();
    await t().store.users.insert({ id: otherId, email: 'other@example.org', name: 'Other', role: 'member', createdAt: START });
    await t().store.users.setSetting(otherId, 'timezone', 'Asia/Tokyo');
    const other = { ...t(), userId: otherId };
    const theirs = await buildInterview(other);
    await scheduleInterview(other, theirs.id, { at: '2026-04-01 18:00' });
    const mine = (await ensureFeed(t(), ORIGIN)).url!;
    const their = (await ensureFeed(other, ORIGIN)).url!;
    expect(their).not.toBe(mine);
    const app = createServerApp({ deps: t(), userId: t().userId });
    const uids = async (url: string) => events(await (await app.request(url)).text()).map((e) => e.uid);
    expect(await uids(their)).toEqual([`${theirs.id}@coffeechat`]);
    expect(await uids(mine)).toContain(`${york.id}@coffeechat`);
    expect(await uids(mine)).not.toContain(`${theirs.id}@coffeechat`);
  });
});

describe('feed base URL', () => {
  it('uses the public base URL, else the loopback address on the port, and refuses nonsense', async () => {
    expect(feedBaseUrl({})).toBe('http://127.0.0.1:5454');
    expect(feedBaseUrl({ port: '6060' })).toBe('http://127.0.0.1:6060');
    expect(feedBaseUrl({ baseUrl: 'https://cc.example.org/', port: '6060' })).toBe('https://cc.example.org');
    for (const bad of [
      { port: '0' },
      { port: '70000' },
      { port: 'http' },
      { baseUrl: 'cc.example.org' },
      { baseUrl: 'ftp://cc.example.org' },
    ]) {
      expect(await codeOf(Promise.resolve().then(() => feedBaseUrl(bad)))).toBe('invalid_input');
    }
  });
});

describe('calendar url in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-feed-cli-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string> = {}) => cli(['--db', db, ...args], env);

  it('prints, rotates and revokes the feed address, which a running server serves', async () => {
    const contact = run(['contacts', 'add', '--name', 'Grace Hopper', '--json']).json();
    const campaign = run(['campaigns', 'add', '--field', 'Compilers', '--situation', 'next-job', '--json']).json();
    const interview = run(['interviews', 'add', '--campaign', campaign.id, '--contact', contact.id, '--json']).json();
    expect(run(['schedule', interview.id, '--at', '2026-03-30T12:00:00Z']).code).toBe(0);

    const shown = run(['calendar', 'url']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.trim()).toMatch(FEED_URL);
    expect(shown.stderr).toMatch(/server mode/);
    const json = run(['calendar', 'url', '--json']).json();
    expect(json).toEqual({ url: shown.stdout.trim(), createdAt: expect.any(String) });
    expect(run(['calendar', 'url', '--port', '6060', '--json']).json().url).toBe(json.url.replace(':5454', ':6060'));
    expect(run(['calendar', 'url'], { COFFEECHAT_BASE_URL: 'https://cc.example.org' }).stdout.trim()).toBe(
      `https://cc.example.org${pathOf(json.url)}`,
    );

    const rotated = run(['calendar', 'url', '--rotate', '--json']).json();
    expect(rotated.url).toMatch(FEED_URL);
    expect(rotated.url).not.toBe(json.url);
    const both = run(['calendar', 'url', '--rotate', '--revoke', '--json']);
    expect([both.code, both.error().code]).toEqual([2, 'invalid_input']);

    // The calendar file itself still comes from plain `calendar`, and `--help` names the subcommand.
    expect(events(run(['calendar']).stdout).map((e) => e.uid)).toEqual([`${interview.id}@coffeechat`]);
    expect(run(['calendar', '--help']).stdout).toMatch(/calendar url/);

    const server = await serve(['--db', db]);
    try {
      const port = new URL(server.url).port;
      const url = run(['calendar', 'url', '--port', port]).stdout.trim();
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(events(await res.text()).map((e) => e.uid)).toEqual([`${interview.id}@coffeechat`]);
      expect((await fetch(`${server.url}${pathOf(json.url)}`)).status).toBe(404);

      expect(run(['calendar', 'url', '--revoke', '--json']).json()).toEqual({ revoked: true });
      expect((await fetch(url)).status).toBe(404);
      expect(run(['calendar', 'url', '--revoke']).stdout).toMatch(/no calendar feed address/);
    } finally {
      await server.stop();
    }
    const fresh = run(['calendar', 'url', '--json']).json();
    expect(fresh.url).not.toBe(rotated.url);
  });
});
