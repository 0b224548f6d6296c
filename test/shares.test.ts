// Sharing campaigns with advisers (issue 7, part 4): a member shares by e-mail, sees who has
// access and revokes; an adviser reads only what was shared (the campaign, its interviews and
// insights, comments), comments only when allowed, and loses access the moment the share goes;
// the cohort dashboard counts meetings per week in the member's zone, overdue actions and stalled
// campaigns of the shared campaigns only. Operations and the API, on both databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listActions } from '../src/app/actions.js';
import { endCampaign } from '../src/app/campaigns.js';
import { cohort } from '../src/app/cohort.js';
import { moveInterview } from '../src/app/interviews.js';
import { scheduleInterview } from '../src/app/schedule.js';
import { updateSettings } from '../src/app/settings.js';
import { addComment, adviserCampaign, listComments, listShares, revokeShare, shareCampaign } from '../src/app/shares.js';
import { logTouch } from '../src/app/touches.js';
import { heldPerWeek, recentWeeks, stallOf } from '../src/domain/sharing.js';
import { makeStore, openDatabase } from '../src/store/index.js';
import { cli } from './cli.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect, START, type TestCtx } from './harness.js';
import { createServerApp } from '../src/server/app.js';

/** A user of the given role, with a context that acts for them in the same database. */
async function userOf(ctx: TestCtx, role: 'member' | 'adviser' | 'admin', email: string, name: string): Promise<TestCtx> {
  const id = ctx.ids();
  await ctx.store.users.insert({ id, email, name, role, createdAt: ctx.clock.now().toISOString() });
  return { ...ctx, userId: id, role };
}

/** The API as this user calls it: the in-process app acting for them with their role. */
function apiAs(ctx: TestCtx) {
  const app = createServerApp({ deps: ctx, userId: ctx.userId, ...(ctx.role ? { role: ctx.role } : {}) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await app.request(`http://127.0.0.1:5454/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** A member with one campaign of two interviews (one held), shared with nobody yet, and two advisers. */
async function setting(ctx: TestCtx) {
  const member = await userOf(ctx, 'member', 'mina@example.org', 'Mina Member');
  const adviser = await userOf(ctx, 'adviser', 'ada.adviser@example.org', 'Ada Adviser');
  const other = await userOf(ctx, 'adviser', 'otto@example.org', 'Otto Other');
  const campaign = await buildCampaign(member, { field: 'Data journalism' });
  const ana = await buildContact(member, { name: 'Ana Ruiz', emails: ['ana@paper.example'], research: 'private research on Ana' });
  const tom = await buildContact(member, { name: 'Tom Lindqvist' });
  await buildContact(member, { name: 'Not In Any Campaign' });
  const withAna = await buildInterview(member, { campaignId: campaign.id, contactId: ana.id });
  await moveInterview(member, withAna.id, { status: 'scheduled' });
  await moveInterview(member, withAna.id, { status: 'held', noReferrals: true });
  await buildInterview(member, { campaignId: campaign.id, contactId: tom.id });
  const elsewhere = await buildCampaign(member, { field: 'Secret other plan' });
  return { member, adviser, other, campaign, elsewhere, withAna };
}

eachDialect('sharing', (t) => {
  it('shares a campaign by e-mail, lists who has access, changes the access, revokes', async () => {
    const ctx = t();
    const { member, adviser, other, campaign } = await setting(ctx);
    const s = await shareCampaign(member, campaign.id, { email: '  ADA.Adviser@Example.org ', access: 'read' });
    expect(s).toMatchObject({
      campaignId: campaign.id,
      adviserEmail: 'ada.adviser@example.org',
      adviserName: 'Ada Adviser',
      access: 'read',
    });
    await shareCampaign(member, campaign.id, { email: 'otto@example.org' }); // read by default
    expect((await listShares(member, campaign.id)).map((x) => [x.adviserName, x.access])).toEqual([
      ['Ada Adviser', 'read'],
      ['Otto Other', 'read'],
    ]);
    // Sharing again with the same adviser changes the access of the same share.
    const again = await shareCampaign(member, campaign.id, { email: 'ada.adviser@example.org', access: 'comment' });
    expect(again.id).toBe(s.id);
    expect((await listShares(member, campaign.id)).map((x) => x.access)).toEqual(['comment', 'read']);

    await revokeShare(member, s.id);
    expect((await listShares(member, campaign.id)).map((x) => x.adviserName)).toEqual(['Otto Other']);
    expect(await codeOf(revokeShare(member, s.id))).toBe('not_found');
    expect(await codeOf(adviserCampaign(adviser, campaign.id))).toBe('not_found');
    expect((await adviserCampaign(other, campaign.id)).campaign.id).toBe(campaign.id);
  });

  it('answers the same not_found for an unknown e-mail and for an account that is not an adviser', async () => {
    const ctx = t();
    const { member, campaign } = await setting(ctx);
    await userOf(ctx, 'member', 'peer@example.org', 'Pia Peer');
    const messages: [string, string][] = [];
    for (const email of ['nobody@example.org', 'peer@example.org']) {
      const e = (await shareCampaign(member, campaign.id, { email }).then(
        () => ({ code: 'none', message: 'shared' }),
        (x: unknown) => x,
      )) as { code: string; message: string };
      messages.push([e.code, e.message]);
    }
    expect(messages[0]).toEqual(['not_found', 'No adviser account has that e-mail address.']);
    expect(messages[1]).toEqual(messages[0]);
    expect(await codeOf(shareCampaign(member, campaign.id, { email: 'not an address' }))).toBe('invalid_input');
    expect(await codeOf(shareCampaign(member, campaign.id, { email: 'ada.adviser@example.org', access: 'write' }))).toBe('invalid_input');
    // An adviser with campaigns of their own cannot share one with themselves.
    const adviser = await userOf(ctx, 'adviser', 'solo@example.org', 'Solo Adviser');
    const own = await buildCampaign(adviser);
    expect(await codeOf(shareCampaign(adviser, own.id, { email: 'solo@example.org' }))).toBe('invalid_input');
    expect(await listShares(member, campaign.id)).toEqual([]);
  });

  it("lets only the owner share, list and revoke: someone else's campaign or share is not found", async () => {
    const ctx = t();
    const { member, adviser, campaign } = await setting(ctx);
    const s = await shareCampaign(member, campaign.id, { email: 'ada.adviser@example.org' });
    const intruder = await userOf(ctx, 'member', 'ivy@example.org', 'Ivy Intruder');
    expect(await codeOf(shareCampaign(intruder, campaign.id, { email: 'ada.adviser@example.org' }))).toBe('not_found');
    expect(await codeOf(listShares(intruder, campaign.id))).toBe('not_found');
    expect(await codeOf(revokeShare(intruder, s.id))).toBe('not_found');
    // The adviser a campaign is shared with cannot manage its shares either.
    expect(await codeOf(listShares(adviser, campaign.id))).toBe('not_found');
    expect(await codeOf(revokeShare(adviser, s.id))).toBe('not_found');
    expect(await listShares(member, campaign.id)).toHaveLength(1);
  });

  it('shows the adviser the shared campaign, its interviews and insights, and nothing else of the member', async () => {
    const ctx = t();
    const { member, adviser, campaign, elsewhere, withAna } = await setting(ctx);
    await shareCampaign(member, campaign.id, { email: 'ada.adviser@example.org' });
    const view = await adviserCampaign(adviser, campaign.id);
    expect(view.campaign).toMatchObject({ id: campaign.id, field: 'Data journalism' });
    expect(view.member).toMatchObject({ name: 'Mina Member', email: 'mina@example.org' });
    expect(view.access).toBe('read');
    expect(view.interviews.map((i) => [i.contactName, i.status]).sort()).toEqual([
      ['Ana Ruiz', 'held'],
      ['Tom Lindqvist', 'prospect'],
    ]);
    expect(view.interviews.find((i) => i.id === withAna.id)?.heldAt).toBe(START);
    expect(view.insights.funnel).toBeDefined();
    expect(view.comments).toEqual([]);
    // Nothing from the member's address book beyond the names in the campaign.
    const text = JSON.stringify(view);
    expect(text).not.toContain('private research on Ana');
    expect(text).not.toContain('ana@paper.example');
    expect(text).not.toContain('Not In Any Campaign');
    expect(text).not.toContain('Secret other plan');
    // The member's other campaign is not shared: not found, like an id that never existed.
    expect(await codeOf(adviserCampaign(adviser, elsewhere.id))).toBe('not_found');
    expect(await codeOf(adviserCampaign(adviser, 'no-such-campaign'))).toBe('not_found');
  });

  it('lets a commenting adviser comment; a read-only adviser is forbidden; both and the owner read the comments', async () => {
    const ctx = t();
    const { member, adviser, other, campaign } = await setting(ctx);
    await shareCampaign(member, campaign.id, { email: 'ada.adviser@example.org', access: 'comment' });
    await shareCampaign(member, campaign.id, { email: 'otto@example.org', access: 'read' });
    const c = await addComment(adviser, campaign.id, { text: '  Ask Ana who else covers data desks.  ' });
    expect(c).toMatchObject({
      campaignId: campaign.id,
      authorId: adviser.userId,
      authorName: 'Ada Adviser',
      text: 'Ask Ana who else covers data desks.',
    });
    expect(await codeOf(addComment(other, campaign.id, { text: 'May I?' }))).toBe('forbidden');
    expect(await codeOf(addComment(adviser, campaign.id, { text: '   ' }))).toBe('invalid_input');
    for (const who of [member, adviser, other]) expect((await listComments(who, campaign.id)).map((x) => x.text)).toEqual([c.text]);
    expect((await adviserCampaign(other, campaign.id)).comments.map((x) => x.id)).toEqual([c.id]);
    const stranger = await userOf(ctx, 'adviser', 'sam@example.org', 'Sam Stranger');
    expect(await codeOf(listComments(stranger, campaign.id))).toBe('not_found');
    expect(await codeOf(addComment(stranger, campaign.id, { text: 'Hello' }))).toBe('not_found');
  });

  it('stops access at once when the share is revoked, the campaign deleted, the adviser role taken away or the account disabled', async () => {
    const ctx = t();
    const { member, adviser, campaign, elsewhere } = await setting(ctx);
    const s = await shareCampaign(member, campaign.id, { email: 'ada.adviser@example.org', access: 'comment' });
    await addComment(adviser, campaign.id, { text: 'Good start.' });
    await revokeShare(member, s.id);
    expect(await codeOf(adviserCampaign(adviser, campaign.id))).toBe('not_found');
    expect(await codeOf(addComment(adviser, campaign.id, { text: 'Still here?' }))).toBe('not_found');
    expect(await codeOf(listComments(adviser, campaign.id))).toBe('not_found');
    expect((await cohort(adviser)).members).toEqual([]);
    // The member keeps the advice given while it was shared.
    expect((await listComments(member, campaign.id)).map((x) => x.text)).toEqual(['Good start.']);

    await shareCampaign(member, elsewhere.id, { email: 'ada.adviser@example.org' });
    expect((await adviserCampaign(adviser, elsewhere.id)).campaign.id).toBe(elsewhere.id);
    await ctx.db.db.updateTable('users').set({ role: 'member' }).where('id', '=', adviser.userId).execute();
    expect(await codeOf(adviserCampaign(adviser, elsewhere.id))).toBe('not_found');
    await ctx.db.db.updateTable('users').set({ role: 'adviser', disabled: 1 }).where('id', '=', adviser.userId).execute();
    expect(await codeOf(adviserCampaign(adviser, elsewhere.id))).toBe('not_found');
    await ctx.db.db.updateTable('users').set({ disabled: 0 }).where('id', '=', adviser.userId).execute();
    expect((await adviserCampaign(adviser, elsewhere.id)).campaign.id).toBe(elsewhere.id);
    await ctx.db.db.deleteFrom('campaigns').where('id', '=', elsewhere.id).execute();
    expect(await codeOf(adviserCampaign(adviser, elsewhere.id))).toBe('not_found');
    expect(await listShares(member, campaign.id)).toEqual([]);
  });

  it('counts the cohort: meetings per week in the member zone, overdue actions and stalled campaigns of shared campaigns only', async () => {
    const ctx = t();
    const member = await userOf(ctx, 'member', 'mina@example.org', 'Mina Member');
    const adviser = await userOf(ctx, 'adviser', 'ada.adviser@example.org', 'Ada Adviser');
    const otherAdviser = await userOf(ctx, 'adviser', 'otto@example.org', 'Otto Other');
    const second = await userOf(ctx, 'member', 'bo@example.org', 'Bo Second');
    const third = await userOf(ctx, 'member', 'cy@example.org', 'Cy Third');
    await updateSettings(member, { timezone: 'America/New_York' });

    // Monday 2 March 2026: four campaigns, each shared (or not) as the test needs.
    const active = await buildCampaign(member, { field: 'Active' });
    const quiet = await buildCampaign(member, { field: 'Quiet' });
    const booked = await buildCampaign(member, { field: 'Booked ahead' });
    const ended = await buildCampaign(member, { field: 'Ended' });
    const hidden = await buildCampaign(member, { field: 'Not shared' });
    const person = async (name: string) => (await buildContact(member, { name })).id;
    // Meetings are booked on 2 March and closed as they happen.
    const book = async (campaignId: string, name: string, at: string) => {
      const contactId = await person(name);
      const i = await buildInterview(member, { campaignId, contactId });
      await scheduleInterview(member, i.id, { at, minutes: 30 });
      return async (closeAt: string) => {
        ctx.clock.set(closeAt);
        await moveInterview(member, i.id, { status: 'held', noReferrals: true });
        await logTouch(member, { contactId, interviewId: i.id, channel: 'email', purpose: 'thank-you' });
      };
    };
    // Booked for 30 March (after "now"): the campaign is not stalled though nothing else happens.
    await book(booked.id, 'Future Person', '2026-03-30T14:00:00Z');
    const wednesday = await book(active.id, 'Wed Meeting', '2026-03-04T15:00:00Z'); // week of 2 March
    // Sunday 15 March 22:00 in New York is already Monday 16 March in UTC: it belongs to the week of 9 March.
    const sunday = await book(active.id, 'Sunday Night', '2026-03-16T02:00:00Z');
    const hiddenMeeting = await book(hidden.id, 'Hidden Meeting', '2026-03-16T02:30:00Z');
    await wednesday('2026-03-04T16:00:00Z');
    await sunday('2026-03-16T03:00:00Z');
    await hiddenMeeting('2026-03-16T03:30:00Z');
    // A request on Monday 16 March (10:00 in New York): by Friday 27 March its ask-second-person and
    // follow-up are both overdue.
    ctx.clock.set('2026-03-16T14:00:00Z');
    const asked = await buildInterview(member, { campaignId: active.id, contactId: await person('Asked Person') });
    await logTouch(member, { contactId: asked.contactId, interviewId: asked.id, channel: 'email', purpose: 'request' });
    const hiddenAsk = await buildInterview(member, { campaignId: hidden.id, contactId: await person('Hidden Ask') });
    await logTouch(member, { contactId: hiddenAsk.contactId, interviewId: hiddenAsk.id, channel: 'email', purpose: 'request' });
    await endCampaign(member, ended.id);

    for (const c of [active, quiet, booked, ended]) await shareCampaign(member, c.id, { email: 'ada.adviser@example.org' });
    await shareCampaign(member, hidden.id, { email: 'otto@example.org' });
    await shareCampaign(second, (await buildCampaign(second)).id, { email: 'otto@example.org' });
    const revoked = await shareCampaign(third, (await buildCampaign(third)).id, { email: 'ada.adviser@example.org' });
    await revokeShare(third, revoked.id);

    ctx.clock.set('2026-03-27T15:00:00Z'); // Friday, 11:00 in New York
    const overdueHere = (await listActions(member, { limit: 1000 })).filter((a) => a.overdue && a.interviewId === asked.id);
    expect(overdueHere.map((a) => a.kind).sort()).toEqual(['ask-second-person', 'follow-up']);

    const board = await cohort(adviser);
    expect(board.now).toBe('2026-03-27T15:00:00.000Z');
    expect(board.members.map((m) => m.name)).toEqual(['Mina Member']);
    const m = board.members[0]!;
    expect(m.timezone).toBe('America/New_York');
    expect(m.weeks).toEqual([
      { week: '2026-02-02', held: 0 },
      { week: '2026-02-09', held: 0 },
      { week: '2026-02-16', held: 0 },
      { week: '2026-02-23', held: 0 },
      { week: '2026-03-02', held: 1 },
      { week: '2026-03-09', held: 1 },
      { week: '2026-03-16', held: 0 },
      { week: '2026-03-23', held: 0 },
    ]);
    expect(m.heldLast8Weeks).toBe(2);
    expect(m.overdueActions).toBe(2);
    expect(m.stalledCampaigns).toBe(1);
    expect(m.campaigns.map((c) => [c.field, c.stalled, c.overdueActions, c.heldLast8Weeks])).toEqual([
      ['Active', false, 2, 2],
      ['Quiet', true, 0, 0],
      ['Booked ahead', false, 0, 0],
      ['Ended', false, 0, 0],
    ]);
    expect(m.campaigns.find((c) => c.field === 'Quiet')?.lastActivityAt).toBe(START);
    expect(JSON.stringify(board)).not.toContain('Not shared');

    // The other adviser sees the hidden campaign (shared with them) and the second member, not the rest.
    const theirs = await cohort(otherAdviser);
    expect(theirs.members.map((x) => [x.name, x.campaigns.map((c) => c.field)])).toEqual([
      ['Bo Second', ['UX research in healthcare']],
      ['Mina Member', ['Not shared']],
    ]);
    expect(theirs.members[1]!.weeks.find((w) => w.week === '2026-03-09')?.held).toBe(1);
    expect(theirs.members[1]!.overdueActions).toBe(2);
    // A member with no share sees an empty cohort.
    expect((await cohort(member)).members).toEqual([]);
  });

  describe('API', () => {
    it('shares, lists, comments and revokes through the routes, with the codes a client relies on', async () => {
      const ctx = t();
      const { member, adviser, other, campaign } = await setting(ctx);
      const asMember = apiAs(member);
      const asAdviser = apiAs(adviser);
      const asOther = apiAs(other);
      const created = await asMember('POST', `/campaigns/${campaign.id}/shares`, { email: 'ada.adviser@example.org', access: 'comment' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ adviserEmail: 'ada.adviser@example.org', access: 'comment' });
      expect((await asMember('POST', `/campaigns/${campaign.id}/shares`, { email: 'otto@example.org' })).status).toBe(201);
      const listed = await asMember('GET', `/campaigns/${campaign.id}/shares`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((x: { adviserName: string }) => x.adviserName)).toEqual(['Ada Adviser', 'Otto Other']);
      expect((await asMember('POST', `/campaigns/${campaign.id}/shares`, { email: 'nobody@example.org' })).body.error.code).toBe(
        'not_found',
      );

      const view = await asAdviser('GET', `/adviser/campaigns/${campaign.id}`);
      expect(view.status).toBe(200);
      expect(view.body.campaign.field).toBe('Data journalism');
      const comment = await asAdviser('POST', `/adviser/campaigns/${campaign.id}/comments`, { text: 'Nice.' });
      expect(comment.status).toBe(201);
      const refused = await asOther('POST', `/adviser/campaigns/${campaign.id}/comments`, { text: 'Me too.' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
      const comments = await asMember('GET', `/campaigns/${campaign.id}/comments`);
      expect(comments.body.items.map((x: { text: string }) => x.text)).toEqual(['Nice.']);
      const board = await asAdviser('GET', '/adviser/cohort');
      expect(board.status).toBe(200);
      expect(board.body.members.map((x: { name: string }) => x.name)).toEqual(['Mina Member']);

      expect((await asMember('DELETE', `/shares/${created.body.id}`)).status).toBe(204);
      const gone = await asAdviser('GET', `/adviser/campaigns/${campaign.id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('not_found');
      expect((await asAdviser('GET', `/campaigns/${campaign.id}/comments`)).status).toBe(404);
      expect((await asMember('DELETE', `/shares/${created.body.id}`)).status).toBe(404);
    });

    it('keeps the adviser routes for advisers: a member or the local owner gets 403, nobody signed in 401', async () => {
      const ctx = t();
      const { member, campaign } = await setting(ctx);
      for (const who of [member, ctx]) {
        const api = apiAs(who);
        for (const [method, path] of [
          ['GET', '/adviser/cohort'],
          ['GET', `/adviser/campaigns/${campaign.id}`],
          ['POST', `/adviser/campaigns/${campaign.id}/comments`],
        ] as const) {
          const res = await api(method, path, method === 'POST' ? { text: 'Hi' } : undefined);
          expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'forbidden']);
        }
      }
      const nobody = createServerApp({ deps: ctx, userId: '', auth: { principal: async () => null } });
      for (const path of ['/adviser/cohort', `/campaigns/${campaign.id}/shares`, `/campaigns/${campaign.id}/comments`]) {
        const res = await nobody.request(`http://127.0.0.1:5454/api/v1${path}`);
        expect([path, res.status]).toEqual([path, 401]);
      }
    });
  });
});

describe('cohort figures', () => {
  it('lists the last eight local weeks, the current one last, starting at local Monday midnight', () => {
    const r = recentWeeks(new Date('2026-03-02T03:00:00Z'), 'America/New_York'); // Sunday evening in New York
    expect(r.weeks[7]).toBe('2026-02-23');
    expect(r.weeks[0]).toBe('2026-01-05');
    expect(r.since.toISOString()).toBe('2026-01-05T05:00:00.000Z');
  });

  it('puts a meeting in the week it took place, not the week it was closed', () => {
    const weeks = ['2026-03-02', '2026-03-09'];
    const counts = heldPerWeek(
      [
        { scheduledAt: '2026-03-06T10:00:00Z', heldAt: '2026-03-10T09:00:00Z' },
        { scheduledAt: null, heldAt: '2026-03-10T09:00:00Z' },
        { scheduledAt: '2026-02-20T10:00:00Z', heldAt: '2026-02-20T11:00:00Z' },
      ],
      weeks,
      'UTC',
    );
    expect(counts).toEqual([
      { week: '2026-03-02', held: 1 },
      { week: '2026-03-09', held: 1 },
    ]);
  });

  it('calls an active campaign stalled after 14 days without a touch or a meeting', () => {
    const now = new Date('2026-03-20T12:00:00Z');
    const base = { status: 'active', createdAt: '2026-01-01T00:00:00Z', lastTouchAt: null, lastScheduledAt: null, lastHeldAt: null };
    expect(stallOf({ ...base, lastTouchAt: '2026-03-06T12:00:01Z' }, now).stalled).toBe(false);
    expect(stallOf({ ...base, lastTouchAt: '2026-03-06T12:00:00Z' }, now)).toEqual({
      lastActivityAt: '2026-03-06T12:00:00Z',
      stalled: true,
    });
    expect(stallOf({ ...base, lastScheduledAt: '2026-04-01T09:00:00Z' }, now).stalled).toBe(false);
    expect(stallOf({ ...base, status: 'ended' }, now).stalled).toBe(false);
  });
});

describe('share CLI (built binary, SQLite file)', () => {
  it('shares a campaign, lists and revokes; the cohort of someone nobody shared with is empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-share-'));
    try {
      const db = join(dir, 'c.db');
      const run = (...args: string[]) => cli([...args, '--db', db]);
      const campaign = run('campaigns', 'add', '--field', 'Data journalism', '--situation', 'new-graduate', '--json').json();
      // An adviser account in the same database (server mode makes these; here the store does).
      const opened = await openDatabase(db);
      await makeStore(opened.db, opened.dialect).users.insert({
        id: '01900000-0000-7000-8000-00000000ad01',
        email: 'coach@example.org',
        name: 'Cora Coach',
        role: 'adviser',
        createdAt: START,
      });
      await opened.close();

      const added = run('share', 'add', '--campaign', campaign.id, '--adviser', 'Coach@example.org', '--access', 'comment', '--json');
      expect(added.code, added.stderr).toBe(0);
      expect(added.json()).toMatchObject({ adviserName: 'Cora Coach', access: 'comment' });
      expect(run('share', 'list', '--campaign', campaign.id).stdout).toMatch(/Cora Coach <coach@example.org>\s+comment/);
      const unknown = run('share', 'add', '--campaign', campaign.id, '--adviser', 'nobody@example.org', '--json');
      expect([unknown.code, unknown.error().code]).toEqual([1, 'not_found']);
      const badAccess = run('share', 'add', '--campaign', campaign.id, '--adviser', 'coach@example.org', '--access', 'edit', '--json');
      expect([badAccess.code, badAccess.error().code]).toEqual([2, 'invalid_input']);
      expect(run('share', 'comments', '--campaign', campaign.id).stdout).toMatch(/No comments yet/);
      expect(run('cohort').stdout).toMatch(/Nobody has shared a campaign with you yet/);

      expect(run('share', 'rm', added.json().id).code).toBe(0);
      expect(run('share', 'list', '--campaign', campaign.id, '--json').json()).toEqual([]);
      const again = run('share', 'rm', added.json().id, '--json');
      expect([again.code, again.error().code]).toEqual([1, 'not_found']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
