// Outcomes: recorded on an interview and credited to every interview up the introduction chain
// that led to that person; listed by campaign or by interview; deleted; bad input refused with
// clear codes. Through the operation and the API on both databases, and the built CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addInterview, moveInterview } from '../src/app/interviews.js';
import { addIntroduction } from '../src/app/introductions.js';
import { addOutcome, deleteOutcome, listOutcomes } from '../src/app/outcomes.js';
import { updateSettings } from '../src/app/settings.js';
import { cli } from './cli.js';
import { buildCampaign, buildContact } from './factories.js';
import { codeOf, eachDialect, type TestCtx } from './harness.js';
import { apiOf } from './http.js';

async function held(ctx: TestCtx, campaignId: string, contactId: string) {
  const i = await addInterview(ctx, { campaignId, contactId });
  await moveInterview(ctx, i.id, { status: 'scheduled' });
  return moveInterview(ctx, i.id, { status: 'held', noReferrals: true });
}

/** Ana (met first) suggested Tom; Tom suggested Maya; Priya also knows Maya, outside any interview. */
async function chain(ctx: TestCtx) {
  const campaign = await buildCampaign(ctx);
  const [ana, tom, maya, priya] = await Promise.all(
    ['Ana Ruiz', 'Tom Lindqvist', 'Maya Okafor', 'Priya Raman'].map((name) => buildContact(ctx, { name })),
  );
  const withAna = await held(ctx, campaign.id, ana!.id);
  await addIntroduction(ctx, { introducerId: ana!.id, contactId: tom!.id, interviewId: withAna.id, permission: 'granted' });
  const withTom = await held(ctx, campaign.id, tom!.id);
  await addIntroduction(ctx, { introducerId: tom!.id, contactId: maya!.id, interviewId: withTom.id, permission: 'granted' });
  await addIntroduction(ctx, { introducerId: priya!.id, contactId: maya!.id });
  const withMaya = await held(ctx, campaign.id, maya!.id);
  return { campaign, withAna, withTom, withMaya };
}

eachDialect('outcomes', (t) => {
  it('credits the interview it came from and every interview up the chain that led there', async () => {
    const ctx = t();
    const { campaign, withAna, withTom, withMaya } = await chain(ctx);
    const o = await addOutcome(ctx, { interviewId: withMaya.id, kind: 'job-offer', note: 'Research associate, CareLoop' });
    expect(o).toMatchObject({ campaignId: campaign.id, interviewId: withMaya.id, kind: 'job-offer', note: 'Research associate, CareLoop' });
    expect(o.at).toBe('2026-03-02T09:00:00.000Z');
    expect(o.credits.map((c) => [c.contactName, c.depth, c.direct])).toEqual([
      ['Maya Okafor', 0, true],
      ['Tom Lindqvist', 1, false],
      ['Ana Ruiz', 2, false],
    ]);
    expect(o.credits.map((c) => c.interviewId)).toEqual([withMaya.id, withTom.id, withAna.id]);

    // An outcome from Tom's own conversation is credited to Tom's and Ana's, not Maya's.
    const fromTom = await addOutcome(ctx, { interviewId: withTom.id, kind: 'new-contact' });
    expect(fromTom.credits.map((c) => c.contactName)).toEqual(['Tom Lindqvist', 'Ana Ruiz']);

    expect((await listOutcomes(ctx, { interviewId: withAna.id })).map((x) => x.id)).toEqual([fromTom.id, o.id].sort().reverse());
    expect((await listOutcomes(ctx, { interviewId: withMaya.id })).map((x) => x.id)).toEqual([o.id]);
    expect(await listOutcomes(ctx, { campaignId: campaign.id })).toHaveLength(2);
    expect(await listOutcomes(ctx, { campaignId: (await buildCampaign(ctx)).id })).toEqual([]);

    await deleteOutcome(ctx, o.id);
    expect((await listOutcomes(ctx, {})).map((x) => x.id)).toEqual([fromTom.id]);
    expect(await codeOf(deleteOutcome(ctx, o.id))).toBe('not_found');
  });

  it('reads a time without an offset in the user’s zone, and refuses bad input with clear codes', async () => {
    const ctx = t();
    await updateSettings(ctx, { timezone: 'Europe/London' });
    const { withMaya } = await chain(ctx);
    const summer = await addOutcome(ctx, { interviewId: withMaya.id, kind: 'job-interview', at: '2026-06-10T14:00' });
    expect(summer.at).toBe('2026-06-10T13:00:00.000Z');
    expect(await codeOf(addOutcome(ctx, { interviewId: withMaya.id, kind: 'promotion' }))).toBe('invalid_input');
    expect(await codeOf(addOutcome(ctx, { interviewId: withMaya.id, kind: 'job-offer', at: 'next week' }))).toBe('invalid_input');
    expect(await codeOf(addOutcome(ctx, { interviewId: withMaya.id, kind: 'job-offer', note: 'x'.repeat(1001) }))).toBe('invalid_input');
    expect(await codeOf(addOutcome(ctx, { interviewId: withMaya.id, kind: 'job-offer', salary: 1 }))).toBe('invalid_input');
    expect(await codeOf(addOutcome(ctx, { kind: 'job-offer' }))).toBe('invalid_input');
    expect(await codeOf(addOutcome(ctx, { interviewId: 'nope', kind: 'job-offer' }))).toBe('not_found');
    expect(await codeOf(listOutcomes(ctx, { campaignId: 'nope' }))).toBe('not_found');
    expect(await codeOf(listOutcomes(ctx, { interviewId: 'nope' }))).toBe('not_found');
    const e = (await addOutcome(ctx, { interviewId: withMaya.id, kind: 'promotion' }).catch((x: unknown) => x)) as Error;
    expect(e.message).toMatch(/job-interview, job-offer, referral-to-role, new-contact/);
  });

  it('POST, GET and DELETE /outcomes', async () => {
    const ctx = t();
    const { campaign, withTom, withMaya } = await chain(ctx);
    const call = apiOf(ctx);
    const made = await call('POST', '/outcomes', { interviewId: withMaya.id, kind: 'referral-to-role', note: 'Junior researcher' });
    expect(made.status).toBe(201);
    const id = made.body!.id as string;
    const list = await call('GET', `/outcomes?campaignId=${campaign.id}`);
    expect((list.body!.items as { id: string }[]).map((x) => x.id)).toEqual([id]);
    const byTom = await call('GET', `/outcomes?interviewId=${withTom.id}`);
    expect((byTom.body!.items as { credits: { direct: boolean }[] }[])[0]!.credits.map((c) => c.direct)).toEqual([true, false, false]);
    const bad = await call('POST', '/outcomes', { interviewId: withMaya.id, kind: 'nope' });
    expect([bad.status, (bad.body!.error as { code: string }).code]).toEqual([400, 'invalid_input']);
    expect((await call('DELETE', `/outcomes/${id}`)).status).toBe(204);
    expect((await call('DELETE', `/outcomes/${id}`)).status).toBe(404);
    expect((await call('GET', `/outcomes/${id}`)).status).toBe(404);
  });
});

describe('outcome CLI (built binary, SQLite file)', () => {
  it('adds, lists and removes outcomes; done-keeping-in-touch and its undo', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-outcome-'));
    try {
      const db = join(dir, 'c.db');
      const run = (...args: string[]) => cli([...args, '--db', db]);
      const campaign = run('campaigns', 'add', '--field', 'Data journalism', '--situation', 'new-graduate', '--json').json();
      const ana = run('contacts', 'add', '--name', 'Ana Ruiz', '--json').json();
      const a = run('interviews', 'add', '--campaign', campaign.id, '--contact', ana.id, '--json').json();
      run('interviews', 'move', a.id, 'scheduled');
      // Ana suggests Bo: the referral brings Bo in as a prospect of the campaign.
      const b = run('referral', 'add', '--interview', a.id, '--name', 'Bo Chen', '--permission', 'granted', '--json').json().interview;
      run('interviews', 'move', a.id, 'held');

      const added = run('outcome', 'add', '--interview', b.id, '--kind', 'job-interview', '--note', 'Graphics desk', '--json');
      expect(added.code, added.stderr).toBe(0);
      const o = added.json();
      expect(o).toMatchObject({ interviewId: b.id, kind: 'job-interview', note: 'Graphics desk' });
      expect(o.credits.map((c: { contactName: string }) => c.contactName)).toEqual(['Bo Chen', 'Ana Ruiz']);
      expect(run('outcome', 'add', '--interview', b.id, '--kind', 'job-interview').stdout).toMatch(
        /credited to Bo Chen \(led there by Ana Ruiz\)/,
      );
      const listed = run('outcome', 'list', '--campaign', campaign.id, '--json');
      expect(listed.json()).toHaveLength(2);
      expect(run('outcome', 'list', '--campaign', campaign.id).stdout).toMatch(/Graphics desk/);
      expect(run('outcome', 'rm', o.id).code).toBe(0);
      expect(run('outcome', 'list', '--json').json()).toHaveLength(1);

      const badKind = run('outcome', 'add', '--interview', b.id, '--kind', 'raise', '--json');
      expect([badKind.code, badKind.error().code]).toEqual([2, 'invalid_input']);
      const missing = run('outcome', 'rm', o.id, '--json');
      expect([missing.code, missing.error().code]).toEqual([1, 'not_found']);
      expect(run('outcome', 'add', '--kind', 'job-offer').code).toBe(2);

      const done = run('interviews', 'done-keeping-in-touch', a.id, '--json');
      expect(done.code, done.stderr).toBe(0);
      expect(done.json().keepInTouchDoneAt).toMatch(/^2026-03-02T09:00:00/);
      expect(run('interviews', 'done-keeping-in-touch', a.id, '--undo', '--json').json().keepInTouchDoneAt).toBeNull();
      expect(run('campaigns', 'end', campaign.id, '--json').json().status).toBe('ended');
      expect(run('campaigns', 'reopen', campaign.id, '--json').json().status).toBe('active');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
