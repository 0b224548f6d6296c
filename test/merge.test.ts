import { expect, it } from 'vitest';
import { contactTimeline, createContact, getContact, listContacts } from '../src/app/contacts.js';
import { addInterview } from '../src/app/interviews.js';
import { addIntroduction, listIntroductions } from '../src/app/introductions.js';
import { findContactDuplicates, mergeContacts, unmergeContact } from '../src/app/merge.js';
import { addNote } from '../src/app/notes.js';
import { logTouch } from '../src/app/touches.js';
import { codeOf, eachDialect } from './harness.js';
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
});
