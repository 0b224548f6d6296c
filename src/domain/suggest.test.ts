import { describe, expect, it } from 'vitest';
import { suggest, type SuggestContact, type SuggestInput } from './suggest.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const person = (id: string, over: Partial<SuggestContact> = {}): SuggestContact => ({
  id,
  name: id,
  tie: 'cold',
  doNotContact: false,
  organisationId: null,
  organisation: null,
  organisationIsAssociation: false,
  title: null,
  tags: [],
  lastTouchAt: null,
  ...over,
});
const input = (contacts: SuggestContact[], over: Partial<SuggestInput> = {}): SuggestInput => ({
  field: 'UX research in healthcare',
  now: NOW,
  contacts,
  introductions: [],
  inCampaign: new Map(),
  requestedAnywhere: new Set(),
  targets: [],
  ...over,
});
const order = (i: SuggestInput) => suggest(i, 50).map((s) => s.contactId);

describe('suggest: whom to ask first', () => {
  it('follows the warmth order of CONTRACTS.md', () => {
    const contacts = [
      person('cold'),
      person('close', { tie: 'close' }),
      person('acq', { tie: 'acquaintance' }),
      person('friend', { tie: 'friend-of-contact' }),
      person('member', { organisation: 'Health UX Guild', organisationId: 'g', organisationIsAssociation: true }),
      person('introduced'),
      person('introducer', { tie: 'close' }),
    ];
    const got = order(input(contacts, { introductions: [{ introducerId: 'introducer', contactId: 'introduced', permission: 'granted' }] }));
    expect(got.filter((id) => id !== 'introducer')).toEqual(['introduced', 'friend', 'acq', 'close', 'member', 'cold']);
  });

  it('excludes do-not-contact, anyone asked or met in this campaign, requested anywhere, or touched in 30 days', () => {
    const contacts = [
      person('dnc', { doNotContact: true, tie: 'acquaintance' }),
      person('scheduled', { tie: 'acquaintance' }),
      person('prospect', { tie: 'acquaintance' }),
      person('elsewhere', { tie: 'acquaintance' }),
      person('recent', { tie: 'acquaintance', lastTouchAt: '2026-02-20T10:00:00Z' }),
      person('older', { tie: 'acquaintance', lastTouchAt: '2026-01-10T10:00:00Z' }),
    ];
    const got = order(
      input(contacts, {
        inCampaign: new Map([
          ['scheduled', 'scheduled'],
          ['prospect', 'prospect'],
        ]),
        requestedAnywhere: new Set(['elsewhere']),
      }),
    );
    expect(got.sort()).toEqual(['older', 'prospect']);
  });

  it('explains itself, favours the field and targets, and names the way in', () => {
    const contacts = [
      person('maya', { tie: 'acquaintance', organisationId: 'nb', organisation: 'Northbridge Health', title: 'UX Researcher' }),
      person('kenji', { tie: 'cold', organisationId: 'nb', organisation: 'Northbridge Health', title: 'Design Manager' }),
      person('baker', { tie: 'cold', organisation: 'Bakery', title: 'Baker' }),
      person('lead', { tie: 'cold', title: 'Head of UX Research' }),
    ];
    const got = suggest(input(contacts, { targets: [{ organisationId: 'nb', motivation: 3, posting: 2, status: 'active' }] }), 10);
    const kenji = got.find((s) => s.contactId === 'kenji')!;
    expect(kenji.via).toBe('maya');
    expect(kenji.viaContactId).toBe('maya');
    expect(kenji.reasons.join(' ')).toMatch(/one of your targets/);
    expect(got.find((s) => s.contactId === 'lead')!.reasons[0]).toMatch(/senior person in the field/);
    expect(got.findIndex((s) => s.contactId === 'kenji')).toBeLessThan(got.findIndex((s) => s.contactId === 'baker'));
    expect(got.every((s) => s.reasons.length > 0)).toBe(true);
  });

  it('drops ruled-out targets and caps the list', () => {
    const contacts = Array.from({ length: 30 }, (_, i) => person(`p${i}`, { tie: 'acquaintance', organisationId: i === 0 ? 'x' : null }));
    const got = suggest(input(contacts, { targets: [{ organisationId: 'x', motivation: 3, posting: 3, status: 'ruled-out' }] }), 5);
    expect(got).toHaveLength(5);
    expect(got.map((s) => s.contactId)).not.toContain('p0');
  });
});
