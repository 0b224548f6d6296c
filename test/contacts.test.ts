import { expect, it } from 'vitest';
import { createContact, deleteContact, getContact, listContacts, updateContact, contactTimeline } from '../src/app/contacts.js';
import { createOrganisation, listOrganisations, updateOrganisation } from '../src/app/organisations.js';
import { addNote } from '../src/app/notes.js';
import { logTouch } from '../src/app/touches.js';
import { search } from '../src/app/search.js';
import { AppError } from '../src/domain/errors.js';
import { eachDialect, START } from './harness.js';
import { buildContact } from './factories.js';

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
};

eachDialect('contacts', (t) => {
  it('creates a contact in the shape scripts rely on, splitting the name and matching the organisation', async () => {
    const c = await createContact(t(), {
      name: 'Ana María López',
      emails: ['Ana@Example.org', 'ana@example.org'],
      phones: ['+1 415 555 0100'],
      organisation: 'ACME, Inc.',
      tags: ['ux', 'ux', 'health'],
      linkedinUrl: 'https://www.linkedin.com/in/ana',
    });
    expect(c).toMatchObject({
      name: 'Ana María López',
      givenName: 'Ana María',
      familyName: 'López',
      emails: ['ana@example.org'],
      phones: ['+1 415 555 0100'],
      organisation: 'ACME, Inc.',
      tags: ['ux', 'health'].sort(),
      tie: 'acquaintance',
      doNotContact: false,
      source: 'manual',
      introducedBy: null,
    });
    const other = await createContact(t(), { name: 'Bo Chen', organisation: 'acme' });
    expect(other.organisationId).toBe(c.organisationId);
    expect(await listOrganisations(t(), {})).toHaveLength(1);
  });

  it('rejects bad input field by field and writes nothing', async () => {
    const e = await errorOf(
      createContact(t(), { name: '  ', emails: ['not-an-email'], tie: 'bestie', linkedinUrl: 'javascript:alert(1)' }),
    );
    expect(e.code).toBe('invalid_input');
    const fields = (e.details as { fields: { field: string }[] }).fields.map((f) => f.field).sort();
    expect(fields).toEqual(['emails.0', 'linkedinUrl', 'name', 'tie']);
    expect((await listContacts(t(), {})).items).toHaveLength(0);
    expect((await errorOf(createContact(t(), { name: 'X', colour: 'blue' }))).code).toBe('invalid_input');
  });

  it('edits only the fields given, and re-splits a new name', async () => {
    const c = await buildContact(t(), { name: 'Sam Taylor', title: 'Designer', tags: ['a'] });
    t().clock.advance(60_000);
    const u = await updateContact(t(), c.id, { name: 'Samantha Taylor-Reid', tie: 'close' });
    expect(u).toMatchObject({
      name: 'Samantha Taylor-Reid',
      givenName: 'Samantha',
      familyName: 'Taylor-Reid',
      title: 'Designer',
      tags: ['a'],
      tie: 'close',
    });
    expect(u.updatedAt > c.updatedAt).toBe(true);
    const cleared = await updateContact(t(), c.id, { title: null, organisation: '' });
    expect(cleared.title).toBeNull();
    expect(cleared.organisation).toBeNull();
    expect((await errorOf(updateContact(t(), 'nope', { title: 'x' }))).code).toBe('not_found');
  });

  it('lists a page at a time, sorted, with hasMore', async () => {
    for (const name of ['Zoë Adams', 'émile Brun', 'Carla Diaz', 'bob Evans', 'Ann Ford']) await createContact(t(), { name });
    const first = await listContacts(t(), { limit: 2 });
    expect(first.items.map((c) => c.name)).toEqual(['Ann Ford', 'bob Evans']);
    expect(first.hasMore).toBe(true);
    const rest = await listContacts(t(), { limit: 10, offset: 2 });
    expect(rest.items.map((c) => c.name)).toEqual(['Carla Diaz', 'émile Brun', 'Zoë Adams']);
    expect(rest.hasMore).toBe(false);
    expect((await listContacts(t(), { sort: '-name', limit: 1 })).items[0]!.name).toBe('Zoë Adams');
    // Following the cursors visits every contact once, in order, in both directions.
    for (const sort of ['name', '-name', 'created', '-updated'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listContacts(t(), { sort, limit: 2, cursor });
        seen.push(...page.items.map((c) => c.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const all = (await listContacts(t(), { sort, limit: 100 })).items.map((c) => c.name);
      expect(seen).toEqual(all);
      expect(all).toHaveLength(5);
    }
    expect((await errorOf(listContacts(t(), { cursor: 'garbage' }))).code).toBe('invalid_input');
    expect((await errorOf(listContacts(t(), { limit: 0 }))).code).toBe('invalid_input');
  });

  it('finds contacts by prefixes of any searchable field, regardless of accents and case', async () => {
    await createContact(t(), {
      name: 'José Álvarez',
      organisation: 'Northbridge Health',
      title: 'Research Lead',
      emails: ['jose@nb-health.org'],
    });
    await createContact(t(), { name: 'Joanna North', tags: ['ux'] });
    await createContact(t(), { name: 'Kim Lee', research: 'Moved from nursing into research' });
    const names = async (q: string) => (await listContacts(t(), { q })).items.map((c) => c.name);
    expect(await names('jose')).toEqual(['José Álvarez']);
    expect(await names('ALVA')).toEqual(['José Álvarez']);
    expect(await names('nort')).toEqual(['Joanna North', 'José Álvarez']);
    expect(await names('north heal')).toEqual(['José Álvarez']);
    expect(await names('nb-health')).toEqual(['José Álvarez']);
    expect(await names('nursing')).toEqual(['Kim Lee']);
    expect(await names('jo ux')).toEqual(['Joanna North']);
    expect(await names('"); drop table contacts; --')).toEqual([]);
    expect(await names('zzz')).toEqual([]);
    // Every word is indexed, not just the first few.
    await createContact(t(), {
      name: 'Long Record',
      research: 'one two three four five six seven eight nine ten eleven twelve thirteen',
      tags: ['lastword'],
    });
    expect(await names('thirteen')).toEqual(['Long Record']);
    expect(await names('lastword')).toEqual(['Long Record']);
  });

  it('orders a search matching many contacts exactly as one matching few', async () => {
    // Past a thousand matches SQLite walks the name index instead of sorting the matches; both
    // plans must give the same pages.
    const many = 1010;
    await t().store.transaction(async (tx) => {
      for (let i = 0; i < many; i++) {
        const name = `Member${String((i * 7919) % many).padStart(4, '0')} Guild`;
        await tx.contacts.insert(
          t().userId,
          t().ids(),
          {
            name,
            givenName: null,
            familyName: null,
            emails: [],
            phones: [],
            organisationId: null,
            title: null,
            linkedinUrl: null,
            location: null,
            tags: [],
            tie: 'cold',
            doNotContact: false,
            source: 'manual',
            connectedOn: null,
            research: i % 100 === 0 ? 'rare' : null,
          },
          START,
        );
      }
    });
    const page = await listContacts(t(), { q: 'guild', limit: 3 });
    expect(page.items.map((c) => c.name)).toEqual(['Member0000 Guild', 'Member0001 Guild', 'Member0002 Guild']);
    const rare = await listContacts(t(), { q: 'rare guild', limit: 20 });
    expect(rare.items.map((c) => c.name)).toEqual(rare.items.map((c) => c.name).sort());
    expect(rare.items).toHaveLength(11);
  });

  it('keeps search current when a contact or their organisation changes', async () => {
    const c = await createContact(t(), { name: 'Rita Moreno', organisation: 'Old Co' });
    await updateContact(t(), c.id, { name: 'Rita Hayworth' });
    expect((await listContacts(t(), { q: 'moreno' })).items).toHaveLength(0);
    expect((await listContacts(t(), { q: 'hayworth' })).items).toHaveLength(1);
    await updateOrganisation(t(), c.organisationId!, { name: 'Brand New Ventures' });
    expect((await listContacts(t(), { q: 'ventures' })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await errorOf(createOrganisation(t(), { name: 'brand new ventures' }))).code).toBe('conflict');
  });

  it("searches notes too, and shows a person's timeline newest first", async () => {
    const c = await buildContact(t());
    await logTouch(t(), { contactId: c.id, channel: 'email', purpose: 'request', at: '2026-03-01T10:00:00Z' });
    await addNote(t(), {
      contactId: c.id,
      text: 'Hospitals hire researchers through contracts first.',
      kinds: ['job-market', 'search-tips'],
      at: '2026-03-02T08:00:00Z',
    });
    const tl = await contactTimeline(t(), c.id);
    expect(tl.map((i) => i.type)).toEqual(['note', 'touch']);
    const found = await search(t(), { q: 'contract' });
    expect(found.notes).toHaveLength(1);
    expect(found.notes[0]!.kinds).toEqual(['job-market', 'search-tips']);
    expect((await errorOf(search(t(), { q: ' ' }))).code).toBe('invalid_input');
  });

  it('deletes a contact with what hangs off it', async () => {
    const c = await buildContact(t());
    await addNote(t(), { contactId: c.id, text: 'hello' });
    await deleteContact(t(), c.id);
    expect((await errorOf(getContact(t(), c.id))).code).toBe('not_found');
    expect((await search(t(), { q: 'hello' })).notes).toHaveLength(0);
    expect((await errorOf(deleteContact(t(), c.id))).code).toBe('not_found');
  });

  it('keeps users apart', async () => {
    const c = await buildContact(t());
    const otherUser = t().ids();
    await t().store.users.insert({
      id: otherUser,
      email: 'other@example.org',
      name: null,
      role: 'member',
      createdAt: '2026-01-01T00:00:00Z',
    });
    const other = { ...t(), userId: otherUser };
    expect((await errorOf(getContact(other, c.id))).code).toBe('not_found');
    expect((await listContacts(other, { q: 'person' })).items).toHaveLength(0);
  });
});
