import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { listContacts } from '../src/app/contacts.js';
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
