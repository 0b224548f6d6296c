// vCard 2.1, 3.0 and 4.0, several cards per file, read card by card as the lines stream in.
//
// ical.js reads 3.0 and 4.0 well but rejects 2.1: its bare parameters (`TEL;WORK;VOICE:`) and
// quoted-printable values, whose soft line breaks (`=` at the end of a line) continue on a line that
// does not start with a space. So lines are unfolded here for every version; 2.1 cards (and any card
// using quoted-printable) are then decoded by the small parser below, 3.0/4.0 cards by ical.js.
import ICAL from 'ical.js';
import iconv from 'iconv-lite';
import { AppError } from '../domain/errors.js';
import { ContactDraft, PRIMARY } from './contact-draft.js';
import type { ImportedContact, RowError } from './contact-record.js';
import { parseDate } from './dates.js';
import { cleanLine, isLinkedInUrl, splitValues } from './normalise.js';

interface Line {
  text: string;
  line: number;
}

/** One property of a card, whichever parser read it. Names are upper-case, parameter keys lower-case. */
interface Prop {
  name: string;
  group: string | null;
  params: Map<string, string[]>;
  /** Components of a structured value (N, ADR, ORG) or the items of a list (CATEGORIES); else one value. */
  values: string[];
  /** The value as written (after unfolding), for dates ical.js would reshape. */
  raw: string;
}

type CardResult = { record: ImportedContact } | { error: RowError } | null;

// ------------------------------------------------------------------------------------- Lines and cards

const BEGIN = /^\s*BEGIN\s*:\s*VCARD\s*$/i;
const END = /^\s*END\s*:\s*VCARD\s*$/i;

/**
 * Groups numbered lines into cards and reads each. A card cut off by the next BEGIN:VCARD is reported
 * as a bad card; a file that ends inside its only card is refused as a whole (it is truncated).
 */
export async function* readVCards(
  lines: AsyncIterable<Line>,
): AsyncGenerator<{ record: ImportedContact } | { error: RowError }, void, undefined> {
  let card: Line[] | null = null;
  let cardLine = 0;
  let closed = 0;
  let strayReported = false;
  for await (const l of lines) {
    if (BEGIN.test(l.text)) {
      if (card !== null)
        yield { error: { line: cardLine, message: 'The card has no END:VCARD before the next BEGIN:VCARD; it was skipped.' } };
      card = [];
      cardLine = l.line;
      strayReported = false;
    } else if (END.test(l.text) && card !== null) {
      closed++;
      const result = readCard(card, cardLine);
      card = null;
      if (result !== null) yield result;
    } else if (card !== null) {
      card.push(l);
    } else if (l.text.trim() !== '' && !strayReported) {
      strayReported = true;
      yield { error: { line: l.line, message: 'Text outside BEGIN:VCARD … END:VCARD was ignored.' } };
    }
  }
  if (card !== null) {
    const message = `The vCard starting at line ${cardLine} has no END:VCARD; the file may be cut short.`;
    if (closed === 0) throw new AppError('import_failed', message, { line: cardLine });
    yield { error: { line: cardLine, message: 'The card has no END:VCARD (the file ends inside it); it was skipped.' } };
  }
}

function isQuotedPrintable(text: string): boolean {
  const colon = text.indexOf(':');
  return /quoted-printable/i.test(colon < 0 ? text : text.slice(0, colon));
}

/**
 * Joins continuation lines. RFC 2425/6350 folding (a line starting with a space or tab) drops the
 * one whitespace character; 2.1 keeps it. A quoted-printable value ending in `=` continues on the next
 * line whatever it starts with.
 */
function unfold(lines: Line[], v21: boolean): Line[] {
  // Pieces are joined once at the end: a value folded over thousands of lines (an inline photo, a
  // long quoted-printable note) must not be copied again for every line.
  const out: { parts: string[]; line: number; qp: boolean }[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    const tail = last?.parts[last.parts.length - 1];
    if (last !== undefined && tail !== undefined && last.qp && tail.endsWith('=')) {
      last.parts[last.parts.length - 1] = tail.slice(0, -1);
      last.parts.push(l.text);
      continue;
    }
    if (last !== undefined && /^[ \t]/.test(l.text)) {
      last.parts.push(v21 ? l.text : l.text.slice(1));
      continue;
    }
    if (l.text.trim() === '') continue;
    out.push({ parts: [l.text], line: l.line, qp: isQuotedPrintable(l.text) });
  }
  return out.map((p) => ({ text: p.parts.join(''), line: p.line }));
}

function readCard(lines: Line[], cardLine: number): CardResult {
  const versionLine = lines.find((l) => /^\s*VERSION\s*:/i.test(l.text));
  const version = versionLine?.text.replace(/^\s*VERSION\s*:/i, '').trim() ?? '';
  const v21 = version === '' || version.startsWith('2');
  const logical = unfold(lines, v21);
  const own: Prop[] = [];
  for (const l of logical) {
    const prop = parseLine(l.text);
    if (prop === null) {
      return { error: { line: cardLine, message: `Line ${l.line} is not a vCard property: "${preview(l.text)}".` } };
    }
    if (prop !== 'binary') own.push(prop);
  }
  let props = own;
  if (!v21 && !logical.some((l) => isQuotedPrintable(l.text))) {
    // ical.js is strict (e.g. it rejects 2.1-style `TEL;CELL:` in a 3.0 card); when it refuses a card
    // whose every line our parser could read, the card is still imported rather than lost.
    try {
      props = parseWithIcal(logical, own);
    } catch {
      props = own;
    }
  }
  return toContact(props).finish(cardLine, 'card');
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// ------------------------------------------------------------------------------- The 2.1-capable parser

/** Splits at `sep` outside double quotes. */
function splitUnquoted(s: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

/** Index of the first `ch` outside double quotes, or -1. */
function indexUnquoted(s: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) return i;
  }
  return -1;
}

/** Splits at `sep` where it is not escaped with a backslash, then unescapes each piece. */
function splitEscaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === sep) {
      out.push(unescape(cur));
      cur = '';
    } else cur += c;
  }
  out.push(unescape(cur));
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\([\\;,:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const STRUCTURED = new Set(['N', 'ADR', 'ORG']);
const LISTS = new Set(['CATEGORIES', 'NICKNAME']);

/** Decodes quoted-printable to bytes, then to text in the declared charset (UTF-8 when none or unknown). */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d /* = */) {
      const hex = value.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      }
      // A lone "=" is a soft break left over; it stands for nothing.
      continue;
    }
    if (c < 0x80) bytes.push(c);
    else for (const b of Buffer.from(value[i] ?? '', 'utf8')) bytes.push(b);
  }
  const buffer = Buffer.from(bytes);
  const wanted = charset?.toLowerCase();
  if (wanted !== undefined && iconv.encodingExists(wanted)) return iconv.decode(buffer, wanted);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'windows1252');
  }
}

/**
 * Reads `group.NAME;param;key=value:value` (2.1's bare parameters such as `WORK` become TYPE values).
 * Returns null when the line is not a property at all, 'binary' for inline photos and the like.
 */
function parseLine(text: string): Prop | 'binary' | null {
  const colon = indexUnquoted(text, ':');
  if (colon < 0) return null;
  const nameAndParams = text.slice(0, colon);
  const raw = text.slice(colon + 1);
  const parts = splitUnquoted(nameAndParams, ';');
  const fullName = (parts[0] ?? '').trim();
  const dot = fullName.lastIndexOf('.');
  const group = dot > 0 ? fullName.slice(0, dot) : null;
  const name = (dot > 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name) || (group !== null && !/^[A-Za-z0-9-]+$/.test(group))) return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]): void => {
    params.set(key, [...(params.get(key) ?? []), ...values]);
  };
  for (const p of parts.slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) {
      const bare = p.trim();
      if (bare === '') continue;
      add(ENCODINGS.has(bare.toUpperCase()) ? 'encoding' : 'type', [bare]);
    } else {
      const values = splitUnquoted(p.slice(eq + 1), ',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
      add(p.slice(0, eq).trim().toLowerCase(), values);
    }
  }
  const encoding = params.get('encoding')?.[0]?.toUpperCase();
  if (encoding === 'BASE64' || encoding === 'B' || params.get('value')?.[0]?.toLowerCase() === 'binary') return 'binary';
  const decoded = encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(raw, params.get('charset')?.[0]) : raw;
  let values: string[];
  if (STRUCTURED.has(name)) values = splitEscaped(decoded, ';');
  else if (LISTS.has(name)) values = splitEscaped(decoded, ',');
  else values = [unescape(decoded)];
  return { name, group, params, values, raw: decoded };
}

// -------------------------------------------------------------------------------------------- ical.js

/**
 * Reads a 3.0/4.0 card with ical.js (which validates it) and returns its properties. The raw text of
 * each property is taken from our own parse, line for line, because ical.js rewrites values it
 * expects to be dates ("BDAY:unknown" comes back as "unkn-ow-n").
 */
function parseWithIcal(logical: Line[], own: Prop[]): Prop[] {
  const text = ['BEGIN:VCARD', ...logical.map((l) => l.text), 'END:VCARD'].join('\r\n');
  const parsed: unknown = ICAL.parse(text);
  const card = Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : null;
  const jprops: unknown = card?.[1];
  if (!Array.isArray(jprops)) throw new Error('ical.js returned no card');
  const rawByName = new Map<string, string[]>();
  for (const p of own) rawByName.set(p.name, [...(rawByName.get(p.name) ?? []), p.raw]);
  const taken = new Map<string, number>();
  const out: Prop[] = [];
  for (const jp of jprops) {
    if (!Array.isArray(jp) || typeof jp[0] !== 'string') continue;
    const name = jp[0].toUpperCase();
    const jparams: unknown = jp[1];
    const params = new Map<string, string[]>();
    let group: string | null = null;
    if (jparams !== null && typeof jparams === 'object') {
      for (const [k, v] of Object.entries(jparams as Record<string, unknown>)) {
        const list = (Array.isArray(v) ? v : [v]).map((x) => String(x));
        if (k === 'group') group = list[0] ?? null;
        else params.set(k.toLowerCase(), list);
      }
    }
    const rest = jp.slice(3);
    const first: unknown = rest[0];
    const flat = (x: unknown): string => (Array.isArray(x) ? x.map(flat).join(',') : String(x ?? ''));
    const values = rest.length === 1 && Array.isArray(first) ? first.map(flat) : rest.map(flat);
    const index = taken.get(name) ?? 0;
    taken.set(name, index + 1);
    const raw = rawByName.get(name)?.[index] ?? values.join(';');
    out.push({ name, group, params, values, raw });
  }
  return out;
}

// ------------------------------------------------------------------------------- Properties → contact

/** Properties that describe the file or carry pictures and keys, not the person. */
const TECHNICAL = new Set([
  'VERSION',
  'PRODID',
  'REV',
  'PHOTO',
  'LOGO',
  'SOUND',
  'KEY',
  'CLIENTPIDMAP',
  'PROFILE',
  'NAME',
  'SORT-STRING',
  'CLASS',
  'MAILER',
  'SOURCE',
  'X-ABUID',
  'X-ABLABEL',
  'X-ABSHOWAS',
  'X-ABADR',
  'X-IMAGETYPE',
  'X-IMAGEHASH',
  'X-SHARED-PHOTO-DISPLAY-PREF',
  'X-ADDRESSING-GRAMMAR',
  'X-IRMC-LUID',
]);

const FRIENDLY: Record<string, string> = {
  NICKNAME: 'Nickname',
  ROLE: 'Role',
  ANNIVERSARY: 'Anniversary',
  GENDER: 'Gender',
  IMPP: 'Instant messaging',
  TZ: 'Time zone',
  GEO: 'Geo',
  LANG: 'Language',
  MEMBER: 'Member',
  KIND: 'Kind',
  LABEL: 'Address',
  'X-SOCIALPROFILE': 'Social profile',
};

/** Apple writes labels as `_$!<Work>!$_` for its built-in ones. */
function cleanLabel(raw: string): string {
  const m = /^_\$!<(.*)>!\$_$/.exec(raw.trim());
  return (m?.[1] ?? raw).trim();
}

function types(p: Prop): string[] {
  return (p.params.get('type') ?? []).flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase());
}

/** Preferred values first: PREF=1 (4.0) before PREF=2, TYPE=pref (2.1/3.0) first, then file order. */
function rank(p: Prop): number | undefined {
  const pref = p.params.get('pref')?.[0];
  if (pref !== undefined && /^\d{1,3}$/.test(pref)) return PRIMARY + Number(pref);
  return types(p).includes('pref') ? PRIMARY : undefined;
}

/** A birthday from the value as written; Apple marks "no year" with the year 1604. */
function birthday(p: Prop): string | null {
  const date = parseDate(p.raw, true);
  if (date === null) return null;
  const omitYear = p.params.has('x-apple-omit-year') || date.startsWith('1604-');
  return omitYear && !date.startsWith('--') ? `--${date.slice(5)}` : date;
}

function toContact(props: Prop[]): ContactDraft {
  const draft = new ContactDraft();
  const labels = new Map<string, string>();
  for (const p of props) if (p.name === 'X-ABLABEL' && p.group !== null) labels.set(p.group, cleanLabel(p.values.join(',')));
  const hasAdr = props.some((p) => p.name === 'ADR');
  draft.isOrganisation = props.some(
    (p) =>
      (p.name === 'X-ABSHOWAS' && p.values[0]?.trim().toUpperCase() === 'COMPANY') ||
      (p.name === 'KIND' && p.values[0]?.trim().toLowerCase() === 'org'),
  );
  let adrSeen = false;
  // Our own export: its NOTE is the research on the person, and it says the tie and do-not-contact.
  const ours = props.some((p) => p.name === 'PRODID' && /coffeechat/i.test(p.values.join('')));

  for (const p of props) {
    const value = p.values.join(', ');
    const label = (p.group !== null ? labels.get(p.group) : undefined) ?? FRIENDLY[p.name] ?? p.name;
    if (TECHNICAL.has(p.name) || cleanLine(value) === null) continue;
    switch (p.name) {
      case 'FN':
        draft.setOnce('fullName', value, 'Name');
        break;
      case 'N': {
        const [family, given, middle] = p.values.map((v) => v.replace(/,/g, ' '));
        draft.setOnce('familyName', family ?? '', 'Family name');
        draft.addGiven(given ?? '');
        draft.addGiven(middle ?? '');
        break;
      }
      case 'EMAIL':
        draft.addEmail(value, 'E-mail', rank(p));
        break;
      case 'TEL':
        draft.addPhone(value, rank(p));
        break;
      case 'ORG': {
        const [org, ...units] = p.values;
        draft.setOnce('organisation', org ?? '', 'Organisation');
        const department = units.filter((u) => u.trim() !== '').join(', ');
        if (department !== '') draft.addNote('Department', department);
        break;
      }
      case 'TITLE':
        draft.setOnce('title', value, 'Title');
        break;
      case 'URL':
        if (/linkedin/i.test(label) && draft.linkedinUrl === null) draft.setOnce('linkedinUrl', value, label);
        else draft.addUrl(value, label === 'URL' ? 'URL' : label);
        break;
      case 'X-SOCIALPROFILE':
        if ((types(p).includes('linkedin') || isLinkedInUrl(value)) && draft.linkedinUrl === null)
          draft.setOnce('linkedinUrl', value, label);
        else draft.addNote(label, value);
        break;
      case 'ADR': {
        // [PO box, extended, street, locality, region, postal code, country]
        const v = p.values;
        const place = [v[3], v[4], v[6]].map((x) => cleanLine(x) ?? '').filter((x) => x !== '');
        const full = v.map((x) => cleanLine(x) ?? '').filter((x) => x !== '');
        if (!adrSeen && place.length > 0) {
          draft.location = place.join(', ');
          if (full.length > place.length) draft.addNote(label === 'ADR' ? 'Address' : label, full.join(', '));
        } else if (full.length > 0) draft.addNote(label === 'ADR' ? 'Address' : label, full.join(', '));
        adrSeen = true;
        break;
      }
      case 'LABEL':
        if (!hasAdr) draft.addNote('Address', p.values.join('\n'));
        break;
      case 'CATEGORIES':
        for (const v of p.values) for (const tag of splitValues(v, /[,;]/)) draft.addTag(tag);
        break;
      case 'NOTE':
        if (ours) draft.setOwn('research', p.values.join('\n'), 'Research');
        else draft.addOwnNotes(p.values.join('\n'));
        break;
      case 'X-COFFEECHAT-TIE':
        draft.setOwn('tie', value, 'Tie');
        break;
      case 'X-COFFEECHAT-DO-NOT-CONTACT':
        draft.setOwn('doNotContact', value, 'Do not contact');
        break;
      case 'BDAY': {
        const date = birthday(p);
        if (date !== null && draft.birthday === null) draft.birthday = date;
        else draft.addNote('Birthday', p.raw);
        break;
      }
      case 'RELATED':
        draft.related.push({ value: value.trim(), type: types(p).join(',') || 'related' });
        break;
      case 'X-ABRELATEDNAMES':
        draft.related.push({ value: value.trim(), type: (p.group !== null ? labels.get(p.group) : undefined)?.toLowerCase() ?? 'related' });
        break;
      case 'UID':
        draft.setOnce('uid', value, 'UID');
        break;
      case 'KIND':
        if (value.trim().toLowerCase() !== 'individual') draft.addNote(label, value);
        break;
      default:
        draft.addNote(label, value);
    }
  }
  return draft;
}
