// Sending through the user's SMTP server, against a real SMTP server (smtp-server) listening on
// 127.0.0.1 in the test: the message arrives with the right headers and body and the touch is
// logged; a server that refuses or never answers gives a clear error and logs nothing; header
// injection (CR/LF) is refused; the password never shows up in any output.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addInterview, getInterview } from '../src/app/interviews.js';
import { sendMessage } from '../src/app/send.js';
import { updateSettings } from '../src/app/settings.js';
import { listTouches } from '../src/app/touches.js';
import { AppError } from '../src/domain/errors.js';
import { createServerApp } from '../src/server/app.js';
import { BIN } from './cli.js';
import { buildCampaign, buildContact } from './factories.js';
import { eachDialect, type TestCtx } from './harness.js';

const PASSWORD = 'correct horse battery staple';

interface Received {
  from: string | undefined;
  to: string[];
  user: string | undefined;
  raw: string;
}

/** A real SMTP server on a free port of 127.0.0.1; `received` collects what it accepted. */
async function startSmtp(over: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    onAuth(auth, _session, cb) {
      if (auth.username === 'jordan' && auth.password === PASSWORD) cb(null, { user: 'jordan' });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => (raw += d));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw,
        });
        cb();
      });
    },
    ...over,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A TCP server that accepts connections and never says a word: the SMTP greeting never comes. */
async function startSilent(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

function headers(raw: string): Record<string, string> {
  const head = raw.split(/\r\n\r\n/)[0]!.replace(/\r\n[ \t]+/g, ' ');
  const out: Record<string, string> = {};
  for (const l of head.split('\r\n')) {
    const i = l.indexOf(':');
    out[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  return out;
}

const bodyOf = (raw: string) =>
  raw
    .slice(raw.indexOf('\r\n\r\n') + 4)
    .replace(/\r\n/g, '\n')
    .replace(/\n$/, '');

async function setUp(ctx: TestCtx, port: number, smtp: Record<string, string | null> = {}) {
  await updateSettings(ctx, {
    name: 'Jordan Whitfield',
    'smtp.host': '127.0.0.1',
    'smtp.port': String(port),
    'smtp.user': 'jordan',
    'smtp.from': 'jordan@example.net',
    ...smtp,
  });
  const campaign = await buildCampaign(ctx);
  const contact = await buildContact(ctx, { name: 'Maya Okafor', emails: ['maya@example.org'] });
  const interview = await addInterview(ctx, { campaignId: campaign.id, contactId: contact.id });
  return { contact, interview };
}

const MESSAGE = {
  purpose: 'request',
  subject: '20 minutes of advice on UX research?',
  body: 'Dear Maya,\n\nWould you have 20 minutes next week?\n\nJordan Whitfield',
  templateId: 'request-email',
};

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Runs `fn` against a server that is started for it and closed afterwards, whatever happens. */
async function using<S extends { close(): Promise<void> }>(start: Promise<S>, fn: (server: S) => Promise<void>) {
  const server = await start;
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

let savedPassword: string | undefined;
beforeEach(() => {
  savedPassword = process.env.COFFEECHAT_SMTP_PASSWORD;
  process.env.COFFEECHAT_SMTP_PASSWORD = PASSWORD;
});
afterEach(() => {
  if (savedPassword === undefined) delete process.env.COFFEECHAT_SMTP_PASSWORD;
  else process.env.COFFEECHAT_SMTP_PASSWORD = savedPassword;
});

eachDialect('sending by SMTP', (t) => {
  it('delivers the message with the right headers and body, then logs the touch and moves the interview', () =>
    using(startSmtp(), async (smtp) => {
      const { contact, interview } = await setUp(t(), smtp.port);
      const r = await sendMessage(t(), { ...MESSAGE, interviewId: interview.id });
      expect(smtp.received).toHaveLength(1);
      const got = smtp.received[0]!;
      expect(got).toMatchObject({ from: 'jordan@example.net', to: ['maya@example.org'], user: 'jordan' });
      const h = headers(got.raw);
      expect(h.from).toBe('Jordan Whitfield <jordan@example.net>');
      expect(h.to).toBe('Maya Okafor <maya@example.org>');
      expect(h.subject).toBe(MESSAGE.subject);
      expect(new Date(h.date!).toISOString()).toBe('2026-03-02T09:00:00.000Z');
      expect(h['message-id']).toBe(r.messageId);
      expect(bodyOf(got.raw)).toBe(MESSAGE.body);

      expect(r).toMatchObject({ sent: true, to: 'maya@example.org', from: 'jordan@example.net' });
      const touches = await listTouches(t(), { contactId: contact.id });
      expect(touches).toHaveLength(1);
      expect(touches[0]).toMatchObject({
        id: r.touch.id,
        interviewId: interview.id,
        channel: 'email',
        direction: 'out',
        purpose: 'request',
        templateId: 'request-email',
        at: '2026-03-02T09:00:00.000Z',
      });
      expect(touches[0]!.text).toContain(MESSAGE.subject);
      expect((await getInterview(t(), interview.id)).status).toBe('requested');
    }));

  it('sends to another address when given one, without logging in when no user is set', () =>
    using(startSmtp(), async (smtp) => {
      const { interview } = await setUp(t(), smtp.port, { 'smtp.user': null, 'smtp.from': 'Jo W <jo@example.net>' });
      await sendMessage(t(), { ...MESSAGE, interviewId: interview.id, to: 'maya.okafor@work.example.com' });
      const got = smtp.received[0]!;
      expect(got.user).toBeUndefined();
      expect(got.to).toEqual(['maya.okafor@work.example.com']);
      expect(headers(got.raw).from).toBe('Jo W <jo@example.net>');
    }));

  it('reports a server that refuses the recipient clearly, and logs no touch', () =>
    using(
      startSmtp({
        onRcptTo(_address, _session, cb) {
          cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        },
      }),
      async (smtp) => {
        const { contact, interview } = await setUp(t(), smtp.port);
        const e = await failure(sendMessage(t(), { ...MESSAGE, interviewId: interview.id }));
        expect(e.code).toBe('internal');
        expect(e.message).toMatch(/refused the sender or the recipient/);
        expect(e.message).toMatch(/550 Mailbox unavailable/);
        expect(e.message).toMatch(/no touch was logged/);
        expect(smtp.received).toHaveLength(0);
        expect(await listTouches(t(), { contactId: contact.id })).toEqual([]);
        expect((await getInterview(t(), interview.id)).status).toBe('prospect');
      },
    ));

  it('reports a server that never answers as a timeout, and logs no touch', () =>
    using(startSilent(), async (silent) => {
      const { contact, interview } = await setUp(t(), silent.port);
      const e = await failure(sendMessage(t(), { ...MESSAGE, interviewId: interview.id }, { timeoutMs: 300 }));
      expect(e.code).toBe('internal');
      expect(e.message).toMatch(/did not answer within/);
      expect(await listTouches(t(), { contactId: contact.id })).toEqual([]);
    }));

  it('reports a refused login without ever showing the password', () =>
    using(startSmtp(), async (smtp) => {
      const { interview } = await setUp(t(), smtp.port, { 'smtp.user': 'someone-else' });
      const e = await failure(sendMessage(t(), { ...MESSAGE, interviewId: interview.id }));
      expect(e.message).toMatch(/did not accept the login/);
      expect(JSON.stringify(e.toJSON())).not.toContain(PASSWORD);
      delete process.env.COFFEECHAT_SMTP_PASSWORD;
      const missing = await failure(sendMessage(t(), { ...MESSAGE, interviewId: interview.id }));
      expect(missing.code).toBe('invalid_input');
      expect(missing.message).toMatch(/COFFEECHAT_SMTP_PASSWORD/);
      expect(smtp.received).toHaveLength(0);
    }));

  it('rejects CR or LF in every header field, naming the field, before connecting', () =>
    using(startSmtp(), async (smtp) => {
      const { contact, interview } = await setUp(t(), smtp.port);
      const fieldOf = async (p: Promise<unknown>) => {
        const e = await failure(p);
        expect(e.code).toBe('invalid_input');
        return (e.details as { fields: { field: string }[] }).fields.map((f) => f.field);
      };
      const base = { ...MESSAGE, interviewId: interview.id };
      expect(await fieldOf(sendMessage(t(), { ...base, subject: 'Hello\r\nBcc: everyone@example.org' }))).toEqual(['subject']);
      expect(await fieldOf(sendMessage(t(), { ...base, subject: 'Hello\nthere' }))).toEqual(['subject']);
      expect(await fieldOf(sendMessage(t(), { ...base, to: 'maya@example.org\r\nBcc: x@example.org' }))).toEqual(['to']);
      expect(await fieldOf(sendMessage(t(), { ...base, to: 'not an address' }))).toEqual(['to']);
      await updateSettings(t(), { name: 'Jordan\nBcc: everyone@example.org' });
      expect(await fieldOf(sendMessage(t(), base))).toEqual(['name']);
      expect(smtp.received).toHaveLength(0);
      expect(await listTouches(t(), { contactId: contact.id })).toEqual([]);
    }));

  it('refuses to send when no SMTP server is configured, pointing to the settings', async () => {
    const { contact, interview } = await setUp(t(), 25, { 'smtp.host': null, 'smtp.from': null });
    const e = await failure(sendMessage(t(), { ...MESSAGE, interviewId: interview.id }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/set smtp\.host and smtp\.from in Settings/);
    expect(await listTouches(t(), { contactId: contact.id })).toEqual([]);
  });

  it('answers POST /api/v1/send, and the settings never carry a password', () =>
    using(startSmtp(), async (smtp) => {
      const { interview } = await setUp(t(), smtp.port);
      const app = createServerApp({ deps: t(), userId: t().userId });
      const res = await app.request('http://127.0.0.1:5454/api/v1/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...MESSAGE, interviewId: interview.id }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { touch: { purpose: string } }).touch.purpose).toBe('request');
      const settings = await (await app.request('http://127.0.0.1:5454/api/v1/settings')).text();
      expect(JSON.parse(settings)).toMatchObject({ 'smtp.host': '127.0.0.1', 'smtp.user': 'jordan' });
      expect(settings).not.toContain(PASSWORD);
      expect(settings.toLowerCase()).not.toContain('password');
    }));
});

describe('coffeechat send (built binary)', () => {
  it('sends from the command line and prints the logged touch', async () => {
    const smtp = await startSmtp();
    const dir = mkdtempSync(join(tmpdir(), 'cc-send-'));
    const exec = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      promisify(execFile)(process.execPath, [BIN, ...args, '--db', join(dir, 'c.db')], {
        env: { ...process.env, COFFEECHAT_NOW: '2026-03-02T09:00:00Z', ...env },
      });
    const run = async (...args: string[]) => (await exec(args, { COFFEECHAT_SMTP_PASSWORD: PASSWORD })).stdout;
    try {
      for (const [k, v] of [
        ['smtp.host', '127.0.0.1'],
        ['smtp.port', String(smtp.port)],
        ['smtp.user', 'jordan'],
        ['smtp.from', 'jordan@example.net'],
      ]) {
        await run('settings', 'set', k!, v!);
      }
      expect(await run('settings', 'get')).not.toContain(PASSWORD);
      const campaign = JSON.parse(await run('campaigns', 'add', '--field', 'Data journalism', '--situation', 'new-graduate', '--json'));
      const person = JSON.parse(await run('contacts', 'add', '--name', 'Bo Chen', '--email', 'bo@example.org', '--json'));
      const iv = JSON.parse(await run('interviews', 'add', '--campaign', campaign.id, '--contact', person.id, '--json'));
      const send = ['send', '--interview', iv.id, '--purpose', 'request', '--json'];
      const out = JSON.parse(await run(...send, '--subject', 'A question', '--body', 'Hi Bo, 20 minutes?'));
      expect(out).toMatchObject({ sent: true, to: 'bo@example.org', touch: { purpose: 'request', interviewId: iv.id } });
      expect(JSON.stringify(out)).not.toContain(PASSWORD);
      expect(smtp.received.map((m) => m.to)).toEqual([['bo@example.org']]);
      const bad = await exec([...send, '--subject', 'a\nb', '--body', 'x']).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(bad?.code).toBe(2);
      expect(JSON.parse(bad!.stderr).error.details.fields[0].field).toBe('subject');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await smtp.close();
    }
  });
});
