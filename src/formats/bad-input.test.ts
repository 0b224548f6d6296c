import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readAllContacts, readContacts } from './read-contacts.js';
import { appErrorOf, chunked, fixture } from './test-support.js';

/** Rewrites the uncompressed size that a ZIP declares for its first entry (local header and directory). */
function lieAboutSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, size, true); // local file header: uncompressed size
  const eocd = out.length - 22;
  expect(view.getUint32(eocd, true)).toBe(0x06054b50);
  const directory = view.getUint32(eocd + 16, true);
  expect(view.getUint32(directory, true)).toBe(0x02014b50);
  view.setUint32(directory + 24, size, true); // central directory: uncompressed size
  return out;
}

describe('whole-file problems are AppErrors that say what and where', () => {
  it('an empty file', async () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), strToU8(' \r\n\n\t ')]) {
      const error = await appErrorOf(() => readAllContacts(bytes));
      expect(error.code).toBe('import_failed');
      expect(error.message).toMatch(/^The file is empty/);
    }
  });

  it('a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await appErrorOf(() => readAllContacts(png))).message).toBe('The file is a PNG image, not a contacts CSV or vCard.');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect((await appErrorOf(() => readAllContacts(noise))).message).toBe('The file is binary data, not a contacts CSV or vCard.');
    const controls = strToU8('Name\x01\x02\x03\x04\x05\x06\x07\x08,\x0e\x0f\x10\x11\x12\x13\x14\n');
    expect((await appErrorOf(() => readAllContacts(controls))).message).toBe('The file is binary data, not a contacts CSV or vCard.');
  });

  it('an unknown format', async () => {
    expect((await appErrorOf(() => readAllContacts(fixture('unknown.txt')))).message).toBe(
      'Unknown format: line 1 reads "Just a few words of prose with no delimiters at all"; expected a CSV header or BEGIN:VCARD.',
    );
    expect((await appErrorOf(() => readAllContacts(strToU8('[{"name": "Ana"}]')))).message).toMatch(/looks like JSON/);
    expect((await appErrorOf(() => readAllContacts(strToU8('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')))).message).toMatch(/calendar/);
  });

  it('a CSV without a recognisable header', async () => {
    const error = await appErrorOf(() => readAllContacts(fixture('no-header.csv')));
    expect(error.code).toBe('import_failed');
    expect(error.message).toBe(
      'No recognisable header: line 1 has the columns "foo", "bar", "baz"; expected a LinkedIn, Google or Outlook export, or a CSV with a name, e-mail or phone column.',
    );
    expect(error.details).toEqual({ line: 1 });
  });

  it('an unterminated quote, with the line where it opens', async () => {
    const error = await appErrorOf(() => readAllContacts(fixture('unterminated-quote.csv')));
    expect(error.code).toBe('import_failed');
    expect(error.message).toBe('Unterminated quote: the quoted field that opens on line 4 is never closed.');
    expect(error.details).toEqual({ line: 4 });
  });

  it('an unterminated quote in a large file stops at the record size limit, not at the end', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Name ${i},n${i}@example.org,row ${i}`);
    const text = `Name,Email,Notes\nAna,ana@example.org,"opened here\n${rows.join('\n')}\n`;
    const error = await appErrorOf(() => readAllContacts(strToU8(text)));
    expect(error.message).toMatch(
      /^The record starting on line 2 is longer than 1,000,000 characters \(a quote that is never closed\?\)\.$/,
    );
  });

  it('a file over the size limit, given whole or streamed', async () => {
    const bytes = fixture('linkedin-connections.csv');
    const whole = await appErrorOf(() => readAllContacts(bytes, { maxBytes: 100 }));
    expect(whole.code).toBe('payload_too_large');
    expect(whole.message).toBe('The file is larger than the import limit of 100 bytes.');
    const streamed = await appErrorOf(() => readAllContacts(chunked(bytes, [64]), { maxBytes: 300 }));
    expect(streamed.code).toBe('payload_too_large');
    // The default is 50 MB.
    const big = await appErrorOf(() => readAllContacts(new Uint8Array(50 * 1024 * 1024 + 1)));
    expect(big.message).toBe('The file is larger than the import limit of 50 MB.');
  });

  it('a ZIP bomb, refused from the sizes its directory declares', async () => {
    const bomb = zipSync(
      { 'Connections.csv': fixture('linkedin-connections-old.csv'), 'padding.bin': new Uint8Array(30 * 1024 * 1024) },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await appErrorOf(() => readAllContacts(bomb));
    expect(error.code).toBe('import_failed');
    expect(error.message).toMatch(
      /^The ZIP archive would expand to 30\.0 MB from \d+ KB, past the limit of 20× its size or 200 MB; it was not opened\.$/,
    );
  });

  it('a ZIP bomb whose directory lies, caught while inflating', async () => {
    const rows = 'Ana,López,https://www.linkedin.com/in/ana,,Acme,Researcher,12 Mar 2024\n'.repeat(80_000);
    const honest = zipSync(
      { 'Connections.csv': strToU8(`First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows}`) },
      { level: 9 },
    );
    const lying = lieAboutSize(honest, 1000);
    const error = await appErrorOf(() => readAllContacts(lying));
    expect(error.code).toBe('import_failed');
    expect(error.message).toMatch(
      /^Connections\.csv in the ZIP archive expands past \d+ KB \(20× the archive, at most 200 MB\); it was not read\.$/,
    );
  });

  it('a ZIP without Connections.csv, or a damaged one', async () => {
    const other = zipSync({ 'Profile.csv': strToU8('First Name\nMe\n'), 'Invitations.csv': strToU8('From,To\n') });
    expect((await appErrorOf(() => readAllContacts(other))).message).toBe(
      "The ZIP archive has no Connections.csv (the file LinkedIn's export keeps contacts in). It contains: Profile.csv, Invitations.csv.",
    );
    const workbook = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect((await appErrorOf(() => readAllContacts(workbook))).message).toMatch(/looks like an Excel workbook/);
    const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    expect((await appErrorOf(() => readAllContacts(damaged))).message).toMatch(/^The ZIP archive is damaged/);
  });

  it('a format that does not match the content, when one is forced', async () => {
    expect((await appErrorOf(() => readAllContacts(fixture('vcard-40.vcf'), { format: 'outlook' }))).message).toBe(
      'Expected an Outlook CSV, but the file is a vCard.',
    );
    expect((await appErrorOf(() => readAllContacts(fixture('generic-synonyms.csv'), { format: 'vcard' }))).message).toMatch(
      /^Expected a vCard, but line 1 reads "Full Name,E-mail/,
    );
    const zip = zipSync({ 'Connections.csv': fixture('linkedin-connections-old.csv') });
    expect((await appErrorOf(() => readAllContacts(zip, { format: 'google' }))).message).toBe(
      'Expected a Google Contacts CSV, but the file is a ZIP archive.',
    );
  });

  it('bad options are invalid_input', async () => {
    const error = await appErrorOf(() => readAllContacts(fixture('no-header.csv'), { format: 'xlsx' as never }));
    expect(error.code).toBe('invalid_input');
    const limit = await appErrorOf(() => readAllContacts(fixture('no-header.csv'), { maxBytes: -1 }));
    expect(limit.code).toBe('invalid_input');
  });

  it('a failing input stream becomes an AppError, also after records were read', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield strToU8('Name,Email\n' + 'Ana,ana@example.org\n'.repeat(5000));
      throw new Error('connection reset');
    }
    const seen = { format: 0, record: 0, error: 0 };
    const error = await appErrorOf(async () => {
      for await (const e of readContacts(failing())) seen['format' in e ? 'format' : 'record' in e ? 'record' : 'error']++;
    });
    expect(error.code).toBe('import_failed');
    expect(error.message).toBe('The file could not be read: connection reset');
    expect(seen.format).toBe(1);
    expect(seen.error).toBe(0);
  });
});
