// A contact being assembled from the cells of a row or the properties of a card. Every reader feeds
// one of these, so the rules about names, primary values and "nothing is lost" live in one place.
import { splitName } from '../domain/names.js';
import { TIES, type Tie } from '../domain/types.js';
import type { ImportedContact, OwnFields, RowError } from './contact-record.js';
import { cleanLine, cleanPhone, cleanText, isLinkedInUrl, normaliseEmail } from './normalise.js';

/** Rank given to a value the file marks as preferred; others keep the order they came in. */
export const PRIMARY = 0;
const ORDINARY = 1000;

interface Ranked {
  value: string;
  rank: number;
  seq: number;
}

function byRank(values: Ranked[]): string[] {
  if (values.length === 0) return [];
  if (values.length === 1) return [values[0]?.value ?? ''];
  const sorted = [...values].sort((a, b) => a.rank - b.rank || a.seq - b.seq);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of sorted) {
    if (seen.has(v.value)) continue;
    seen.add(v.value);
    out.push(v.value);
  }
  return out;
}

/** Collects one person's values as they are read, then `finish` applies the naming and ordering rules. */
export class ContactDraft {
  fullName: string | null = null;
  givenParts: string[] = [];
  familyName: string | null = null;
  organisation: string | null = null;
  title: string | null = null;
  linkedinUrl: string | null = null;
  location: string | null = null;
  connectedOn: string | null = null;
  own: OwnFields | undefined = undefined;
  birthday: string | null = null;
  referredBy: string | null = null;
  uid: string | null = null;
  /** The record is an organisation (Apple's X-ABShowAs:COMPANY, vCard 4 KIND:org): its name is not split. */
  isOrganisation = false;
  readonly related: { value: string; type: string }[] = [];
  private readonly emails: Ranked[] = [];
  private readonly phones: Ranked[] = [];
  private readonly tags: string[] = [];
  private readonly ownNotes: string[] = [];
  private readonly extraNotes: string[] = [];
  private seq = 0;

  /** Adds an e-mail; a value that is not an address is kept as a note under `label`. */
  addEmail(raw: string, label: string, rank = ORDINARY): void {
    const email = normaliseEmail(raw);
    if (email !== null) this.emails.push({ value: email, rank, seq: this.seq++ });
    else this.addNote(label, raw);
  }

  addPhone(raw: string, rank = ORDINARY): void {
    const phone = cleanPhone(raw);
    if (phone !== null) this.phones.push({ value: phone, rank, seq: this.seq++ });
  }

  addTag(raw: string): void {
    const tag = cleanLine(raw);
    if (tag === null) return;
    if (!this.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) this.tags.push(tag);
  }

  /** A web address: LinkedIn profiles fill `linkedinUrl` (first one wins), anything else becomes a note. */
  addUrl(raw: string, label: string): void {
    const url = cleanLine(raw);
    if (url === null) return;
    if (this.linkedinUrl === null && isLinkedInUrl(url)) this.linkedinUrl = url;
    else this.addNote(label, url);
  }

  /** coffeechat's own columns; a value that is not ours to read is kept as a note. */
  setOwn(field: 'tie' | 'research' | 'doNotContact', raw: string, label: string): void {
    this.own ??= { tie: null, doNotContact: false, research: null, source: null, roles: null };
    if (field === 'research') this.own.research = cleanText(raw);
    else if (field === 'doNotContact') this.own.doNotContact = /^(yes|true|1)$/i.test(raw.trim());
    else {
      const tie = raw.trim().toLowerCase();
      if ((TIES as readonly string[]).includes(tie)) this.own.tie = tie as Tie;
      else this.addNote(label, raw);
    }
  }

  /** The file's own free-text notes. */
  addOwnNotes(raw: string): void {
    const text = cleanText(raw);
    if (text !== null) this.ownNotes.push(text);
  }

  /** A value with no field of its own, kept as a "Label: value" line. */
  addNote(label: string, raw: string): void {
    const value = cleanText(raw);
    if (value === null) return;
    const name = cleanLine(label) ?? 'Value';
    this.extraNotes.push(`${name}: ${value}`);
  }

  /** Sets a single-valued field unless already set; a second, different value becomes a note. */
  setOnce(
    field: 'organisation' | 'title' | 'linkedinUrl' | 'location' | 'referredBy' | 'uid' | 'familyName' | 'fullName',
    raw: string,
    label: string,
  ): void {
    const value = cleanLine(raw);
    if (value === null) return;
    const current = this[field];
    if (current === null) this[field] = value;
    else if (current !== value) this.addNote(label, value);
  }

  addGiven(raw: string): void {
    const value = cleanLine(raw);
    if (value !== null) this.givenParts.push(value);
  }

  /** Whether anything at all was read (an all-empty row is skipped silently rather than reported). */
  isEmpty(): boolean {
    return (
      this.fullName === null &&
      this.givenParts.length === 0 &&
      this.familyName === null &&
      this.emails.length === 0 &&
      this.phones.length === 0 &&
      this.organisation === null &&
      this.title === null &&
      this.linkedinUrl === null &&
      this.location === null &&
      this.tags.length === 0 &&
      this.connectedOn === null &&
      this.birthday === null &&
      this.referredBy === null &&
      this.uid === null &&
      this.own === undefined &&
      this.related.length === 0 &&
      this.ownNotes.length === 0 &&
      this.extraNotes.length === 0
    );
  }

  /**
   * The finished record, or an error when nothing identifies the person (no name, e-mail, phone,
   * LinkedIn URL or organisation), or null for a row with no values at all.
   */
  finish(line: number, what: 'row' | 'card'): { record: ImportedContact } | { error: RowError } | null {
    if (this.isEmpty()) return null;
    const emails = byRank(this.emails);
    const phones = byRank(this.phones);
    const given = this.givenParts.length === 1 ? (this.givenParts[0] ?? null) : cleanLine(this.givenParts.join(' '));
    let givenName: string | null = given;
    let familyName: string | null = this.familyName;
    let name = this.fullName ?? (given !== null && familyName !== null ? `${given} ${familyName}` : (given ?? familyName));
    if (name !== null && given === null && familyName === null && !this.isOrganisation) {
      ({ givenName, familyName } = splitName(name));
    }
    if (name === null) name = emails[0] ?? this.linkedinUrl ?? this.organisation ?? phones[0] ?? null;
    if (name === null) {
      return { error: { line, message: `The ${what} has no name, e-mail, phone, LinkedIn URL or organisation.` } };
    }
    const notes = this.ownNotes.length + this.extraNotes.length === 0 ? '' : [...this.ownNotes, ...this.extraNotes].join('\n');
    return {
      record: {
        line,
        name,
        givenName,
        familyName,
        emails,
        phones,
        organisation: this.organisation,
        title: this.title,
        linkedinUrl: this.linkedinUrl,
        location: this.location,
        tags: [...this.tags],
        connectedOn: this.connectedOn,
        birthday: this.birthday,
        notes: notes === '' ? null : notes,
        referredBy: this.referredBy,
        related: [...this.related],
        uid: this.uid,
        ...(this.own ? { own: { ...this.own } } : {}),
      },
    };
  }
}
