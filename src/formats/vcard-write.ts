// Writing contacts as vCard 4.0 (RFC 6350): escaped values, lines folded at 75 octets, CRLF.
// Introductions travel as RELATED;TYPE=met:urn:uuid:<introducer id>, so a re-import rebuilds them.
import type { Contact } from '../domain/types.js';

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > limit) {
      parts.push(cur);
      cur = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    cur += ch;
    size += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** One vCard 4.0 card for a contact; `introducers` are the ids of those who introduced them. */
export function contactToVCard(c: Contact, introducers: string[]): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${c.id}`,
    `FN:${escape(c.name)}`,
    `N:${escape(c.familyName ?? '')};${escape(c.givenName ?? '')};;;`,
    ...c.emails.map((e, i) => `EMAIL${i === 0 ? ';PREF=1' : ''}:${escape(e)}`),
    ...c.phones.map((p, i) => `TEL;VALUE=text${i === 0 ? ';PREF=1' : ''}:${escape(p)}`),
    ...(c.organisation ? [`ORG:${escape(c.organisation)}`] : []),
    ...(c.title ? [`TITLE:${escape(c.title)}`] : []),
    ...(c.linkedinUrl ? [`URL;TYPE=linkedin:${c.linkedinUrl}`] : []),
    ...(c.location ? [`ADR;TYPE=work:;;;${escape(c.location)};;;`] : []),
    ...(c.tags.length ? [`CATEGORIES:${c.tags.map(escape).join(',')}`] : []),
    ...(c.research ? [`NOTE:${escape(c.research)}`] : []),
    ...introducers.map((id) => `RELATED;TYPE=met:urn:uuid:${id}`),
    'END:VCARD',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
