import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { readAllContacts, readContacts } from './read-contacts.js';
import { appErrorOf, chunked, contact, fixture, fixtureText } from './test-support.js';

const linkedinRecords = [
  contact(6, {
    name: 'Ana María López',
    givenName: 'Ana María',
    familyName: 'López',
    organisation: 'Acme, Inc.',
    title: 'Head of Research',
    linkedinUrl: 'https://www.linkedin.com/in/ana-maria-lopez',
    connectedOn: '2024-03-12',
  }),
  contact(7, {
    name: "Bob O'Neil",
    givenName: 'Bob',
    familyName: "O'Neil",
    emails: ['bob.oneil@example.com'],
    organisation: 'Northwind',
    title: 'Senior "Staff" Engineer',
    linkedinUrl: 'https://www.linkedin.com/in/bob-oneil',
    connectedOn: '2023-02-01',
  }),
  contact(8, {
    name: 'Chen Wei',
    givenName: 'Chen',
    familyName: 'Wei',
    organisation: 'Globex',
    title: 'Director, Strategy and Operations',
    linkedinUrl: 'https://www.linkedin.com/in/chenwei',
    connectedOn: '2024-02-29',
  }),
  contact(11, {
    name: 'Dana Fox',
    givenName: 'Dana',
    familyName: 'Fox',
    linkedinUrl: 'https://www.linkedin.com/in/dana-fox',
    connectedOn: '2021-01-05',
  }),
  contact(12, {
    name: 'Eve Martin',
    givenName: 'Eve',
    familyName: 'Martin',
    organisation: 'Initech',
    title: 'Analyst',
    linkedinUrl: 'https://www.linkedin.com/in/eve-martin',
    notes: 'Connected On: 31 Feb 2024',
  }),
];
const linkedinErrors = [{ line: 13, message: 'The row has no name, e-mail, phone, LinkedIn URL or organisation.' }];

describe('LinkedIn Connections.csv', () => {
  it('reads the current export: BOM, CRLF, "Notes:" preamble, quoted commas, doubled quotes, multi-line fields', async () => {
    const bytes = fixture('linkedin-connections.csv');
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(fixtureText('linkedin-connections.csv')).toContain('\r\n');
    const result = await readAllContacts(bytes);
    expect(result.format).toEqual({ format: 'linkedin', encoding: 'utf8', archiveEntry: null });
    // Row 8 spans two lines (a multi-line Position); row 10 is empty and skipped without an error;
    // "31 Feb 2024" is not a date and is kept as a note; row 13 names no one.
    expect(result.records).toEqual(linkedinRecords);
    expect(result.errors).toEqual(linkedinErrors);
  });

  it('reads the older export without the URL column', async () => {
    const result = await readAllContacts(fixture('linkedin-connections-old.csv'));
    expect(result.format.format).toBe('linkedin');
    expect(result.records).toEqual([
      contact(2, {
        name: 'Farid Haddad',
        givenName: 'Farid',
        familyName: 'Haddad',
        emails: ['farid@example.org'],
        organisation: 'Umbrella Health',
        title: 'UX Researcher',
        connectedOn: '2019-11-03',
      }),
      contact(3, { name: 'Grace Ho', givenName: 'Grace', familyName: 'Ho', connectedOn: '2018-08-15' }),
    ]);
    expect(result.errors).toEqual([]);
  });

  it('finds Connections.csv inside the ZIP archive LinkedIn sends', async () => {
    const zip = zipSync({
      'Profile.csv': strToU8('First Name,Last Name,Headline\nMe,Myself,Job seeker\n'),
      'Connections.csv': fixture('linkedin-connections.csv'),
      'messages.csv': strToU8('FROM,TO,CONTENT\nAna,Me,"Hello, there"\n'),
    });
    const result = await readAllContacts(zip);
    expect(result.format).toEqual({ format: 'linkedin', encoding: 'utf8', archiveEntry: 'Connections.csv' });
    expect(result.records).toEqual(linkedinRecords);
    expect(result.errors).toEqual(linkedinErrors);
  });

  it('finds Connections.csv in a folder of the archive, also when streamed in small chunks', async () => {
    const zip = zipSync({ 'Basic_LinkedInDataExport_03-12-2024/Connections.csv': fixture('linkedin-connections.csv') });
    const result = await readAllContacts(chunked(zip, [100, 3]));
    expect(result.format.archiveEntry).toBe('Basic_LinkedInDataExport_03-12-2024/Connections.csv');
    expect(result.records).toEqual(linkedinRecords);
  });

  it('gives the same records when the bytes arrive in chunks that split characters and CRLFs', async () => {
    const bytes = fixture('linkedin-connections.csv');
    for (const sizes of [[1], [2, 3], [7], [64]]) {
      const result = await readAllContacts(chunked(bytes, sizes));
      expect(result.records).toEqual(linkedinRecords);
      expect(result.errors).toEqual(linkedinErrors);
    }
  });
});

const googleRecords = [
  contact(2, {
    name: 'Ana María López',
    givenName: 'Ana María',
    familyName: 'López',
    // "* Work" on E-mail 2 makes it the primary address; " ::: " separates two home addresses.
    emails: ['ana.lopez@acme.example', 'ana@home.example', 'ana.lopez@other.example'],
    phones: ['+34 600 000 000', '+34 910 000 000'],
    organisation: 'Acme Health',
    title: 'Head of Research',
    linkedinUrl: 'https://www.linkedin.com/in/ana-lopez',
    location: 'Madrid, Comunidad de Madrid, Spain',
    tags: ['Friends', 'UX'],
    birthday: '--03-12',
    notes: [
      'Met at the UX meetup.',
      'Wants to hear about clinics.',
      'Name Prefix: Dr.',
      'Nickname: Nana',
      'Organization Department: Research',
      'Address 1 - Street: Calle Mayor 1',
      'Address 1 - Postal Code: 28013',
    ].join('\n'),
  }),
  contact(6, {
    name: 'Bob Stone',
    givenName: 'Bob',
    familyName: 'Stone',
    emails: ['bob@example.net'],
    // The value marked "* " comes first.
    phones: ['+1 555 0100', '+1 555 0101'],
    birthday: '1985-07-04',
  }),
  contact(7, {
    name: 'Globex Corporation',
    phones: ['+44 20 7946 0000'],
    organisation: 'Globex Corporation',
    location: 'London, United Kingdom',
    tags: ['Vendors'],
  }),
];

describe('Google Contacts CSV', () => {
  it('reads the current header: " ::: " lists, "* " primary values, labels as tags, birthdays without a year', async () => {
    const result = await readAllContacts(fixture('google-contacts.csv'));
    expect(result.format).toEqual({ format: 'google', encoding: 'utf8', archiveEntry: null });
    expect(result.records).toEqual(googleRecords);
    expect(result.errors).toEqual([{ line: 9, message: 'The row has no name, e-mail, phone, LinkedIn URL or organisation.' }]);
  });

  it('reads the legacy header (Given Name, Organization 1 - Name, Group Membership)', async () => {
    const result = await readAllContacts(fixture('google-contacts-legacy.csv'));
    expect(result.format.format).toBe('google');
    expect(result.records).toEqual([
      contact(2, {
        name: 'Carla Núñez',
        givenName: 'Carla',
        familyName: 'Núñez',
        emails: ['carla@work.example', 'carla@home.example'],
        phones: ['+351 910 000 000'],
        organisation: 'Initech',
        title: 'Product Designer',
        location: 'Lisbon',
        tags: ['Coworkers', 'Starred'],
        birthday: '--11-05',
        notes: 'Occupation: Designer',
      }),
      // Only a full name: split at the last space.
      contact(3, { name: 'Dev Patel', givenName: 'Dev', familyName: 'Patel', emails: ['dev@patel.example'] }),
    ]);
    expect(result.errors).toEqual([]);
  });
});

const outlookRecords = [
  contact(2, {
    name: 'José Müller',
    givenName: 'José',
    familyName: 'Müller',
    emails: ['jose.muller@cafe.example'],
    phones: ['+41 79 000 00 00', '+41 44 000 00 00'],
    organisation: 'Café Zoë GmbH',
    title: 'Chef – Küche',
    linkedinUrl: 'https://www.linkedin.com/in/jose-muller',
    location: 'Zürich, Switzerland',
    tags: ['Food', 'Mentors'],
    birthday: '1980-03-12',
    // "Title" is Outlook's honorific, kept as a note; the defaults Outlook writes on every row are not.
    notes: 'Said “call me Pepe”.\nBudget 5 000 €.\nTitle: Dr.\nDepartment: Küche',
    referredBy: 'Ana María López',
  }),
  contact(4, {
    name: 'Renée Øster',
    givenName: 'Renée',
    familyName: 'Øster',
    emails: ['renee@smorrebrod.example', 'renee.oster@mail.example'],
    organisation: 'Smørrebrød A/S',
    title: 'Head of Sales',
    location: 'Aarhus, Denmark',
    notes: 'Hobby: Sailing',
  }),
];

describe('Outlook CSV', () => {
  const text = fixtureText('outlook-desktop.csv');

  it('reads the desktop export (UTF-8)', async () => {
    const result = await readAllContacts(fixture('outlook-desktop.csv'));
    expect(result.format).toEqual({ format: 'outlook', encoding: 'utf8', archiveEntry: null });
    expect(result.records).toEqual(outlookRecords);
    expect(result.errors).toEqual([]);
  });

  it('detects and decodes Windows-1252', async () => {
    const bytes = iconv.encode(text, 'windows1252');
    expect(bytes.includes(0x80)).toBe(true); // "€" in Windows-1252
    const result = await readAllContacts(bytes);
    expect(result.format).toEqual({ format: 'outlook', encoding: 'windows1252', archiveEntry: null });
    expect(result.records).toEqual(outlookRecords);
  });

  it('detects UTF-16 LE and BE by their byte order marks, also when streamed in odd-sized chunks', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    const fromLe = await readAllContacts(le);
    expect(fromLe.format.encoding).toBe('utf16le');
    expect(fromLe.records).toEqual(outlookRecords);
    const fromBe = await readAllContacts(chunked(be, [3, 5]));
    expect(fromBe.format.encoding).toBe('utf16be');
    expect(fromBe.records).toEqual(outlookRecords);
  });

  it('detects UTF-16 LE without a byte order mark', async () => {
    const result = await readAllContacts(iconv.encode(text, 'utf16le'));
    expect(result.format.encoding).toBe('utf16le');
    expect(result.records).toEqual(outlookRecords);
  });

  it('asks chardet about other code pages (Cyrillic, Central European) and believes it only when it is clearly ahead', async () => {
    const russian = 'Name,Email,Company,Notes\r\nАнна Петрова,anna@example.ru,Рога и копыта,Познакомились на конференции в Москве\r\n';
    const cp1251 = await readAllContacts(iconv.encode(russian, 'windows1251'));
    expect(cp1251.format.encoding).toBe('windows1251');
    expect(cp1251.records.map((r) => [r.name, r.organisation, r.notes])).toEqual([
      ['Анна Петрова', 'Рога и копыта', 'Познакомились на конференции в Москве'],
    ]);
    const polish =
      'Name,Email,Company\r\nŁukasz Wójcik,lukasz@example.pl,Żabka Polska\r\nZofia Kowalczyk,zofia@example.pl,Świętokrzyskie Młyny\r\n';
    const cp1250 = await readAllContacts(iconv.encode(polish, 'windows1250'));
    expect(cp1250.format.encoding).toBe('windows1250');
    expect(cp1250.records.map((r) => r.name)).toEqual(['Łukasz Wójcik', 'Zofia Kowalczyk']);
  });

  it('reads the Outlook.com header', async () => {
    const result = await readAllContacts(fixture('outlook-com.csv'));
    expect(result.format.format).toBe('outlook');
    expect(result.records).toEqual([
      contact(2, {
        name: 'Kofi Ama Mensah',
        givenName: 'Kofi Ama',
        familyName: 'Mensah',
        emails: ['kofi@example.com', 'k.mensah@work.example'],
        // "Primary Phone" first, then the others in Outlook's order.
        phones: ['+233 20 000 0000', '+233 30 000 0000'],
        organisation: 'Volta Logistics',
        title: 'Operations Lead',
        location: 'Accra, Ghana',
        birthday: '1990-05-17',
        notes: 'Nickname: KM\nBusiness Street: 12 Ring Road',
      }),
    ]);
  });
});

describe('any other CSV, through the synonym table', () => {
  it('maps synonyms, splits a full name, keeps unknown columns as notes', async () => {
    const result = await readAllContacts(fixture('generic-synonyms.csv'));
    expect(result.format.format).toBe('csv');
    expect(result.records).toEqual([
      contact(2, {
        name: 'Ana María López',
        givenName: 'Ana María',
        familyName: 'López',
        emails: ['ana@example.com', 'ana.lopez@work.example'],
        phones: ['+34 600 000 000'],
        organisation: 'Acme Health',
        title: 'Head of Research',
        linkedinUrl: 'https://www.linkedin.com/in/ana-lopez',
        location: 'Madrid, Spain',
        tags: ['Friends', 'UX', 'Mentors'],
        connectedOn: '2024-03-12',
        notes: 'Favourite colour: green',
      }),
      contact(3, { name: 'Prince', givenName: 'Prince', notes: 'Favourite colour: purple' }),
    ]);
    expect(result.errors).toEqual([{ line: 4, message: 'The row has no name, e-mail, phone, LinkedIn URL or organisation.' }]);
  });

  it("reads semicolons, announced by Excel's sep= line", async () => {
    const result = await readAllContacts(fixture('generic-semicolon.csv'));
    expect(result.format.format).toBe('csv');
    expect(result.records).toEqual([
      contact(3, {
        name: 'Zoë Adams',
        givenName: 'Zoë',
        familyName: 'Adams',
        emails: ['zoe@example.org'],
        phones: ['+44 20 0000 0000'],
        organisation: 'Stark Industries',
        title: 'Engineer',
        notes: 'Likes; semicolons',
      }),
    ]);
  });

  it('reads tab-separated values and extra cells past the header', async () => {
    const tsv = 'E-mail Address\tSurname\tGiven name\nX@Example.org\tLee\tMin\textra value\n';
    const result = await readAllContacts(strToU8(tsv));
    expect(result.records).toEqual([
      contact(2, { name: 'Min Lee', givenName: 'Min', familyName: 'Lee', emails: ['x@example.org'], notes: 'Column 4: extra value' }),
    ]);
  });

  it('reads a LinkedIn file through the synonym table when asked for plain csv', async () => {
    const result = await readAllContacts(fixture('linkedin-connections-old.csv'), { format: 'csv' });
    expect(result.format.format).toBe('csv');
    expect(result.records[0]).toEqual(
      contact(2, {
        name: 'Farid Haddad',
        givenName: 'Farid',
        familyName: 'Haddad',
        emails: ['farid@example.org'],
        organisation: 'Umbrella Health',
        title: 'UX Researcher',
        connectedOn: '2019-11-03',
      }),
    );
  });

  it('recognises the format by the columns, not their order', async () => {
    const shuffled =
      'Connected On,Position,Company,Email Address,URL,Last Name,First Name\n12 Mar 2024,Analyst,Acme,,https://www.linkedin.com/in/x,Doe,Jo\n';
    const result = await readAllContacts(strToU8(shuffled));
    expect(result.format.format).toBe('linkedin');
    expect(result.records).toEqual([
      contact(2, {
        name: 'Jo Doe',
        givenName: 'Jo',
        familyName: 'Doe',
        organisation: 'Acme',
        title: 'Analyst',
        linkedinUrl: 'https://www.linkedin.com/in/x',
        connectedOn: '2024-03-12',
      }),
    ]);
  });

  it('refuses a header meant for another format when one is asked for', async () => {
    const error = await appErrorOf(() => readAllContacts(fixture('linkedin-connections.csv'), { format: 'google' }));
    expect(error.code).toBe('import_failed');
    expect(error.message).toContain('Expected a Google Contacts CSV header');
  });
});

describe('streaming', () => {
  it('yields records before the whole input has been read', async () => {
    const rows = 20_000;
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      yield strToU8('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n');
      for (let i = 0; i < rows; i += 100) {
        pulled = i;
        let chunk = '';
        for (let j = i; j < i + 100; j++) chunk += `Person${j},Example,https://www.linkedin.com/in/p${j},,Org ${j % 50},Role,12 Mar 2024\n`;
        yield strToU8(chunk);
      }
      pulled = rows;
    }
    let seen = 0;
    let pulledAtFirstRecord = -1;
    for await (const event of readContacts(source())) {
      if ('record' in event) {
        if (seen === 0) pulledAtFirstRecord = pulled;
        seen++;
      }
    }
    expect(seen).toBe(rows);
    expect(pulledAtFirstRecord).toBeGreaterThanOrEqual(0);
    expect(pulledAtFirstRecord).toBeLessThan(rows / 2);
  });

  it('reads 100,000 rows in a few seconds', async () => {
    const header =
      'First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value\n';
    async function* source(): AsyncGenerator<Uint8Array> {
      yield strToU8(header);
      for (let i = 0; i < 100_000; i += 1000) {
        const lines: string[] = [];
        for (let j = i; j < i + 1000; j++) {
          lines.push(
            `Given${j},,Family${j},"Org ${j % 700}, Inc.",Title ${j % 13},* myContacts ::: Group ${j % 9},* Work,p${j}@example.org,+1 555 ${String(j).padStart(6, '0')}`,
          );
        }
        yield strToU8(lines.join('\n') + '\n');
      }
    }
    const started = Date.now();
    let records = 0;
    let last = 0;
    for await (const event of readContacts(source())) {
      if ('record' in event) {
        records++;
        last = event.record.line;
      } else if ('error' in event) throw new Error(event.error.message);
    }
    expect(records).toBe(100_000);
    expect(last).toBe(100_001);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
