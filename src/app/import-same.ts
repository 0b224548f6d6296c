// Rows that are the same contact because they are identical, not because a key says so. The
// matcher (domain/dedupe) never pairs two records on a name alone, so a row with only a name (or
// only a team address, an unreadable phone…) would be created again on every re-import. Product
// decision (session 6): a row identical in every imported field to a contact the same source
// made is that contact, and identical rows of one file are one contact. Rows that differ in
// anything stay separate; the duplicate finder is where those are reviewed.
import type { Contact, ContactSource } from '../domain/types.js';
import type { ImportedContact } from '../formats/index.js';
import type { Store } from '../store/index.js';

/** The fields both a stored contact and a file row have: enough to find the few worth comparing. */
interface Keyed {
  name: string;
  givenName: string | null;
  familyName: string | null;
  emails: string[];
  phones: string[];
  linkedinUrl: string | null;
}

/** FNV-1a over the UTF-16 code units from a given start; unsigned 32 bits. */
function fnv(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * 53 bits of two FNV variants: a whole row kept as one number instead of its text (an import of
 * 100,000 rows holds one per row created). Two different rows must also share name, addresses,
 * phones and profile to be compared at all, so a collision on top of that is not a practical risk.
 */
function hash53(text: string): number {
  return fnv(text, 0x811c9dc5) * 0x200000 + (fnv(text, 0x01000193) & 0x1fffff);
}

function keyOf(c: Keyed): number {
  return hash53(JSON.stringify([c.name, c.givenName, c.familyName, c.emails, c.phones, c.linkedinUrl]));
}

/** Everything a row says, except where in the file it was. */
function fingerprint(r: ImportedContact): number {
  const { line: _line, ...rest } = r;
  return hash53(JSON.stringify(rest));
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: string[], b: string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/** What the importer writes for a row that it creates: see `writeAll` in import.ts. */
export interface RowTarget {
  organisationId: string | null;
  source: ContactSource;
  /** The note made of the row's notes and birthday, or '' when there is none. */
  note: string;
}

/**
 * Whether the stored contact carries every imported field of the row as the importer would have
 * written it. Fields the user owns (tie, do-not-contact, research) count only when the file is
 * our own export and carries them.
 */
function sameFields(c: Contact, r: ImportedContact, t: RowTarget): boolean {
  if (
    c.name !== r.name ||
    c.givenName !== r.givenName ||
    c.familyName !== r.familyName ||
    !sameList(c.emails, r.emails) ||
    !sameList(c.phones, r.phones) ||
    c.linkedinUrl !== r.linkedinUrl ||
    c.organisationId !== t.organisationId ||
    c.title !== r.title ||
    c.location !== r.location ||
    c.connectedOn !== r.connectedOn ||
    !sameSet(c.tags, r.tags) ||
    c.source !== t.source
  )
    return false;
  const own = r.own;
  return !own || (c.tie === (own.tie ?? 'acquaintance') && c.doNotContact === own.doNotContact && c.research === own.research);
}

/**
 * The contacts of the network and of the file being imported, findable by identity. Contacts
 * made by this import are compared by their row's fingerprint; earlier ones by their stored
 * fields, their notes and their introducers.
 */
export class SameRows {
  /** Contacts that were in the network before this import, by the hash of their keyed fields. */
  private readonly byKey = new Map<number, string | string[]>();
  /** Contacts this import made, by the fingerprint of their row: a later row is them only when identical. */
  private readonly byPrint = new Map<number, string>();
  /** Earlier contacts a row of this import was found identical to, with that row's fingerprint. */
  private readonly claimed = new Map<string, number>();
  /** The fingerprint `find` worked out last, for `made` to reuse. */
  private last: { row: ImportedContact; print: number } | null = null;
  /** Earlier contacts read for the rows of the current batch. */
  private stored = new Map<string, Contact>();
  /** The keys of the current batch's rows, worked out once. */
  private batchKeys = new Map<Keyed, number>();

  constructor(
    private readonly tx: Store,
    private readonly userId: string,
  ) {}

  /** Indexes a contact that was in the network before the import. */
  add(id: string, c: Keyed): void {
    const key = keyOf(c);
    const ids = this.byKey.get(key);
    if (ids === undefined) this.byKey.set(key, id);
    else if (typeof ids === 'string') this.byKey.set(key, [ids, id]);
    else ids.push(id);
  }

  /** Indexes a contact this import creates from `row`. */
  made(id: string, row: ImportedContact): void {
    const print = this.last?.row === row ? this.last.print : fingerprint(row);
    if (!this.byPrint.has(print)) this.byPrint.set(print, id);
  }

  private candidates(r: Keyed): string[] {
    if (this.byKey.size === 0) return []; // a first import: nothing to be identical to
    const ids = this.byKey.get(this.batchKeys.get(r) ?? keyOf(r));
    if (ids === undefined) return [];
    // ids sort in creation order: the same file read again meets its contacts in the same order
    return typeof ids === 'string' ? [ids] : [...ids].sort();
  }

  /** Reads, in one query, the earlier contacts that the rows of a batch may be identical to. */
  async prefetch(rows: ImportedContact[]): Promise<void> {
    if (this.byKey.size === 0) return;
    this.batchKeys = new Map(rows.map((r) => [r, keyOf(r)]));
    const ids = new Set<string>();
    for (const r of rows) for (const id of this.candidates(r)) if (!this.claimed.has(id)) ids.add(id);
    this.stored = new Map((await this.tx.contacts.getMany(this.userId, [...ids])).map((c) => [c.id, c]));
  }

  /**
   * The contact the row is identical to, or undefined. Among several earlier contacts that fit,
   * one that no other row of this file took and with the least besides the row (notes,
   * introducers) wins: the first import made it from this row.
   */
  async find(r: ImportedContact, target: () => Promise<RowTarget>): Promise<string | undefined> {
    const print = fingerprint(r);
    this.last = { row: r, print };
    const made = this.byPrint.get(print);
    if (made) return made;
    const ids = this.candidates(r);
    if (!ids.length) return undefined;
    const mine = ids.find((id) => this.claimed.get(id) === print);
    if (mine) return mine;
    let t: RowTarget | undefined;
    let best: { id: string; extra: number } | undefined;
    for (const id of ids) {
      if (this.claimed.has(id)) continue;
      const c = this.stored.get(id) ?? (await this.tx.contacts.get(this.userId, id));
      t ??= await target();
      if (!c || !sameFields(c, r, t)) continue;
      const extra = await this.beyond(c, r, t, ids.length > 1);
      if (extra !== null && (!best || extra < best.extra)) best = { id, extra };
    }
    if (best) this.claimed.set(best.id, print);
    return best?.id;
  }

  /**
   * Whether the contact has the row's note and introducer; if so, how many notes and
   * introductions it has that the row does not explain (0 unless `count`), else null.
   */
  private async beyond(c: Contact, r: ImportedContact, t: RowTarget, count: boolean): Promise<number | null> {
    let extra = 0;
    if (t.note || count) {
      const notes = await this.tx.notes.list(this.userId, { contactId: c.id, limit: 1000, offset: 0 });
      if (t.note && !notes.some((n) => n.text === t.note)) return null;
      extra += notes.length - (t.note ? 1 : 0);
    }
    if (r.referredBy || count) {
      const intros = (await this.tx.introductions.forContact(this.userId, c.id)).filter((i) => i.contactId === c.id);
      const by = r.referredBy?.toLowerCase();
      if (by && !intros.some((i) => i.introducerName.toLowerCase() === by)) return null;
      extra += intros.length - (by ? 1 : 0);
    }
    return extra;
  }
}
