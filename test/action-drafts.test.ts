// The one-click draft of an action whose next step is a message: which purpose each kind asks
// for, the `draft` field of actions and of Today (API and CLI), the command `today` prints, and
// that the named draft can really be made — on both databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptSuggestion, listActions } from '../src/app/actions.js';
import { draft } from '../src/app/drafts.js';
import { updateSettings } from '../src/app/settings.js';
import { today } from '../src/app/today.js';
import { logTouch } from '../src/app/touches.js';
import { draftCommandLine, draftFor, draftHref } from '../src/domain/action-drafts.js';
import { ACTION_KINDS } from '../src/domain/types.js';
import { createServerApp } from '../src/server/app.js';
import { cli } from './cli.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';
import { eachDialect } from './harness.js';

describe('draftFor', () => {
  it('names the message each kind asks for, and none where the next step is not a message', () => {
    const purposes = Object.fromEntries(
      ACTION_KINDS.map((kind) => [kind, draftFor({ kind, interviewId: 'i1', contactId: 'c1' })?.purpose ?? null]),
    );
    expect(purposes).toEqual({
      'ask-second-person': null,
      'follow-up': 'follow-up',
      'move-on': null,
      schedule: null,
      prepare: null,
      'send-thank-you': 'thank-you',
      'thank-introducer': 'thank-introducer',
      'send-update': 'update',
      'ask-introduction': 'intro-request',
    });
    expect(draftFor({ kind: 'follow-up', interviewId: null, contactId: 'c1' })).toBeNull();
    // An introduction request goes to the mutual contact the action is about.
    const intro = draftFor({ kind: 'ask-introduction', interviewId: 'i1', contactId: 'c9' })!;
    expect(draftCommandLine(intro)).toBe('coffeechat draft intro-request --interview i1 --introducer c9');
    expect(draftHref(intro)).toBe('/interviews/i1/draft?purpose=intro-request&introducer=c9');
    expect(draftHref(draftFor({ kind: 'follow-up', interviewId: 'i1', contactId: 'c1' })!)).toBe('/interviews/i1/draft?purpose=follow-up');
  });
});

eachDialect('action drafts', (t) => {
  it('come with actions and with Today, and draft the message they name', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'UTC' });
    const i = await buildInterview(ctx);
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'request' });
    const open = await listActions(ctx, { status: 'open' });
    expect(open.map((a) => [a.kind, a.draft])).toEqual([
      ['ask-second-person', null],
      ['follow-up', { purpose: 'follow-up', interviewId: i.id, introducerId: null }],
    ]);
    ctx.clock.set('2026-03-11T10:00:00.000Z');
    const day = await today(ctx);
    const follow = day.actions.find((a) => a.kind === 'follow-up')!;
    expect(follow.draft).toEqual({ purpose: 'follow-up', interviewId: i.id, introducerId: null });
    const d = await draft(ctx, { interviewId: follow.draft!.interviewId, purpose: follow.draft!.purpose });
    expect(d).toMatchObject({ purpose: 'follow-up', touchPurpose: 'follow-up' });
  });

  it('send an introduction request to the mutual contact of an accepted suggestion', async () => {
    const ctx = t();
    const campaign = await buildCampaign(ctx);
    const via = await buildContact(ctx, { name: 'Tom Lindqvist' });
    const target = await buildContact(ctx, { name: 'Priya Raman', organisation: 'CareLoop' });
    const { interview, action } = await acceptSuggestion(ctx, { campaignId: campaign.id, contactId: target.id, viaContactId: via.id });
    expect(action!.draft).toEqual({ purpose: 'intro-request', interviewId: interview.id, introducerId: via.id });
    const d = await draft(ctx, { ...action!.draft!, introducerId: action!.draft!.introducerId! });
    expect(d.recipient).toMatchObject({ contactId: via.id, name: 'Tom Lindqvist' });
  });

  it('are in the API views of actions and Today', async () => {
    const ctx = t();
    const i = await buildInterview(ctx);
    await logTouch(ctx, { contactId: i.contactId, channel: 'email', purpose: 'request' });
    const app = createServerApp({ deps: ctx, userId: ctx.userId });
    const get = async (path: string) => (await app.request(`http://127.0.0.1:5454/api/v1${path}`)).json();
    const list = (await get('/actions?status=open')) as { items: { kind: string; draft: unknown }[] };
    expect(list.items.find((a) => a.kind === 'follow-up')!.draft).toEqual({ purpose: 'follow-up', interviewId: i.id, introducerId: null });
    ctx.clock.set('2026-03-11T10:00:00.000Z');
    const day = (await get('/today')) as { actions: { kind: string; draft: unknown }[] };
    expect(day.actions.find((a) => a.kind === 'follow-up')!.draft).toMatchObject({ purpose: 'follow-up' });
  });
});

describe('action drafts in the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-action-drafts-'));
  const db = join(dir, 'c.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => cli(['--db', db, ...args], { COFFEECHAT_NOW: '2026-03-05T09:00:00Z' });

  it('today prints the command that drafts a due message, and the command works', () => {
    expect(run(['settings', 'set', 'timezone', 'UTC']).code).toBe(0);
    expect(run(['demo']).code).toBe(0);
    const day = run(['today', '--json']).json() as {
      actions: { kind: string; contactName: string; draft: { purpose: string; interviewId: string } | null }[];
    };
    const thanks = day.actions.find((a) => a.kind === 'send-thank-you')!;
    expect(thanks.draft).toMatchObject({ purpose: 'thank-you' });
    const human = run(['today']).stdout;
    const command = `coffeechat draft thank-you --interview ${thanks.draft!.interviewId}`;
    expect(human).toContain(`Draft it: ${command}`);
    const made = run([...command.split(' ').slice(1), '--json']);
    expect(made.code).toBe(0);
    expect(made.json()).toMatchObject({ purpose: 'thank-you' });
    const second = day.actions.find((a) => a.kind === 'ask-second-person');
    if (second) expect(second.draft).toBeNull();
  });
});
