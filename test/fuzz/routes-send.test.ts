// POST /send in the route fuzz (left out of api-bodies.test.ts, where a mail server named by the
// fuzzer could keep a case waiting the 20 s the contract allows). Here the user's SMTP settings
// point at a real SMTP server on this machine (smtp-server, as in test/send.test.ts) that answers
// at once, and only /send is fuzzed, so no case can move the settings elsewhere. Whatever the body,
// the answer is a success (and the message arrived), one of our coded 4xx errors, or — only when the
// SMTP server refused the recipient — the coded mail-server failure; never a wait.
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateSettings } from '../../src/app/settings.js';
import { ERROR_CODES } from '../../src/domain/errors.js';
import { TEMPLATE_PURPOSES } from '../../src/domain/templates/index.js';
import { createServerApp } from '../../src/server/app.js';
import { buildContact, buildInterview } from '../factories.js';
import { openTestCtx, type TestCtx } from '../harness.js';
import { nastyText, params, PROPERTY_MS, RUNS } from './support.js';

let ctx: TestCtx;
let ids: string[] = [];
let delivered = 0;
let sink: SMTPServer;

beforeAll(async () => {
  // A sink that takes any sender and recipient, and refuses mail to one address (a fast 5xx).
  sink = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('refused@')) cb(new Error('mailbox unavailable'));
      else cb();
    },
    onData(stream, _session, cb) {
      stream.resume();
      stream.on('end', () => {
        delivered++;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  ctx = await openTestCtx(':memory:');
  const port = (sink.server.address() as AddressInfo).port;
  await updateSettings(ctx, { 'smtp.host': '127.0.0.1', 'smtp.port': String(port), 'smtp.from': 'me@example.net' });
  const interview = await buildInterview(ctx);
  const other = await buildContact(ctx, { emails: ['maya@example.org'] });
  const silent = await buildContact(ctx, { emails: [] });
  ids = [interview.id, interview.campaignId, interview.contactId, other.id, silent.id];
});
afterAll(async () => {
  await ctx?.db.close();
  await new Promise<void>((r) => (sink ? sink.close(() => r()) : r()));
});

/** Request bodies made of the route's own fields, with real and foreign ids (known once the data is made). */
function bodies(): fc.Arbitrary<string> {
  const text = fc.oneof(nastyText(40), fc.constantFrom('20 minutes of advice?', 'Dear Maya,\n\nThank you.', '', ' ', 'a'.repeat(1000)));
  const value = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record(
          {
            interviewId: value,
            contactId: value,
            introducerId: value,
            purpose: fc.oneof(fc.constantFrom(...TEMPLATE_PURPOSES), value),
            channel: fc.constantFrom('email', 'phone', 1),
            to: fc.oneof(fc.constantFrom('maya@example.org', 'refused@example.org', 'x@y', 'a\r\nBcc: evil@example.org', ''), value),
            subject: text,
            body: text,
            templateId: fc.oneof(fc.constantFrom('request-email', 'nope'), value),
          },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o)),
    },
    {
      // Nearly right: a message to a contact with an address, so that many cases reach the SMTP server.
      weight: 3,
      arbitrary: fc
        .record(
          {
            contactId: fc.constant(ids[3]!),
            purpose: fc.constantFrom(...TEMPLATE_PURPOSES),
            to: fc.constantFrom('maya@example.org', 'refused@example.org'),
            subject: fc.oneof(fc.constant('Twenty minutes of advice?'), nastyText(40)),
            body: fc.oneof(fc.constant('Dear Maya,\n\nThank you.'), nastyText(200)),
          },
          { requiredKeys: ['contactId', 'purpose', 'subject', 'body'] },
        )
        .map((o) => JSON.stringify(o)),
    },
    { weight: 1, arbitrary: fc.oneof(nastyText(40), fc.constantFrom('{', 'null', '[]', '{"purpose":"request"}{')) },
  );
}

describe('fuzzing POST /send against a local SMTP server', () => {
  it(
    "any body gets a success (and the message arrives), a coded 4xx or the mail server's refusal; never another 500 or a wait",
    async () => {
      const app = createServerApp({ deps: ctx, userId: ctx.userId });
      let sent = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(bodies(), async (json) => {
          const before = delivered;
          const res = await app.request('http://127.0.0.1:5454/api/v1/send', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: json,
          });
          const reply = await res.text();
          const what = `${json.slice(0, 300)} → ${res.status} ${reply.slice(0, 300)}`;
          // The one 500 allowed is the mail server's own refusal, reported as such (CONTRACTS: internal).
          if (res.status >= 500) {
            refused++;
            expect(JSON.parse(reply), what).toMatchObject({
              error: { code: 'internal', message: expect.stringContaining('Nothing was sent'), details: { smtp: { responseCode: 550 } } },
            });
          }
          if (res.status < 300) {
            sent++;
            expect(delivered, what).toBe(before + 1);
            expect(JSON.parse(reply), what).toMatchObject({ sent: true, touch: { channel: 'email', direction: 'out' } });
          } else {
            expect(delivered, what).toBe(before);
            const error = (JSON.parse(reply) as { error: { code: string; message: string } }).error;
            expect(Object.keys(ERROR_CODES), what).toContain(error.code);
            expect(error.message.trim(), what).not.toBe('');
            expect(reply, what).not.toMatch(/\\n\s+at /);
          }
        }),
        params(RUNS),
      );
      // The generator reaches the SMTP server, not only the validation in front of it.
      expect(sent).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    },
    PROPERTY_MS,
  );
});
