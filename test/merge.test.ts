import { describe, expect, it } from 'vitest';
import { contactTimeline, createContact, getContact, listContacts, updateContact } from '../src/app/contacts.js';
import { addInterview } from '../src/app/interviews.js';
import { addIntroduction, listIntroductions } from '../src/app/introductions.js';
import { findContactDuplicates, mergeContacts, reviewDuplicates, unmergeContact } from '../src/app/merge.js';
import { addNote } from '../src/app/notes.js';
import { logTouch } from '../src/app/touches.js';
import type { Contact } from '../src/domain/types.js';
import { codeOf, eachDialect } from './harness.js';
import { apiOf } from './http.js';
import { buildCampaign } from './factories.js';

eachDialect('duplicates and merge', (t) => {
  it('finds duplicates with their reasons, never on the name alone', async () => {
    const a = await createContact(t(), { name: 'Robert Smith', emails: ['rob.smith@example.org'], organisation: 'Stripe' });
    const b = await createContact(t(), { name: 'Bob Smith', emails: ['Rob.Smith@example.org'] });
    await createContact(t(), { name: 'Robert Smith', organisation: 'Globex' }); // same name, nothing else
    const pairs = await findContactDuplicates(t());
    expect(pairs).toHaveLength(1);
    expect([...pairs[0]!.contactIds].sort()).toEqual([a.id, b.id].sort());
    expect(pairs[0]!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(pairs[0]!.reasons.join(' ')).toMatch(/e-mail/);
  });

  it('merges field by field, moves everything across, and undoes exactly', async () => {
    const keep = await createContact(t(), { name: 'Maya Okafor', emails: ['maya@example.org'], title: 'UX Researcher', tags: ['ux'] });
    const other = await createContact(t(), {
      name: 'Maya O.',
      emails: ['maya@work.example'],
      title: 'Senior Researcher',
      phones: ['+1 415 555 0100'],
      organisation: 'Northbridge',
      tags: ['health'],
    });
    const friend = await createContact(t(), { name: 'Tom Lind' });
    await addIntroduction(t(), { introducerId: friend.id, contactId: other.id, permission: 'granted' });
    await addIntroduction(t(), { introducerId: friend.id, contactId: keep.id, permission: 'not-asked' }); // becomes a duplicate edge
    const campaign = await buildCampaign(t());
    const interview = await addInterview(t(), { campaignId: campaign.id, contactId: other.id });
    await logTouch(t(), { contactId: other.id, channel: 'email', purpose: 'request' });
    await addNote(t(), { contactId: other.id, text: 'Met at the meetup' });

    const merged = await mergeContacts(t(), keep.id, other.id);
    expect(merged).toMatchObject({
      name: 'Maya Okafor',
      title: 'UX Researcher',
      emails: ['maya@example.org', 'maya@work.example'],
      phones: ['+1 415 555 0100'],
      organisation: 'Northbridge',
      tags: ['health', 'ux'],
    });
    expect(await codeOf(getContact(t(), other.id))).toBe('not_found');
    const timeline = await contactTimeline(t(), keep.id);
    expect(timeline.map((i) => i.type).sort()).toEqual(['note', 'note', 'touch']);
    expect(timeline.some((i) => i.type === 'note' && /title: Senior Researcher/.test(i.text))).toBe(true);
    expect((await listIntroductions(t(), keep.id)).map((i) => i.introducerId)).toEqual([friend.id]);
    expect((await t().store.interviews.get(t().userId, interview.id))!.contactId).toBe(keep.id);

    const { kept, restored } = await unmergeContact(t(), keep.id);
    expect(kept).toMatchObject({ name: 'Maya Okafor', emails: ['maya@example.org'], phones: [], tags: ['ux'], organisation: null });
    expect(restored).toMatchObject({
      id: other.id,
      name: 'Maya O.',
      title: 'Senior Researcher',
      organisation: 'Northbridge',
      emails: ['maya@work.example'],
    });
    expect((await t().store.interviews.get(t().userId, interview.id))!.contactId).toBe(other.id);
    expect((await contactTimeline(t(), other.id)).map((i) => i.type).sort()).toEqual(['note', 'touch']);
    expect(await contactTimeline(t(), keep.id)).toEqual([]);
    expect((await listIntroductions(t(), other.id)).map((i) => [i.introducerId, i.permission])).toEqual([[friend.id, 'granted']]);
    expect((await listIntroductions(t(), keep.id)).map((i) => i.permission)).toEqual(['not-asked']);
    expect(await codeOf(unmergeContact(t(), keep.id))).toBe('not_found');
    expect((await listContacts(t(), {})).items).toHaveLength(3);
  });

  it('refuses merges that would break the data', async () => {
    const a = await createContact(t(), { name: 'A Person' });
    const b = await createContact(t(), { name: 'B Person' });
    const campaign = await buildCampaign(t());
    await addInterview(t(), { campaignId: campaign.id, contactId: a.id });
    await addInterview(t(), { campaignId: campaign.id, contactId: b.id });
    expect(await codeOf(mergeContacts(t(), a.id, b.id))).toBe('conflict');
    expect(await codeOf(mergeContacts(t(), a.id, a.id))).toBe('invalid_input');
    expect(await codeOf(mergeContacts(t(), a.id, 'nope'))).toBe('not_found');
    expect((await listContacts(t(), {})).items).toHaveLength(2);
  });

  /** A contact as the user sees it, without the instant it was last written. */
  const shown = async (id: string) => {
    const { updatedAt: _u, ...rest } = await getContact(t(), id);
    return rest;
  };

  it('takes the chosen side of each field, keeps the losing values as history, and undoes exactly', async () => {
    const keep = await createContact(t(), {
      name: 'Maya Okafor',
      emails: ['maya@example.org'],
      title: 'UX Researcher',
      organisation: 'Northbridge',
      location: 'Leeds',
      tie: 'close',
    });
    const other = await createContact(t(), {
      name: 'Maya Okafor-Reyes',
      emails: ['maya@example.org'],
      title: 'Senior Researcher',
      organisation: 'Harbour Health',
      connectedOn: '2021-05-01',
    });
    const [keepBefore, otherBefore] = [await shown(keep.id), await shown(other.id)];

    const merged = await mergeContacts(t(), keep.id, { otherId: other.id, choose: { name: 'other', title: 'other', tie: 'keep' } });
    expect(merged).toMatchObject({
      name: 'Maya Okafor-Reyes',
      title: 'Senior Researcher',
      organisation: 'Northbridge', // same source, same instant: the kept record's
      location: 'Leeds', // a value beats none
      connectedOn: '2021-05-01',
      tie: 'close',
    });
    const history = (await contactTimeline(t(), keep.id)).filter((i) => i.type === 'note').map((i) => (i.type === 'note' ? i.text : ''));
    expect(history).toHaveLength(1);
    expect(history[0]).toContain('name: Maya Okafor;');
    expect(history[0]).toContain('title: UX Researcher');
    expect(history[0]).toContain('organisation: Harbour Health');
    expect(history[0]).not.toContain('Leeds');

    await unmergeContact(t(), keep.id);
    expect(await shown(keep.id)).toEqual(keepBefore);
    expect(await shown(other.id)).toEqual(otherBefore);
    expect(await contactTimeline(t(), keep.id)).toEqual([]);
  });

  it('by default takes the better-sourced value, then the newer, and the earliest connection date', async () => {
    const fromGoogle = await createContact(t(), { name: 'Ana Lima', emails: ['ana@example.org'], title: 'Designer', source: 'google' });
    t().clock.advance(60_000);
    const fromLinkedIn = await createContact(t(), {
      name: 'Ana Lima',
      emails: ['ana@example.org'],
      title: 'Lead Designer',
      source: 'linkedin',
      connectedOn: '2023-02-01',
    });
    expect(await mergeContacts(t(), fromGoogle.id, fromLinkedIn.id)).toMatchObject({ title: 'Lead Designer', connectedOn: '2023-02-01' });
    await unmergeContact(t(), fromGoogle.id);
    // the other way round the LinkedIn value still wins: who is kept does not decide
    expect(await mergeContacts(t(), fromLinkedIn.id, fromGoogle.id)).toMatchObject({ title: 'Lead Designer' });
    await unmergeContact(t(), fromLinkedIn.id);

    // equally sourced: the record written last wins, and the earlier connection date stays
    const older = await createContact(t(), { name: 'Jo Park', emails: ['jo@example.org'], title: 'Analyst', connectedOn: '2019-03-04' });
    const newer = await createContact(t(), { name: 'Jo Park', emails: ['jo@example.org'], title: 'Analyst', connectedOn: '2020-01-01' });
    t().clock.advance(60_000);
    await updateContact(t(), newer.id, { title: 'Senior Analyst' });
    expect(await mergeContacts(t(), older.id, newer.id)).toMatchObject({ title: 'Senior Analyst', connectedOn: '2019-03-04' });
  });

  it('refuses a choice of a field that cannot be chosen, naming it', async () => {
    const a = await createContact(t(), { name: 'Lee Ng', emails: ['lee@example.org'] });
    const b = await createContact(t(), { name: 'Lee Ng', emails: ['lee@example.org'] });
    const err = await mergeContacts(t(), a.id, { otherId: b.id, choose: { emails: 'other', title: 'keep' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid_input' });
    expect((err as Error).message).toContain('choose.emails');
    expect((err as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field)).toEqual(['choose.emails']);
    expect(await codeOf(mergeContacts(t(), a.id, { otherId: b.id, choose: { title: 'both' } }))).toBe('invalid_input');
    expect(await codeOf(mergeContacts(t(), a.id, { otherId: '' }))).toBe('invalid_input');
    expect((await listContacts(t(), {})).items).toHaveLength(2);
  });

  describe('over HTTP', () => {
    const call = (method: string, path: string, body?: unknown) => apiOf(t())(method, path, body);

    it('gives the review screen both people, the signals and the differences in one call; "not the same person" sticks', async () => {
      const a = await createContact(t(), { name: 'Robert Smith', emails: ['rob@example.org'], title: 'CTO', source: 'linkedin' });
      const b = await createContact(t(), { name: 'Bob Smith', emails: ['ROB@example.org'], title: 'Founder' });
      const review = await call('GET', '/duplicates');
      expect(review.status).toBe(200);
      expect(review.body.items).toHaveLength(1);
      const pair = review.body.items[0];
      expect(pair.contactIds).toEqual([a.id, b.id]);
      expect(pair.confidence).toBeGreaterThan(0.9);
      expect(pair.reasons.join(' ')).toMatch(/same e-mail/);
      expect(pair.signals).toContainEqual({ kind: 'email', detail: 'rob@example.org' });
      expect(pair.contacts.map((c: Contact) => c.name)).toEqual(['Robert Smith', 'Bob Smith']);
      // the manual entry beats the LinkedIn one by default
      expect(pair.differences).toEqual([
        { field: 'name', keep: 'Robert Smith', other: 'Bob Smith', winner: 'other' },
        { field: 'title', keep: 'CTO', other: 'Founder', winner: 'other' },
      ]);

      expect((await call('POST', `/contacts/${b.id}/not-duplicate`, { otherId: a.id })).status).toBe(201);
      expect((await call('POST', `/contacts/${a.id}/not-duplicate`, { otherId: b.id })).status).toBe(201); // once is enough
      expect((await call('GET', '/duplicates')).body.items).toEqual([]);
      expect(await findContactDuplicates(t())).toEqual([]);
      expect((await call('POST', `/contacts/${a.id}/not-duplicate`, { otherId: 'nope' })).status).toBe(404);
      expect((await call('DELETE', `/contacts/${a.id}/not-duplicate/${b.id}`)).status).toBe(204);
      expect((await reviewDuplicates(t())).map((p) => p.contactIds)).toEqual([[a.id, b.id]]);
      expect((await call('DELETE', `/contacts/${a.id}/not-duplicate/${b.id}`)).status).toBe(404);
    });

    it('merges with choices, answers bad choices with 400, and undoes', async () => {
      const a = await createContact(t(), { name: 'Robert Smith', emails: ['rob@example.org'], title: 'CTO' });
      const b = await createContact(t(), { name: 'Bob Smith', emails: ['rob@example.org'], title: 'Founder' });
      const bad = await call('POST', `/contacts/${a.id}/merge`, { otherId: b.id, choose: { colour: 'other' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.fields).toEqual([{ field: 'choose.colour', message: expect.stringContaining('not a field') }]);
      const merged = await call('POST', `/contacts/${a.id}/merge`, { otherId: b.id, choose: { title: 'other' } });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ id: a.id, name: 'Robert Smith', title: 'Founder' });
      expect((await call('GET', `/contacts/${b.id}`)).status).toBe(404);
      const undone = await call('POST', `/contacts/${a.id}/unmerge`);
      expect(undone.body.kept).toMatchObject({ name: 'Robert Smith', title: 'CTO' });
      expect(undone.body.restored).toMatchObject({ id: b.id, name: 'Bob Smith', title: 'Founder' });
    });
  });
});
