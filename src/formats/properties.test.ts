import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { AppError } from '../domain/errors.js';
import type { ImportedContact, ReadOptions } from './contact-record.js';
import { readAllContacts } from './read-contacts.js';
import { chunked, contact, fixture } from './test-support.js';

const RUNS = 200;
/** A single input must be read (or refused) within this time: no hangs, no quadratic blow-ups. */
const QUICK_MS = 2000;

/** Reads the input and checks the invariants: AppError or well-formed records and row errors, quickly. */
async function readsCleanly(input: Uint8Array | AsyncIterable<Uint8Array>, opts?: ReadOptions): Promise<void> {
  const started = Date.now();
  try {
    const result = await readAllContacts(input, opts);
    for (const r of result.records) {
      expect(Number.isInteger(r.line) && r.line >= 1).toBe(true);
      expect(r.name.trim()).not.toBe('');
      expect(r.name).toBe(r.name.trim());
      for (const e of r.emails) expect(e).toBe(e.toLowerCase());
      if (r.connectedOn !== null) expect(r.connectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.birthday !== null) expect(r.birthday).toMatch(/^(\d{4}|-)-\d{2}-\d{2}$/);
    }
    for (const e of result.errors) {
      expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
      expect(e.message).not.toBe('');
    }
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    expect(['import_failed', 'payload_too_large']).toContain(e.code);
    expect(e.message).not.toMatch(/\n\s+at /); // never a stack trace
  }
  expect(Date.now() - started).toBeLessThan(QUICK_MS);
}

const CSV_TOKENS = [
  ',',
  ';',
  '\t',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  ' ',
  ' ::: ',
  '* ',
  '*',
  'First Name',
  'Last Name',
  'Connected On',
  'Company',
  'URL',
  'Name',
  'Email',
  'E-mail 1 - Value',
  'E-mail 1 - Label',
  'Labels',
  'E-mail Address',
  'Job Title',
  'Business Phone',
  'Categories',
  'Notes:',
  'sep=;',
  '12 Mar 2024',
  '31 Feb 2024',
  '--03-12',
  'ana@example.org',
  'https://www.linkedin.com/in/x',
  'é',
  '€',
  '\u0000',
  '\uFEFF',
  'x',
];
const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
const GOOGLE_HEADER = 'First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value,Birthday\n';
const OUTLOOK_HEADER = 'First Name,Last Name,E-mail Address,E-mail 2 Address,Job Title,Business Phone,Mobile Phone,Categories\n';

const VCARD_TOKENS = [
  'BEGIN:VCARD',
  'END:VCARD',
  'VERSION:2.1',
  'VERSION:3.0',
  'VERSION:4.0',
  'FN:',
  'N:',
  'EMAIL',
  'TEL',
  ';',
  ':',
  '=',
  '=\r\n',
  '\r\n',
  '\n',
  ' ',
  'ENCODING=QUOTED-PRINTABLE',
  'QUOTED-PRINTABLE',
  'CHARSET=UTF-8',
  'CHARSET=bogus',
  'CHARSET=ISO-8859-1',
  '=C3=A9',
  '=ZZ',
  '=E9',
  'item1.',
  'X-ABLabel:',
  '_$!<Work>!$_',
  'BDAY:',
  'BDAY;X-APPLE-OMIT-YEAR=1604:',
  '--0312',
  '1604-03-12',
  '"',
  ',',
  '\\',
  '\\n',
  '\\,',
  'RELATED;TYPE=met:',
  'urn:uuid:x',
  'ADR:',
  'ORG:',
  'CATEGORIES:',
  'PHOTO;ENCODING=BASE64:',
  'TYPE=',
  'PREF=1',
  'x',
  'é',
];

const VCARD_NAMES = [
  'VERSION',
  'FN',
  'N',
  'EMAIL',
  'TEL',
  'NOTE',
  'BDAY',
  'ORG',
  'ADR',
  'TITLE',
  'URL',
  'CATEGORIES',
  'RELATED',
  'UID',
  'PHOTO',
  'item1.EMAIL',
  'item1.X-ABLabel',
  'item2.X-ABRELATEDNAMES',
  'X-SOCIALPROFILE',
];
const VCARD_PARAMS = [
  'ENCODING=QUOTED-PRINTABLE',
  'CHARSET=UTF-8',
  'CHARSET=ISO-8859-1',
  'CHARSET=nonsense',
  'TYPE=pref',
  'PREF=1',
  'PREF=x',
  'WORK',
  'ENCODING=BASE64',
  'VALUE=text',
  'TYPE="a,b"',
  'X-APPLE-OMIT-YEAR=1604',
  'TYPE=met',
  'type=linkedin',
];

describe('fuzzing: any input gives AppErrors or records, never a crash or a hang', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          new Uint8Array(0),
          new Uint8Array([0xef, 0xbb, 0xbf]),
          new Uint8Array([0xff, 0xfe]),
          new Uint8Array([0xfe, 0xff]),
          new Uint8Array([0x50, 0x4b, 3, 4]),
        ),
        fc.uint8Array({ maxLength: 3000 }),
        async (prefix, body) => {
          const bytes = new Uint8Array(prefix.length + body.length);
          bytes.set(prefix);
          bytes.set(body, prefix.length);
          await readsCleanly(bytes);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random CSV-ish text, whole or in random chunks, in any requested format', async () => {
    const cell = fc.array(fc.oneof(fc.constantFrom(...CSV_TOKENS), fc.string({ maxLength: 6 })), { maxLength: 4 }).map((t) => t.join(''));
    const line = fc.array(cell, { maxLength: 9 }).map((cells) => cells.join(','));
    const text = fc
      .tuple(
        fc.constantFrom('', LINKEDIN_HEADER, GOOGLE_HEADER, OUTLOOK_HEADER, `Notes:\n"x\ny"\n\n${LINKEDIN_HEADER}`, 'Name;Email;Tags\n'),
        fc.array(line, { maxLength: 25 }),
        fc.constantFrom('\n', '\r\n', '\r'),
      )
      .map(([head, lines, eol]) => head.replace(/\n/g, eol) + lines.join(eol));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.constantFrom<ReadOptions['format']>('auto', 'auto', 'auto', 'linkedin', 'google', 'outlook', 'csv', 'vcard'),
        fc.option(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }), { nil: undefined }),
        async (t, format, sizes) => {
          const bytes = strToU8(t);
          await readsCleanly(sizes === undefined ? bytes : chunked(bytes, sizes), { format });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random vCard-ish text', async () => {
    const noise = fc
      .array(fc.oneof(fc.constantFrom(...VCARD_TOKENS.filter((t) => !/[\r\n]/.test(t))), fc.string({ maxLength: 6 })), { maxLength: 10 })
      .map((t) => t.join(''));
    const property = fc
      .tuple(
        fc.oneof(fc.constantFrom(...VCARD_NAMES), fc.stringMatching(/^[A-Za-z-]{1,8}$/)),
        fc.array(fc.oneof(fc.constantFrom(...VCARD_PARAMS), noise), { maxLength: 3 }),
        noise,
      )
      .map(([name, params, value]) => [name, ...params].join(';') + ':' + value);
    const line = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom('BEGIN:VCARD', 'END:VCARD', '', ' folded', '=') },
      { weight: 1, arbitrary: noise },
      { weight: 12, arbitrary: property },
    );
    const text = fc
      .tuple(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.constantFrom('\r\n', '\n'))
      .map(([lines, end, eol]) => ['BEGIN:VCARD', ...lines, ...(end ? ['END:VCARD'] : [])].join(eol));
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (t, streamed) => {
        const bytes = strToU8(t);
        await readsCleanly(streamed ? chunked(bytes, [5, 1, 13]) : bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes inside a ZIP archive named Connections.csv', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (body) => {
        await readsCleanly(zipSync({ 'Connections.csv': body }));
      }),
      { numRuns: 50 },
    );
  });
});

describe('chunking never changes the result', () => {
  const files = [
    'linkedin-connections.csv',
    'google-contacts.csv',
    'outlook-desktop.csv',
    'vcard-21.vcf',
    'vcard-30.vcf',
    'vcard-bad-cards.vcf',
  ];
  it('for every fixture and any chunk sizes', async () => {
    const whole = new Map<string, unknown>();
    for (const f of files) whole.set(f, await readAllContacts(fixture(f)));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }),
        async (f, sizes) => {
          expect(await readAllContacts(chunked(fixture(f), sizes))).toEqual(whole.get(f));
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ------------------------------------------------------------------------------------------ Round trips

interface Person {
  given: string;
  family: string;
  emails: string[];
  phones: string[];
  organisation: string | null;
  title: string | null;
  linkedinUrl: string | null;
  place: { city: string; country: string } | null;
  tags: string[];
  connectedOn: string | null;
  birthday: string | null;
  notes: string | null;
  referredBy: string | null;
}

const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'",.&-]{0,9}$/);
const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._]{0,8}$/), fc.stringMatching(/^[a-z0-9]{1,8}$/))
  .map(([local, domain]) => `${local}@${domain}.example`);
const phone = fc.array(fc.stringMatching(/^[0-9]{2,4}$/), { minLength: 2, maxLength: 4 }).map((p) => `+${p.join(' ')}`);
const tag = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/).filter((t) => t.toLowerCase() !== 'mycontacts');
const day = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const person: fc.Arbitrary<Person> = fc.record({
  given: words,
  family: word,
  emails: fc.uniqueArray(email, { maxLength: 3 }),
  phones: fc.uniqueArray(phone, { maxLength: 2 }),
  organisation: fc.option(words, { nil: null }),
  title: fc.option(words, { nil: null }),
  linkedinUrl: fc.option(
    fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((slug) => `https://www.linkedin.com/in/${slug}`),
    { nil: null },
  ),
  place: fc.option(fc.record({ city: words, country: words }), { nil: null }),
  tags: fc.uniqueArray(tag, { maxLength: 3, selector: (t) => t.toLowerCase() }),
  connectedOn: fc.option(day, { nil: null }),
  birthday: fc.option(
    fc.oneof(
      day,
      day.map((d) => `--${d.slice(5)}`),
    ),
    { nil: null },
  ),
  notes: fc.option(
    fc.array(words, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
    { nil: null },
  ),
  referredBy: fc.option(words, { nil: null }),
});

/** A tiny CSV writer: quotes a cell when it holds a quote, delimiter or line break. */
function writeCsv(header: string[], rows: Record<string, string>[], eol = '\r\n'): string {
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))].map((cells) => cells.map(cell).join(',')).join(eol) + eol;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const linkedinDate = (iso: string): string => `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
const usDate = (iso: string): string => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
const place = (p: Person): string | null => (p.place === null ? null : `${p.place.city}, ${p.place.country}`);

/** What every format reads back for the fields it carries (the rest must be empty). */
function expected(p: Person, line: number, carries: Partial<Record<keyof ImportedContact, boolean>>, maxEmails = 3): ImportedContact {
  return contact(line, {
    name: `${p.given} ${p.family}`,
    givenName: p.given,
    familyName: p.family,
    emails: carries.emails === true ? p.emails.slice(0, maxEmails) : [],
    phones: carries.phones === true ? p.phones : [],
    organisation: p.organisation,
    title: p.title,
    linkedinUrl: carries.linkedinUrl === true ? p.linkedinUrl : null,
    location: carries.location === true ? place(p) : null,
    tags: carries.tags === true ? p.tags : [],
    connectedOn: carries.connectedOn === true ? p.connectedOn : null,
    birthday: carries.birthday === true ? p.birthday : null,
    notes: carries.notes === true ? p.notes : null,
    referredBy: carries.referredBy === true ? p.referredBy : null,
  });
}

interface Dialect {
  name: string;
  format: 'linkedin' | 'google' | 'outlook' | 'csv';
  header: string[];
  row: (p: Person) => Record<string, string>;
  expect: (p: Person, line: number) => ImportedContact;
}

const OUTLOOK_DESKTOP = [
  'Title',
  'First Name',
  'Middle Name',
  'Last Name',
  'Suffix',
  'Company',
  'Department',
  'Job Title',
  'Business City',
  'Business Country/Region',
  'Business Phone',
  'Mobile Phone',
  'Anniversary',
  'Birthday',
  'Categories',
  'E-mail Address',
  'E-mail Type',
  'E-mail Display Name',
  'E-mail 2 Address',
  'E-mail 3 Address',
  'Gender',
  'Initials',
  'Notes',
  'Priority',
  'Private',
  'Referred By',
  'Sensitivity',
  'Web Page',
];
const OUTLOOK_COM = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Title',
  'E-mail Address',
  'E-mail 2 Address',
  'E-mail 3 Address',
  'Business Phone',
  'Mobile Phone',
  'Job Title',
  'Department',
  'Company',
  'Business City',
  'Business Country/Region',
  'Web Page',
  'Birthday',
  'Notes',
];

const full = (p: Person): boolean => p.birthday !== null && !p.birthday.startsWith('--');

const DIALECTS: Dialect[] = [
  {
    name: 'LinkedIn (current)',
    format: 'linkedin',
    header: ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
    row: (p) => ({
      'First Name': p.given,
      'Last Name': p.family,
      URL: p.linkedinUrl ?? '',
      'Email Address': p.emails[0] ?? '',
      Company: p.organisation ?? '',
      Position: p.title ?? '',
      'Connected On': p.connectedOn === null ? '' : linkedinDate(p.connectedOn),
    }),
    expect: (p, line) => expected(p, line, { emails: true, linkedinUrl: true, connectedOn: true }, 1),
  },
  {
    name: 'LinkedIn (older, no URL)',
    format: 'linkedin',
    header: ['First Name', 'Last Name', 'Email Address', 'Company', 'Position', 'Connected On'],
    row: (p) => ({
      'First Name': p.given,
      'Last Name': p.family,
      'Email Address': p.emails[0] ?? '',
      Company: p.organisation ?? '',
      Position: p.title ?? '',
      'Connected On': p.connectedOn === null ? '' : linkedinDate(p.connectedOn),
    }),
    expect: (p, line) => expected(p, line, { emails: true, connectedOn: true }, 1),
  },
  {
    name: 'Google (current)',
    format: 'google',
    header: [
      'First Name',
      'Middle Name',
      'Last Name',
      'Organization Name',
      'Organization Title',
      'Birthday',
      'Notes',
      'Labels',
      'E-mail 1 - Label',
      'E-mail 1 - Value',
      'Phone 1 - Label',
      'Phone 1 - Value',
      'Address 1 - City',
      'Address 1 - Country',
      'Website 1 - Value',
    ],
    row: (p) => ({
      'First Name': p.given,
      'Last Name': p.family,
      'Organization Name': p.organisation ?? '',
      'Organization Title': p.title ?? '',
      Birthday: p.birthday ?? '',
      Notes: p.notes ?? '',
      Labels: ['* myContacts', ...p.tags].join(' ::: '),
      'E-mail 1 - Label': p.emails.length > 0 ? '* Work' : '',
      'E-mail 1 - Value': p.emails.join(' ::: '),
      'Phone 1 - Label': p.phones.length > 0 ? 'Mobile' : '',
      'Phone 1 - Value': p.phones.join(' ::: '),
      'Address 1 - City': p.place?.city ?? '',
      'Address 1 - Country': p.place?.country ?? '',
      'Website 1 - Value': p.linkedinUrl ?? '',
    }),
    expect: (p, line) =>
      expected(p, line, { emails: true, phones: true, linkedinUrl: true, location: true, tags: true, birthday: true, notes: true }),
  },
  {
    name: 'Google (legacy)',
    format: 'google',
    header: [
      'Name',
      'Given Name',
      'Additional Name',
      'Family Name',
      'Birthday',
      'Location',
      'Notes',
      'Group Membership',
      'E-mail 1 - Type',
      'E-mail 1 - Value',
      'Phone 1 - Type',
      'Phone 1 - Value',
      'Organization 1 - Type',
      'Organization 1 - Name',
      'Organization 1 - Title',
      'Website 1 - Type',
      'Website 1 - Value',
    ],
    row: (p) => ({
      Name: `${p.given} ${p.family}`,
      'Given Name': p.given,
      'Family Name': p.family,
      Birthday: p.birthday ?? '',
      Location: place(p) ?? '',
      Notes: p.notes ?? '',
      'Group Membership': ['* My Contacts', ...p.tags].join(' ::: '),
      'E-mail 1 - Type': p.emails.length > 0 ? '* Other' : '',
      'E-mail 1 - Value': p.emails.join(' ::: '),
      'Phone 1 - Value': p.phones.join(' ::: '),
      'Organization 1 - Type': p.organisation === null ? '' : 'Work',
      'Organization 1 - Name': p.organisation ?? '',
      'Organization 1 - Title': p.title ?? '',
      'Website 1 - Value': p.linkedinUrl ?? '',
    }),
    expect: (p, line) =>
      expected(p, line, { emails: true, phones: true, linkedinUrl: true, location: true, tags: true, birthday: true, notes: true }),
  },
  {
    name: 'Outlook (desktop)',
    format: 'outlook',
    header: OUTLOOK_DESKTOP,
    row: (p) => ({
      'First Name': p.given,
      'Last Name': p.family,
      Company: p.organisation ?? '',
      'Job Title': p.title ?? '',
      'Business City': p.place?.city ?? '',
      'Business Country/Region': p.place?.country ?? '',
      'Mobile Phone': p.phones[0] ?? '',
      'Business Phone': p.phones[1] ?? '',
      Anniversary: '0/0/00',
      Birthday: full(p) && p.birthday !== null ? usDate(p.birthday) : '0/0/00',
      Categories: p.tags.join(';'),
      'E-mail Address': p.emails[0] ?? '',
      'E-mail Type': p.emails.length > 0 ? 'SMTP' : '',
      'E-mail Display Name': p.emails.length > 0 ? `${p.given} ${p.family} (${p.emails[0] ?? ''})` : '',
      'E-mail 2 Address': p.emails[1] ?? '',
      'E-mail 3 Address': p.emails[2] ?? '',
      Gender: 'Unspecified',
      Notes: p.notes ?? '',
      Priority: 'Normal',
      Private: 'False',
      'Referred By': p.referredBy ?? '',
      Sensitivity: 'Normal',
      'Web Page': p.linkedinUrl ?? '',
    }),
    expect: (p, line) => ({
      ...expected(p, line, { emails: true, phones: true, linkedinUrl: true, location: true, tags: true, notes: true, referredBy: true }),
      birthday: full(p) ? p.birthday : null,
    }),
  },
  {
    name: 'Outlook.com',
    format: 'outlook',
    header: OUTLOOK_COM,
    row: (p) => ({
      'First Name': p.given,
      'Last Name': p.family,
      'E-mail Address': p.emails[0] ?? '',
      'E-mail 2 Address': p.emails[1] ?? '',
      'E-mail 3 Address': p.emails[2] ?? '',
      'Mobile Phone': p.phones[0] ?? '',
      'Business Phone': p.phones[1] ?? '',
      'Job Title': p.title ?? '',
      Company: p.organisation ?? '',
      'Business City': p.place?.city ?? '',
      'Business Country/Region': p.place?.country ?? '',
      'Web Page': p.linkedinUrl ?? '',
      Birthday: full(p) && p.birthday !== null ? usDate(p.birthday) : '',
      Notes: p.notes ?? '',
    }),
    expect: (p, line) => ({
      ...expected(p, line, { emails: true, phones: true, linkedinUrl: true, location: true, notes: true }),
      birthday: full(p) ? p.birthday : null,
    }),
  },
  {
    name: 'generic (synonyms)',
    format: 'csv',
    header: [
      'Full Name',
      'E-mail',
      'Mobile',
      'Organisation',
      'Job Title',
      'LinkedIn',
      'Location',
      'Tags',
      'Connected',
      'Date of Birth',
      'Comments',
      'Introduced By',
    ],
    row: (p) => ({
      'Full Name': `${p.given} ${p.family}`,
      'E-mail': p.emails.join('; '),
      Mobile: p.phones.join('; '),
      Organisation: p.organisation ?? '',
      'Job Title': p.title ?? '',
      LinkedIn: p.linkedinUrl ?? '',
      Location: place(p) ?? '',
      Tags: p.tags.join(', '),
      Connected: p.connectedOn ?? '',
      'Date of Birth': p.birthday ?? '',
      Comments: p.notes ?? '',
      'Introduced By': p.referredBy ?? '',
    }),
    expect: (p, line) =>
      expected(p, line, {
        emails: true,
        phones: true,
        linkedinUrl: true,
        location: true,
        tags: true,
        connectedOn: true,
        birthday: true,
        notes: true,
        referredBy: true,
      }),
  },
];

/** Line numbers: one header line, then each row takes as many lines as its notes (the only multi-line field). */
function lines(people: Person[], dialect: Dialect): number[] {
  const out: number[] = [];
  let line = 2;
  for (const p of people) {
    out.push(line);
    const multiline = dialect.header.some((h) => ['Notes', 'Comments'].includes(h)) && p.notes !== null;
    line += 1 + (multiline && p.notes !== null ? p.notes.split('\n').length - 1 : 0);
  }
  return out;
}

describe('round trip: contacts written in each supported header read back field for field', () => {
  for (const dialect of DIALECTS) {
    it(dialect.name, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(person, { minLength: 1, maxLength: 8 }),
          fc.constantFrom('utf8', 'utf8-bom', 'windows1252', 'utf16le-bom'),
          async (people, encoding) => {
            const text = writeCsv(dialect.header, people.map(dialect.row));
            const bytes =
              encoding === 'utf8'
                ? strToU8(text)
                : encoding === 'utf8-bom'
                  ? strToU8(`\uFEFF${text}`)
                  : encoding === 'windows1252'
                    ? iconv.encode(text, 'windows1252')
                    : Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
            const result = await readAllContacts(bytes);
            expect(result.format.format).toBe(dialect.format);
            expect(result.errors).toEqual([]);
            const at = lines(people, dialect);
            expect(result.records).toEqual(people.map((p, i) => dialect.expect(p, at[i] ?? 0)));
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
