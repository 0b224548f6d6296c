import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listContacts, updateContact } from '../src/app/contacts.js';
import { importContacts } from '../src/app/import.js';
import { listIntroductions } from '../src/app/introductions.js';
import { listNotes } from '../src/app/notes.js';
import { codeOf, eachDialect } from './harness.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/formats/${name}`, import.meta.url)));
const bytes = (text: string) => new TextEncoder().encode(text);

const LINKEDIN = `First Name,Last Name,URL,Email Address,Company,Position,Connected On
Maya,Okafor,https://www.linkedin.com/in/maya-okafor,,Northbridge Health,UX Researcher,12 Mar 2024
Tom,Lindqvist,https://www.linkedin.com/in/tomlind/,tom@example.org,Lakeside School District,Head of Science,01 Feb 2023
`;

eachDialect('import', (t) => {
  it('imports a LinkedIn export, and importing it again changes nothing', async () => {
    const first = await importContacts(t(), bytes(LINKEDIN), {});
    expect(first).toMatchObject({ format: 'linkedin', rows: 2, created: 2, updated: 0, unchanged: 0, merged: 0, skipped: 0, errors: [] });
    const maya = (await listContacts(t(), { q: 'maya' })).items[0]!;
    expect(maya).toMatchObject({
      organisation: 'Northbridge Health',
      title: 'UX Researcher',
      source: 'linkedin',
      tie: 'acquaintance',
      connectedOn: '2024-03-12',
    });
    const again = await importContacts(t(), bytes(LINKEDIN), {});
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await listContacts(t(), {})).items).toHaveLength(2);
  });

  it('updates the job from a newer export and puts the change on the timeline', async () => {
    await importContacts(t(), bytes(LINKEDIN), {});
    const newer = LINKEDIN.replace('Northbridge Health,UX Researcher', 'CareLoop,Head of Research');
    const r = await importContacts(t(), bytes(newer), {});
    expect(r).toMatchObject({ updated: 1, unchanged: 1 });
    const maya = (await listContacts(t(), { q: 'maya' })).items[0]!;
    expect([maya.organisation, maya.title]).toEqual(['CareLoop', 'Head of Research']);
    const notes = await listNotes(t(), { contactId: maya.id });
    expect(notes.map((n) => n.text)).toEqual([
      'Now Head of Research at CareLoop (was UX Researcher at Northbridge Health), from a LinkedIn import.',
    ]);
  });

  it('dry-runs without writing, and merges duplicates inside one file', async () => {
    const dry = await importContacts(t(), bytes(LINKEDIN), { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 2 });
    expect((await listContacts(t(), {})).items).toHaveLength(0);
    const twice =
      LINKEDIN + 'Maya,Okafor,https://linkedin.com/in/Maya-Okafor,maya@example.org,Northbridge Health,UX Researcher,12 Mar 2024\n';
    const r = await importContacts(t(), bytes(twice), {});
    expect(r).toMatchObject({ rows: 3, created: 2, merged: 1 });
    expect((await listContacts(t(), { q: 'maya' })).items[0]!.emails).toEqual(['maya@example.org']);
  });

  it('finds the contacts it made from rows with only a name: identical rows are one contact, rows that differ stay apart', async () => {
    // A team address is no key either: many people answer it.
    const rows = [
      'Ana,,,,',
      'Ana,,,,',
      'Ana,Engineer,,,',
      'Ana,,,met at the careers fair,',
      'Ben Okafor,,mentor,,',
      'Front desk,,,,info@acme.example',
    ];
    const csv = (lines: string[]) => bytes(`Name,Title,Tags,Notes,Email\n${lines.join('\n')}\n`);
    const first = await importContacts(t(), csv(rows), {});
    expect(first).toMatchObject({ rows: 6, created: 5, merged: 1, updated: 0, unchanged: 0 });
    const anas = (await listContacts(t(), { q: 'ana' })).items;
    expect(anas.map((c) => c.title).sort()).toEqual(['Engineer', null, null]);

    const again = await importContacts(t(), csv(rows), {});
    expect(again).toMatchObject({ created: 0, updated: 0, merged: 0, unchanged: 6 });
    // The same rows in another order find the same contacts: the plain "Ana" is not taken for the one with a note.
    const reordered = await importContacts(t(), csv([...rows].reverse()), {});
    expect(reordered).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect((await listContacts(t(), { limit: 100 })).items).toHaveLength(5);
    const notes = await Promise.all(anas.filter((c) => !c.title).map((c) => listNotes(t(), { contactId: c.id })));
    expect(notes.map((n) => n.map((x) => x.text)).sort()).toEqual([[], ['met at the careers fair']]);
  });

  it('a name-only row is the contact only when it is identical to what the same source made', async () => {
    await importContacts(t(), bytes('Name,Title\nAna,\n'), {});
    const ana = (await listContacts(t(), { q: 'ana' })).items[0]!;
    // What the user owns (tie, research) may change; the row still finds its contact.
    await updateContact(t(), ana.id, { tie: 'close', research: 'Runs the design meetup.' });
    expect(await importContacts(t(), bytes('Name,Title\nAna,\n'), {})).toMatchObject({ created: 0, unchanged: 1 });
    // A field the file carries was changed: the row no longer describes that contact.
    await updateContact(t(), ana.id, { title: 'Designer' });
    expect(await importContacts(t(), bytes('Name,Title\nAna,\n'), {})).toMatchObject({ created: 1, unchanged: 0 });
    // Another source's "Ana" (a vCard) is someone the user will have to tell apart themselves.
    const vcard = bytes('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nN:;Ana;;;\r\nEND:VCARD\r\n');
    expect(await importContacts(t(), vcard, {})).toMatchObject({ format: 'vcard', created: 1 });
    expect(await importContacts(t(), vcard, {})).toMatchObject({ created: 0, unchanged: 1 });
    expect((await listContacts(t(), { q: 'ana' })).items).toHaveLength(3);
  });

  it('makes a "Referred By" person who is not in the file once, not on every re-import', async () => {
    const file = fixture('outlook-desktop.csv');
    const first = await importContacts(t(), file, {});
    const contacts = (await listContacts(t(), { limit: 100 })).items;
    expect(first.created).toBeGreaterThan(first.rows);
    const again = await importContacts(t(), file, {});
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: first.rows });
    expect((await listContacts(t(), { limit: 100 })).items).toHaveLength(contacts.length);
    const referred = contacts.find((c) => c.introducedBy)!;
    expect(await listIntroductions(t(), referred.id)).toHaveLength(1);
  });

  it('two rows of one file that disagree about a job do not swap it on every re-import', async () => {
    const twice = `${LINKEDIN}Maya,Okafor,https://www.linkedin.com/in/maya-okafor,,CareLoop,Head of Research,12 Mar 2024\n`;
    expect(await importContacts(t(), bytes(twice), {})).toMatchObject({ created: 2, merged: 1 });
    for (let i = 0; i < 2; i++) expect(await importContacts(t(), bytes(twice), {})).toMatchObject({ updated: 0, unchanged: 3 });
    const maya = (await listContacts(t(), { q: 'maya' })).items[0]!;
    expect([maya.organisation, maya.title]).toEqual(['Northbridge Health', 'UX Researcher']);
    expect(await listNotes(t(), { contactId: maya.id })).toEqual([]);
  });

  it('people who share one address are still told apart and found again when their file is imported again', async () => {
    // 15 people of one team share an address (not a role name like team@ or info@); each appears twice.
    const given = ['Maya', 'Tom', 'Priya', 'Daniel', 'Aisha'];
    const family = ['Okafor', 'Lindqvist', 'Haddad'];
    const people = given.flatMap((g) => family.map((f) => `${g} ${f}`));
    const lines = people.flatMap((n) => [`${n},uxguild@northbridge.example,`, `${n},uxguild@northbridge.example,research`]);
    const csv = bytes(`Name,Email,Tags\n${lines.join('\n')}\n`);
    expect(await importContacts(t(), csv, {})).toMatchObject({ rows: 30, created: 15, merged: 15 });
    expect(await importContacts(t(), csv, {})).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    expect((await listContacts(t(), { limit: 100 })).items).toHaveLength(15);
  });

  it('commits all or nothing: a file with only bad rows, or --strict with one, writes nothing', async () => {
    const bad = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n,,,,,,12 Mar 2024\n,,,,,,01 Jan 2020\n';
    expect(await codeOf(importContacts(t(), bytes(bad), {}))).toBe('import_failed');
    const oneBad = LINKEDIN + ',,,,,,12 Mar 2024\n';
    expect(await codeOf(importContacts(t(), bytes(oneBad), { strict: true }))).toBe('import_failed');
    expect((await listContacts(t(), {})).items).toHaveLength(0);
    const lenient = await importContacts(t(), bytes(oneBad), {});
    expect(lenient.created).toBe(2);
    expect(lenient.errors).toEqual([{ line: 4, message: expect.stringMatching(/no name/) }]);
    expect(await codeOf(importContacts(t(), bytes(''), {}))).toBe('import_failed');
    expect(await codeOf(importContacts(t(), bytes('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'), {}))).toBe(
      'import_failed',
    );
    expect(await codeOf(importContacts(t(), fixture('unterminated-quote.csv'), {}))).toBe('import_failed');
    expect((await listContacts(t(), {})).items).toHaveLength(2);
  });

  it('turns Outlook\'s "Referred By" into an introduction', async () => {
    const r = await importContacts(t(), fixture('outlook-desktop.csv'), {});
    expect(r.format).toBe('outlook');
    const all = (await listContacts(t(), { limit: 100 })).items;
    const referred = all.filter((c) => c.introducedBy);
    expect(referred.length).toBeGreaterThan(0);
    const intros = await listIntroductions(t(), referred[0]!.id);
    expect(intros[0]!.permission).toBe('not-asked');
  });

  it('reads vCards, Google and generic CSVs by content', async () => {
    for (const [file, format] of [
      ['vcard-30.vcf', 'vcard'],
      ['google-contacts.csv', 'google'],
      ['generic-synonyms.csv', 'csv'],
    ] as const) {
      const r = await importContacts(t(), fixture(file), {});
      expect(r.format).toBe(format);
      expect(r.created + r.updated + r.unchanged).toBeGreaterThan(0);
    }
  });
});
