import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { createContact, getContact, listContacts } from '../src/app/contacts.js';
import { exportContacts } from '../src/app/export.js';
import { importContacts } from '../src/app/import.js';
import { addIntroduction } from '../src/app/introductions.js';
import { csvCell } from '../src/formats/csv-write.js';
import { foldLine } from '../src/formats/vcard-write.js';
import { eachDialect } from './harness.js';

const collect = async (gen: AsyncGenerator<string>) => {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
};

it('neutralises cells a spreadsheet would run as formulas', () => {
  expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
  expect(csvCell('+1 415 555 0100')).toBe("'+1 415 555 0100");
  expect(csvCell('-5')).toBe("'-5");
  expect(csvCell('@here')).toBe("'@here");
  expect(csvCell('\tx')).toBe("'\tx");
  expect(csvCell('a, "b"')).toBe('"a, ""b"""');
  expect(csvCell('plain')).toBe('plain');
});

it('folds long vCard lines at 75 octets without splitting characters', () => {
  const line = 'NOTE:' + 'é'.repeat(80);
  const folded = foldLine(line);
  for (const physical of folded.split('\r\n')) expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
  expect(folded.replace(/\r\n /g, '')).toBe(line);
});

eachDialect('export', (t) => {
  it('writes vCard 4.0 that another parser reads, and that imports back with its introductions', async () => {
    const maya = await createContact(t(), {
      name: 'Maya Okafor',
      emails: ['maya@example.org', 'm.okafor@work.example'],
      phones: ['+1 415 555 0100'],
      organisation: 'Northbridge; Health, Inc.',
      title: 'Senior UX Researcher',
      tags: ['ux', 'health'],
      research: 'Ran the portal study.\nSpoke at the meetup about recruiting clinicians, which was long enough to need folding.',
      linkedinUrl: 'https://www.linkedin.com/in/maya-okafor',
    });
    const tom = await createContact(t(), { name: 'Tom Lind' });
    await addIntroduction(t(), { introducerId: tom.id, contactId: maya.id, permission: 'granted' });
    const text = await collect(exportContacts(t(), { format: 'vcard' }));
    const parsed = (ICAL.parse(text) as unknown as unknown[][]).map((c) => new ICAL.Component(c));
    expect(parsed).toHaveLength(2);
    const card = parsed.find((c) => c.getFirstPropertyValue('fn') === 'Maya Okafor')!;
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getFirstPropertyValue('org')).toBe('Northbridge; Health, Inc.');
    expect(card.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['maya@example.org', 'm.okafor@work.example']);
    expect(card.getFirstPropertyValue('note')).toContain('\nSpoke at the meetup');
    expect(card.getFirstProperty('related')!.getParameter('type')).toBe('met');
    expect(card.getFirstPropertyValue('related')).toBe(`urn:uuid:${tom.id}`);

    // Into an empty database of its own: the same people and the introduction come back.
    await t().store.transaction(async (tx) => {
      for (const c of (await tx.contacts.list(t().userId, { limit: 10, offset: 0 })) ?? []) await tx.contacts.delete(t().userId, c.id);
    });
    const report = await importContacts(t(), new TextEncoder().encode(text), {});
    expect(report).toMatchObject({ format: 'vcard', created: 2, errors: [] });
    const back = (await listContacts(t(), { q: 'maya' })).items[0]!;
    expect(back).toMatchObject({
      emails: ['maya@example.org', 'm.okafor@work.example'],
      phones: ['+1 415 555 0100'],
      organisation: 'Northbridge; Health, Inc.',
      title: 'Senior UX Researcher',
      tags: ['health', 'ux'],
      linkedinUrl: 'https://www.linkedin.com/in/maya-okafor',
    });
    expect((await getContact(t(), back.introducedBy!)).name).toBe('Tom Lind');
  });

  it('writes CSV with formulas neutralised, which imports back without the apostrophes', async () => {
    await createContact(t(), {
      name: 'Eve Hacker',
      title: '=HYPERLINK("http://evil.example","click")',
      emails: ['eve@example.org'],
      tags: ['@risky'],
    });
    const text = await collect(exportContacts(t(), { format: 'csv' }));
    expect(text.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    await t().store.transaction(async (tx) => {
      for (const c of await tx.contacts.list(t().userId, { limit: 10, offset: 0 })) await tx.contacts.delete(t().userId, c.id);
    });
    const report = await importContacts(t(), new TextEncoder().encode(text), {});
    expect(report).toMatchObject({ format: 'csv', created: 1 });
    const eve = (await listContacts(t(), {})).items[0]!;
    expect(eve).toMatchObject({ name: 'Eve Hacker', title: '=HYPERLINK("http://evil.example","click")', emails: ['eve@example.org'] });
  });
});
