// The CLI as a client of a server (--server / --token): the same commands answer the same output
// through the HTTP API as on the database, writes land on the server, and failures read like
// local ones (code, message, exit code) without a stack trace or the token.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, serve } from './cli.js';

describe('coffeechat --server (loopback, no accounts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-remote-'));
  const db = join(dir, 'cc.db');
  let server: { url: string; stop(): Promise<void> };
  const local = (...args: string[]) => cli(['--db', db, ...args]);
  const remote = (...args: string[]) => cli(['--server', server.url, ...args], { COFFEECHAT_DB: undefined });
  let campaignId = '';
  let interviewId = '';
  let contactId = '';

  beforeAll(async () => {
    expect(local('demo').code).toBe(0);
    server = await serve(['--db', db]);
    campaignId = local('campaigns', 'list', '--json').json()[0].id;
    interviewId = local('interviews', 'list', '--json').json()[0].id;
    contactId = local('contacts', 'list', '--json').json()[0].id;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints what the local command prints, text and JSON, for reads across the commands', () => {
    const commands = [
      ['today'],
      ['contacts', 'list', '--json'],
      ['contacts', 'show', contactId],
      ['interviews', 'list'],
      ['actions', 'list', '--json'],
      ['targets', 'list', '--campaign', campaignId],
      ['suggest', '--campaign', campaignId, '--json'],
      ['insights', '--campaign', campaignId],
      ['search', 'maya', '--json'],
      ['settings', 'get', 'timezone'],
      ['dedupe', '--json'],
      ['plan', interviewId, '--json'],
      ['prep', interviewId],
      ['brief', campaignId],
      ['export', 'csv'],
      ['calendar'],
      ['draft', 'request', '--interview', interviewId, '--json'],
    ];
    for (const args of commands) {
      const [l, r] = [local(...args), remote(...args)];
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
        args,
        code: l.code,
        stdout: l.stdout,
        stderr: l.stderr,
      });
    }
  }, 240_000); // 34 runs of the real binary

  it('writes through the server: what a remote command adds is in the database', () => {
    const added = remote('contacts', 'add', '--name', 'Remote Person', '--email', 'remote@example.org', '--json');
    expect(added.code).toBe(0);
    const shown = local('contacts', 'show', added.json().id, '--json').json();
    expect(shown.emails).toEqual(['remote@example.org']);
    expect(remote('notes', 'add', '--contact', shown.id, 'Met at the meetup', '--json').code).toBe(0);
    expect(
      local('notes', 'list', '--contact', shown.id, '--json')
        .json()
        .map((n: { text: string }) => n.text),
    ).toEqual(['Met at the meetup']);
    expect(remote('contacts', 'rm', shown.id).code).toBe(0);
    expect(local('contacts', 'show', shown.id).code).toBe(1);
  }, 60_000);

  it("reports the server's errors like local ones: same code, message and exit status", () => {
    for (const args of [
      ['contacts', 'show', 'nope', '--json'],
      ['interviews', 'move', interviewId, 'thanked', '--json'],
      ['settings', 'get', 'nope', '--json'],
    ]) {
      const [l, r] = [local(...args), remote(...args)];
      expect(r.code).toBe(l.code);
      expect(r.error()).toEqual(l.error());
    }
  });

  it('refuses what cannot run remotely, and mixed targets, with a clear message', () => {
    const db2 = remote('db', 'path', '--json');
    expect(db2.code).toBe(2);
    expect(db2.error().message).toMatch(/cannot run through --server/);
    const users = remote('users', 'list', '--json');
    expect(users.code).toBe(2);
    expect(users.error().message).toMatch(/users list works on a database/);
    const both = cli(['--server', server.url, '--db', db, 'today', '--json']);
    expect(both.code).toBe(2);
    expect(both.error().message).toMatch(/--db or --server, not both/);
  });

  it('explains an unreachable server and never shows the token', () => {
    const r = cli(['--server', 'http://127.0.0.1:59123', '--token', 'cc_secretsecret', 'today']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Cannot reach the server at http:\/\/127\.0\.0\.1:59123.*connection refused/);
    expect(r.stderr).not.toMatch(/secretsecret|\n\s+at /);
    const clear = cli(['--server', 'http://coffeechat.example.org', '--token', 'cc_secretsecret', 'today', '--json']);
    expect(clear.code).toBe(2);
    expect(clear.error().message).toMatch(/Use https:\/\/ for coffeechat\.example\.org/);
    expect(clear.stderr).not.toMatch(/secretsecret/);
  });
});
