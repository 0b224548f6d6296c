// Writing contacts as CSV that is safe to open in a spreadsheet: a cell starting with = + - @ or a
// tab/CR would be run as a formula, so it gets a leading apostrophe (OWASP's advice); coffeechat's
// own importer recognises its header and takes the apostrophe off again.
import type { Contact } from '../domain/types.js';

export const EXPORT_HEADER = [
  'Name',
  'Given Name',
  'Family Name',
  'E-mail',
  'Phone',
  'Organisation',
  'Title',
  'LinkedIn',
  'Location',
  'Tags',
  'Tie',
  'Connected On',
  'Notes',
  'Do Not Contact',
  'coffeechat id',
];

const RISKY = /^[=+\-@\t\r]/;

/** One cell: neutralised when a spreadsheet would read it as a formula, quoted when needed. */
export function csvCell(value: string | null | undefined): string {
  let v = value ?? '';
  if (RISKY.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Takes off the apostrophe csvCell put in front of a risky value. */
export function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export function contactsCsvHeader(): string {
  return EXPORT_HEADER.map(csvCell).join(',') + '\r\n';
}

export function contactToCsvRow(c: Contact): string {
  return (
    [
      c.name,
      c.givenName,
      c.familyName,
      c.emails.join(' ::: '),
      c.phones.join(' ::: '),
      c.organisation,
      c.title,
      c.linkedinUrl,
      c.location,
      c.tags.join(' ::: '),
      c.tie,
      c.connectedOn,
      c.research,
      c.doNotContact ? 'yes' : '',
      c.id,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}
