// Writing contacts as vCard 4.0 (RFC 6350): escaped values, lines folded at 75 octets, CRLF.
// Introductions travel as RELATED;TYPE=met:urn:uuid:<introducer id>, so a re-import rebuilds them.
import type { Contact } from '../domain/types.js';

// RFC 6350: text escapes backslash, newline and comma; only the components of a structured value
// (N, ORG, ADR) also escape the semicolon that separates them (a stray "\;" in NOTE stays literal).
const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,');
const component = (v: string) => escape(v).replace(/;/g, '\\;');

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
    'PRODID:-//coffeechat//contacts export//EN',
    `UID:urn:uuid:${c.id}`,
    `FN:${escape(c.name)}`,
    `N:${component(c.familyName ?? '')};${component(c.givenName ?? '')};;;`,
    ...c.emails.map((e, i) => `EMAIL${i === 0 ? ';PREF=1' : ''}:${escape(e)}`),
    ...c.phones.map((p, i) => `TEL;VALUE=text${i === 0 ? ';PREF=1' : ''}:${escape(p)}`),
    ...(c.organisation ? [`ORG:${component(c.organisation)}`] : []),
    ...(c.title ? [`TITLE:${escape(c.title)}`] : []),
    ...(c.linkedinUrl ? [`URL;TYPE=linkedin:${c.linkedinUrl}`] : []),
    ...(c.location ? [`ADR;TYPE=work:;;;${component(c.location)};;;`] : []),
    ...(c.tags.length ? [`CATEGORIES:${c.tags.map(escape).join(',')}`] : []),
    ...(c.research ? [`NOTE:${escape(c.research)}`] : []),
    `X-COFFEECHAT-TIE:${c.tie}`,
    ...(c.doNotContact ? ['X-COFFEECHAT-DO-NOT-CONTACT:yes'] : []),
    ...introducers.map((id) => `RELATED;TYPE=met:urn:uuid:${id}`),
    'END:VCARD',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
