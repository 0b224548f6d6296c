import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { readAllContacts } from './read-contacts.js';
import { appErrorOf, chunked, contact, fixture, fixtureText } from './test-support.js';

const v21Records = [
  contact(1, {
    name: 'Ana María López',
    givenName: 'Ana María',
    familyName: 'López',
    // PREF first, whatever the order in the card.
    emails: ['ana.lopez@acme.example', 'ana@home.example'],
    phones: ['+34 600 000 000', '+34 910 000 000'],
    organisation: 'Acme Santé',
    title: 'Head of Research',
    location: 'Madrid, España',
    // The note's soft line break ("clinica=" + "l research") is joined; =0D=0A is a real line break.
    notes: [
      'Met at the café on a Tuesday; she knows everyone in clinical research.',
      'Second line.',
      'Department: Investigación',
      'Address: Calle Mayor 1, Madrid, 28013, España',
    ].join('\n'),
  }),
  contact(19, {
    name: 'José Müller',
    givenName: 'José',
    familyName: 'Müller',
    phones: ['+41 44 000 00 00'],
    notes: 'X-ANDROID-CUSTOM: vnd.android.cursor.item/nickname;Pepe;1;;;;;;;;;;;;;',
  }),
];

describe('vCard 2.1', () => {
  it('decodes quoted-printable with soft line breaks and CHARSET (UTF-8 and ISO-8859-1), bare TYPE parameters, inline photos', async () => {
    expect(fixtureText('vcard-21.vcf')).toContain('clinica=\r\nl research');
    const result = await readAllContacts(fixture('vcard-21.vcf'));
    expect(result.format).toEqual({ format: 'vcard', encoding: 'utf8', archiveEntry: null });
    expect(result.records).toEqual(v21Records);
    expect(result.errors).toEqual([]);
  });

  it('gives the same cards when streamed a byte at a time', async () => {
    const result = await readAllContacts(chunked(fixture('vcard-21.vcf'), [1]));
    expect(result.records).toEqual(v21Records);
  });
});

describe('vCard 3.0', () => {
  it('reads folded lines, item groups with X-ABLabel, BDAY without a year, Apple details', async () => {
    const result = await readAllContacts(fixture('vcard-30.vcf'));
    expect(result.format.format).toBe('vcard');
    expect(result.records).toEqual([
      contact(1, {
        name: 'Farid Haddad',
        givenName: 'Farid',
        familyName: 'Haddad',
        emails: ['farid@umbrella.example', 'farid.h@mail.example'],
        phones: ['+1 (617) 555-0142'],
        organisation: 'Umbrella Health, Inc.',
        title: 'Senior UX Researcher',
        // item3.URL is labelled "LinkedIn"; item4.URL (HomePage) is kept as a note under its label.
        linkedinUrl: 'https://www.linkedin.com/in/farid-haddad',
        location: 'Boston, MA, USA',
        tags: ['Mentors', 'Healthcare'],
        birthday: '--03-12',
        notes: [
          'Introduced by Ana at the meetup.',
          'Ask about the patient portal study, and the research ops team.',
          'Department: Design',
          'HomePage: https://farid.example',
          'Address: 1 Main Street, Boston, MA, 02110, USA',
        ].join('\n'),
        related: [{ value: 'Ana María López', type: 'friend' }],
        uid: '5f0c7e0a-3f1d-4a63-9d56-0e1b2c3d4e5f',
      }),
      // Apple's "no year" birthday: X-APPLE-OMIT-YEAR=1604.
      contact(27, { name: 'Grace Ho', givenName: 'Grace', familyName: 'Ho', emails: ['grace@example.org'], birthday: '--08-15' }),
      // A 2.1-style bare parameter (TEL;CELL) that ical.js rejects: the card is still read.
      contact(34, { name: 'Kofi Mensah', givenName: 'Kofi', familyName: 'Mensah', phones: ['+233 20 000 0000'] }),
    ]);
    expect(result.errors).toEqual([]);
  });
});

describe('vCard 4.0', () => {
  it('reads RELATED;TYPE=met, PREF ordering, tel: URIs, basic-format dates', async () => {
    const result = await readAllContacts(fixture('vcard-40.vcf'));
    expect(result.records).toEqual([
      contact(1, {
        name: 'Chen Wei',
        givenName: 'Chen',
        familyName: 'Wei',
        emails: ['chen@home.example', 'chen.wei@globex.example'],
        phones: ['+86-10-5555-0100'],
        organisation: 'Globex',
        title: 'Director, Strategy',
        linkedinUrl: 'https://www.linkedin.com/in/chenwei',
        birthday: '1990-03-12',
        notes: 'Anniversary: 2015-06-01',
        related: [
          { value: 'urn:uuid:0c5f9c1e-2b7d-4f3a-8e21-6a9d4c3b2a10', type: 'met' },
          { value: 'Dana Fox', type: 'colleague' },
        ],
        uid: 'urn:uuid:7d3b2a10-9c1e-4f3a-8e21-0c5f6a9d4c3b',
      }),
    ]);
  });

  it('keeps a birthday that is not a date as a note instead of reshaping it', async () => {
    const card = 'BEGIN:VCARD\nVERSION:4.0\nFN:Ida Moss\nBDAY:circa 1800\nEND:VCARD\n';
    const result = await readAllContacts(strToU8(card));
    expect(result.records).toEqual([contact(1, { name: 'Ida Moss', givenName: 'Ida', familyName: 'Moss', notes: 'Birthday: circa 1800' })]);
  });
});

describe('organisation cards', () => {
  it('does not split the name of a company card into given and family names', async () => {
    const cards = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nFN:Acme Health Partners\r\nORG:Acme Health Partners;\r\nX-ABShowAs:COMPANY\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Globex Corporation\r\nEND:VCARD',
    ].join('\r\n');
    const result = await readAllContacts(strToU8(cards));
    expect(result.records).toEqual([
      contact(1, { name: 'Acme Health Partners', organisation: 'Acme Health Partners' }),
      contact(8, { name: 'Globex Corporation', notes: 'Kind: org' }),
    ]);
  });
});

describe('bad cards', () => {
  it('reports each bad card with its line and reads the others', async () => {
    const result = await readAllContacts(fixture('vcard-bad-cards.vcf'));
    expect(result.records).toEqual([
      contact(1, { name: 'First Good', givenName: 'First', familyName: 'Good' }),
      contact(17, { name: 'Second Good', givenName: 'Second', familyName: 'Good' }),
      contact(22, { name: 'Third Good', givenName: 'Third', familyName: 'Good' }),
    ]);
    expect(result.errors).toEqual([
      { line: 5, message: 'The card has no END:VCARD before the next BEGIN:VCARD; it was skipped.' },
      { line: 8, message: 'The card has no name, e-mail, phone, LinkedIn URL or organisation.' },
      { line: 12, message: 'Line 15 is not a vCard property: "this line is not a property".' },
      { line: 21, message: 'Text outside BEGIN:VCARD … END:VCARD was ignored.' },
    ]);
  });

  it('refuses a file that ends inside its only card, naming the line', async () => {
    const error = await appErrorOf(() => readAllContacts(fixture('vcard-truncated.vcf')));
    expect(error.code).toBe('import_failed');
    expect(error.message).toBe('The vCard starting at line 1 has no END:VCARD; the file may be cut short.');
    expect(error.details).toEqual({ line: 1 });
  });

  it('reports a last card without END:VCARD when earlier cards were complete', async () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:Done\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cut\n';
    const result = await readAllContacts(strToU8(text));
    expect(result.records).toEqual([contact(1, { name: 'Done', givenName: 'Done' })]);
    expect(result.errors).toEqual([{ line: 5, message: 'The card has no END:VCARD (the file ends inside it); it was skipped.' }]);
  });
});
