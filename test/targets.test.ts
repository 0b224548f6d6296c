import { expect, it } from 'vitest';
import { updateContact } from '../src/app/contacts.js';
import { loadDemo } from '../src/app/demo.js';
import { suggestContacts } from '../src/app/suggest.js';
import { addTarget, listTargets, setTargetByName, updateTarget } from '../src/app/targets.js';
import { codeOf, eachDialect } from './harness.js';
import { buildCampaign, buildContact } from './factories.js';

eachDialect('targets', (t) => {
  it('ranks by status, motivation, posting, then advocacy derived from contacts', async () => {
    const c = await buildCampaign(t());
    await addTarget(t(), { campaignId: c.id, organisation: 'Brightpath', motivation: 2, posting: 2 });
    await addTarget(t(), { campaignId: c.id, organisation: 'CareLoop', motivation: 3, posting: 1 });
    await addTarget(t(), { campaignId: c.id, organisation: 'MedSight', motivation: 2, posting: 2 });
    await addTarget(t(), { campaignId: c.id, organisation: 'Lakeside', motivation: 3, posting: 3, status: 'ruled-out' });
    // Someone the user knows works at MedSight ("MedSight Inc." is the same organisation).
    await buildContact(t(), { organisation: 'MedSight Inc.', tie: 'acquaintance' });
    await buildContact(t(), { organisation: 'Brightpath', tie: 'cold' });
    const list = await listTargets(t(), c.id);
    expect(list.map((x) => [x.rank, x.organisation, x.advocacy])).toEqual([
      [1, 'CareLoop', false],
      [2, 'MedSight', true],
      [3, 'Brightpath', false],
      [4, 'Lakeside', false],
    ]);
    expect(list[2]!.contactsInside).toBe(1);
  });

  it('validates, refuses duplicates, and changes priority by id or name', async () => {
    const c = await buildCampaign(t());
    const first = await addTarget(t(), { campaignId: c.id, organisation: 'Acme' });
    expect(first).toMatchObject({ motivation: 2, posting: 1, status: 'active', advocacy: false });
    expect(await codeOf(addTarget(t(), { campaignId: c.id, organisation: 'ACME Ltd' }))).toBe('conflict');
    expect(await codeOf(addTarget(t(), { campaignId: c.id, organisation: 'Other', motivation: 4 }))).toBe('invalid_input');
    expect(await codeOf(addTarget(t(), { campaignId: 'nope', organisation: 'Other' }))).toBe('not_found');
    expect((await updateTarget(t(), first.id, { status: 'on-hold' })).status).toBe('on-hold');
    expect((await setTargetByName(t(), c.id, 'acme inc', { motivation: 0 })).motivation).toBe(0);
    expect(await codeOf(setTargetByName(t(), c.id, 'Nobody', { motivation: 1 }))).toBe('not_found');
    const contact = await buildContact(t(), { organisation: 'Acme', tie: 'close' });
    expect((await listTargets(t(), c.id))[0]!.advocacy).toBe(true);
    await updateContact(t(), contact.id, { doNotContact: true });
    expect((await listTargets(t(), c.id))[0]!.advocacy).toBe(false);
  });

  it('suggests whom to ask first from the stored network, with reasons and the way in', async () => {
    t().clock.set('2026-11-26T10:00:00Z');
    const { campaignId } = await loadDemo(t());
    await addTarget(t(), { campaignId, organisation: 'Northbridge Health', motivation: 3 });
    const list = await suggestContacts(t(), { campaignId, limit: 50 });
    const names = list.map((s) => s.name);
    // Asked, met or recently in touch in the sample: not suggested again.
    for (const gone of ['Maya Okafor', 'Liam Chen', 'Daniel Ferreira', 'Priya Raman', 'Sofía Martínez', 'Hannah Weiss'])
      expect(names).not.toContain(gone);
    expect(list[0]).toMatchObject({ name: 'Kenji Watanabe', via: 'Maya Okafor' });
    expect(list.every((s) => s.reasons.length > 0 && typeof s.score === 'number')).toBe(true);
    expect(await codeOf(suggestContacts(t(), { campaignId: 'nope' }))).toBe('not_found');
  });
});
