// Which contacts are the same person. Candidates come from shared e-mail addresses, LinkedIn
// profiles and phone numbers, and from alike names at the same organisation; a name alone never
// makes a candidate. Each candidate carries a confidence (0..1), the signals that matched and the
// reasons in plain words. Contacts are only compared with those that share a key with them
// (blocking), so a whole address book is matched in near-linear time.

import {
  compareNames,
  emailDomain,
  isPersonalMailDomain,
  isRoleEmail,
  nameBlockKeys,
  normaliseEmail,
  normaliseLinkedInUrl,
  normalisePhone,
  organisationKey,
  parsePersonName,
  phoneBlockKey,
  type NameComparison,
  type NameInput,
  type NameLevel,
  type PersonName,
} from './contact-keys.js';

/** The fields of a contact the matcher reads. */
export interface MatchInput {
  id: string;
  name: string;
  givenName: string | null;
  familyName: string | null;
  emails: string[];
  phones: string[];
  organisation: string | null;
  linkedinUrl: string | null;
}

export type SignalKind = 'email' | 'linkedin' | 'phone' | 'name-org' | 'name';

export interface MatchSignal {
  kind: SignalKind;
  detail: string;
}

export interface DuplicateCandidate {
  contactIds: [string, string];
  /** 0..1; at or above CONFIDENT an import may merge without asking. */
  confidence: number;
  /** In plain words, strongest first, including what speaks against ("but …"). */
  reasons: string[];
  signals: MatchSignal[];
}

export interface MatchOptions {
  /** The user's country (ISO 3166 alpha-2), used to read phone numbers written without a country code. */
  defaultCountry?: string | null;
}

/** At or above this confidence an import may merge two records automatically. */
export const CONFIDENT = 0.9;

/** A key held by more records than this is shared (a switchboard, a team address), not a person's. */
const MAX_STRONG_BLOCK = 25;
/** Name blocks larger than this (one organisation, one very common name) are not searched. */
const MAX_NAME_BLOCK = 100;

/** Levels at which two names are close enough to be one person's. */
const NAMES_FIT: ReadonlySet<NameLevel> = new Set(['exact', 'variant', 'initial', 'typo', 'partial']);
/** Levels at which the names disagree: never merged automatically, whatever else matches. */
const NAMES_CLASH: ReadonlySet<NameLevel> = new Set(['given-only', 'family-only', 'different']);

type Strong = 'linkedin' | 'email' | 'phone';

/**
 * Confidence from one shared key, by how the names compare. A LinkedIn profile belongs to one
 * person; an address can be a household's; a phone can be a home or office line, or reassigned.
 * Null: the shared key is not evidence of one person (a couple's address, a family's landline).
 */
const STRONG_CONFIDENCE: Record<Strong, Record<NameLevel, number | null>> = {
  linkedin: {
    exact: 0.99,
    variant: 0.99,
    initial: 0.97,
    typo: 0.97,
    partial: 0.97,
    unknown: 0.96,
    'given-only': 0.85,
    'family-only': 0.7,
    different: 0.6,
  },
  email: {
    exact: 0.98,
    variant: 0.97,
    initial: 0.95,
    typo: 0.93,
    partial: 0.95,
    unknown: 0.92,
    'given-only': 0.8,
    'family-only': null,
    different: null,
  },
  phone: {
    exact: 0.95,
    variant: 0.94,
    initial: 0.85,
    typo: 0.85,
    partial: 0.9,
    unknown: 0.8,
    'given-only': 0.6,
    'family-only': null,
    different: null,
  },
};

/**
 * Confidence from alike names at the same organisation, with nothing else shared. A lone word
 * ("Maya" at Stripe) is too little to go on.
 */
const NAME_ORG_CONFIDENCE: Partial<Record<NameLevel, number>> = {
  exact: 0.9,
  variant: 0.85,
  initial: 0.7,
  typo: 0.65,
};

/** Different addresses at the same employer's domain: two mailboxes, likely two people. */
const WORK_ADDRESS_PENALTY = 0.15;
/** The most a pair may score when the names clash or the LinkedIn profiles differ. */
const CLASH_CEILING = 0.85;
const LINKEDIN_CLASH_CEILING = 0.75;

/** A contact with its keys normalised, ready to compare. */
class Prepared {
  constructor(
    readonly id: string,
    /** The organisation as written (for the reasons). */
    readonly organisation: string | null,
    /** Where the name comes from, until it is parsed. */
    private source: NameInput | null,
    private parsed: PersonName | null,
    /** [normalised address, as written] */
    readonly emails: [string, string][],
    readonly linkedin: string | null,
    readonly phones: { raw: string; key: string }[],
    readonly org: string | null,
    /** employer domains of the addresses (not Gmail and the like) */
    readonly workDomains: string[],
  ) {}

  /** The parsed name, read when first needed (many contacts never need it). */
  get name(): PersonName {
    if (this.parsed === null) {
      this.parsed = parsePersonName(this.source ?? {});
      this.source = null;
    }
    return this.parsed;
  }

  /** Everything in one flat string, the name as far as it was parsed: see DuplicateIndex. */
  pack(): string {
    const n = this.parsed;
    const s = this.source;
    return JSON.stringify([
      this.id,
      this.organisation,
      n ? [n.given, n.family, n.aliases, n.generation, n.givenText, n.familyText, n.display] : null,
      s ? [s.name ?? null, s.givenName ?? null, s.familyName ?? null] : null,
      // an address mostly reads as its normalised form; the rest is derived again on unpacking
      this.emails.map(([key, raw]) => (key === raw ? key : [key, raw])),
      this.linkedin,
      this.phones.map((p) => p.raw),
      this.org,
    ]);
  }

  static unpack(packed: string): Prepared {
    const [id, organisation, n, s, written, linkedin, phones, org] = JSON.parse(packed) as Packed;
    const parsed = n && { given: n[0], family: n[1], aliases: n[2], generation: n[3], givenText: n[4], familyText: n[5], display: n[6] };
    const source = s && { name: s[0], givenName: s[1], familyName: s[2] };
    const emails = written.map((e): [string, string] => (typeof e === 'string' ? [e, e] : e));
    const phoneKeys = phones.map((raw) => ({ raw, key: phoneBlockKey(raw)! }));
    return new Prepared(id, organisation, source, parsed, emails, linkedin, phoneKeys, org, workDomainsOf(emails));
  }
}

type Packed = [
  id: string,
  organisation: string | null,
  name: [string[], string[], string[], string | null, string, string, string] | null,
  source: [string | null, string | null, string | null] | null,
  emails: (string | [string, string])[],
  linkedin: string | null,
  phones: string[],
  org: string | null,
];

/** Full phone parses are slow (tens of µs); each written number is parsed at most once. */
class PhoneReader {
  private readonly cache = new Map<string, string | null>();
  constructor(private readonly country: string | null) {}
  read(raw: string): string | null {
    let e164 = this.cache.get(raw);
    if (e164 === undefined) {
      e164 = normalisePhone(raw, this.country);
      this.cache.set(raw, e164);
    }
    return e164;
  }
}

const NONE: never[] = [];

/** The employer domains among normalised addresses (not Gmail and the like, not team addresses). */
function workDomainsOf(emails: [string, string][]): string[] {
  let workDomains: string[] = NONE;
  for (const [key] of emails) {
    const domain = emailDomain(key);
    if (!isPersonalMailDomain(domain) && !isRoleEmail(key) && !workDomains.includes(domain)) {
      if (workDomains === NONE) workDomains = [];
      workDomains.push(domain);
    }
  }
  return workDomains;
}

function prepare(c: MatchInput, org: string | null = organisationKey(c.organisation)): Prepared {
  let emails: [string, string][] = NONE;
  for (const raw of c.emails) {
    const key = normaliseEmail(raw);
    if (!key || emails.some(([k]) => k === key)) continue;
    if (emails === NONE) emails = [];
    emails.push([key, raw.trim()]);
  }
  const workDomains = workDomainsOf(emails);
  let phones: Prepared['phones'] = NONE;
  for (const raw of c.phones) {
    const key = phoneBlockKey(raw);
    if (!key) continue;
    if (phones === NONE) phones = [];
    phones.push({ raw, key });
  }
  const linkedin = c.linkedinUrl ? normaliseLinkedInUrl(c.linkedinUrl) : null;
  return new Prepared(c.id, c.organisation, c, null, emails, linkedin, phones, org, workDomains);
}

/**
 * The blocking keys of a contact: `e`-mail, `l`inkedIn, `p`hone (last digits) and, when it has an
 * organisation worth indexing, `n`ame keys within that organisation (`orgTag` stands for it).
 */
function keysOf(p: Prepared, orgTag: string | null): string[] {
  const keys: string[] = [];
  for (const [email] of p.emails) if (!isRoleEmail(email)) keys.push(`e ${email}`);
  if (p.linkedin) keys.push(`l ${p.linkedin}`);
  for (const phone of p.phones) keys.push(`p ${phone.key}`);
  if (orgTag !== null) for (const key of nameBlockKeys(p.name, `n ${orgTag}:`)) keys.push(key);
  return keys;
}

/** Short stand-ins for organisation keys, to keep block keys short. */
class OrgTags {
  private readonly tags = new Map<string, string>();
  tag(org: string | null): string | null {
    if (org === null) return null;
    let tag = this.tags.get(org);
    if (tag === undefined) {
      tag = this.tags.size.toString(36);
      this.tags.set(org, tag);
    }
    return tag;
  }
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function both(a: string, b: string): string {
  return sameText(a, b) ? a.trim() : `${a.trim()} / ${b.trim()}`;
}

function nameWords(cmp: NameComparison, a: PersonName, b: PersonName): string {
  const pair = both(a.display, b.display);
  switch (cmp.level) {
    case 'exact':
      return `same name (${pair})`;
    case 'variant':
      if (cmp.how === 'nickname' && a.familyText && sameText(a.familyText, b.familyText) && a.givenText && b.givenText) {
        return `similar name (${a.givenText}/${b.givenText} ${a.familyText})`;
      }
      if (cmp.how === 'swapped order') return `same name in another order (${pair})`;
      return `similar name (${pair}: ${cmp.how})`;
    case 'initial':
      return `matching initial (${pair})`;
    case 'typo':
      return `similar spelling (${pair})`;
    case 'partial':
      return `partial name (${pair})`;
    case 'unknown':
    case 'given-only':
    case 'family-only':
    case 'different':
      return `different names (${pair})`;
  }
}

function clashWords(cmp: NameComparison, a: PersonName, b: PersonName): string {
  switch (cmp.level) {
    case 'given-only':
      return `but the family names differ (${both(a.familyText || a.display, b.familyText || b.display)})`;
    case 'family-only':
      return `but the given names differ (${both(a.givenText || a.display, b.givenText || b.display)})`;
    case 'different':
    case 'exact':
    case 'variant':
    case 'initial':
    case 'typo':
    case 'partial':
    case 'unknown':
      return `but the names differ (${both(a.display, b.display)})`;
  }
}

/** 1 − Π(1 − c): independent pieces of evidence, each able to make the case alone. */
function combine(confidences: number[]): number {
  let miss = 1;
  for (const c of confidences) miss *= 1 - c;
  return 1 - miss;
}

function compare(a: Prepared, b: Prepared, phones: PhoneReader): DuplicateCandidate | null {
  if (a.id === b.id) return null;
  const sharedEmails: [string, string][] = [];
  for (const [key, raw] of a.emails) {
    const other = b.emails.find(([k]) => k === key);
    if (other && !isRoleEmail(key)) sharedEmails.push([raw, other[1]]);
  }
  const sameLinkedin = a.linkedin !== null && a.linkedin === b.linkedin;
  const sharedPhones: string[] = [];
  for (const pa of a.phones) {
    for (const pb of b.phones) {
      if (pa.key !== pb.key) continue;
      const e164 = phones.read(pa.raw);
      if (e164 !== null && e164 === phones.read(pb.raw) && !sharedPhones.includes(e164)) sharedPhones.push(e164);
    }
  }
  const sameOrg = a.org !== null && a.org === b.org;
  if (!sharedEmails.length && !sameLinkedin && !sharedPhones.length && !sameOrg) return null;

  const names = compareNames(a.name, b.name);
  const namesFit = NAMES_FIT.has(names.level);
  const reasons: string[] = [];
  const signals: MatchSignal[] = [];
  const evidence: number[] = [];

  if (sameLinkedin) {
    const c = STRONG_CONFIDENCE.linkedin[names.level];
    if (c !== null) {
      evidence.push(c);
      reasons.push(`same LinkedIn profile (${a.linkedin!})`);
      signals.push({ kind: 'linkedin', detail: a.linkedin! });
    }
  }
  if (sharedEmails.length) {
    const c = STRONG_CONFIDENCE.email[names.level];
    if (c !== null) {
      evidence.push(c);
      for (const [ra, rb] of sharedEmails) {
        reasons.push(`same e-mail ${both(ra, rb)}`);
        signals.push({ kind: 'email', detail: normaliseEmail(ra)! });
      }
    }
  }
  if (sharedPhones.length) {
    const c = STRONG_CONFIDENCE.phone[names.level];
    if (c !== null) {
      evidence.push(c);
      for (const e164 of sharedPhones) {
        reasons.push(`same phone ${e164}`);
        signals.push({ kind: 'phone', detail: e164 });
      }
    }
  }
  const strong = evidence.length > 0;

  const bothLinkedin = a.linkedin !== null && b.linkedin !== null;
  // an old /pub/ URL and a new /in/ URL can be one profile; two of a kind that differ are two people
  const linkedinClash =
    bothLinkedin && !sameLinkedin && a.linkedin!.startsWith('linkedin.com/in/') === b.linkedin!.startsWith('linkedin.com/in/');

  const nameOrg = sameOrg ? NAME_ORG_CONFIDENCE[names.level] : undefined;
  if (nameOrg !== undefined) {
    let c = nameOrg;
    const orgText = both(a.organisation ?? '', b.organisation ?? '');
    const nameText = nameWords(names, a.name, b.name);
    reasons.push(`${nameText} at the same organisation (${orgText})`);
    signals.push({ kind: 'name-org', detail: `${both(a.name.display, b.name.display)} @ ${orgText}` });
    const clashingDomains = a.workDomains.filter((d) => b.workDomains.includes(d));
    if (!strong && clashingDomains.length) {
      c -= WORK_ADDRESS_PENALTY;
      reasons.push(`but different e-mail addresses at ${clashingDomains.join(', ')}`);
    }
    if (c > 0) evidence.push(c);
  } else if (strong && namesFit) {
    reasons.push(nameWords(names, a.name, b.name));
    signals.push({ kind: 'name', detail: both(a.name.display, b.name.display) });
  } else if (strong && sameOrg) {
    reasons.push(`at the same organisation (${both(a.organisation ?? '', b.organisation ?? '')})`);
  }
  if (!evidence.length) return null;
  // a match on name and organisation alone gives way to two different LinkedIn profiles
  if (!strong && linkedinClash) return null;

  let confidence = combine(evidence);
  if (NAMES_CLASH.has(names.level)) {
    confidence = Math.min(confidence, CLASH_CEILING);
    reasons.push(clashWords(names, a.name, b.name));
  }
  if (linkedinClash) {
    confidence = Math.min(confidence, LINKEDIN_CLASH_CEILING);
    reasons.push(`but different LinkedIn profiles (${a.linkedin!} / ${b.linkedin!})`);
  }
  return {
    contactIds: [a.id, b.id],
    confidence: Math.round(Math.min(confidence, 0.999) * 1000) / 1000,
    reasons,
    signals,
  };
}

/**
 * Whether two contacts are the same person: a candidate with its confidence, signals and reasons,
 * or null. `contactIds` is `[a.id, b.id]`. The same rules as findDuplicates, for one pair.
 */
export function matchPair(a: MatchInput, b: MatchInput, opts: MatchOptions = {}): DuplicateCandidate | null {
  return compare(prepare(a), prepare(b), new PhoneReader(opts.defaultCountry ?? null));
}

function byConfidence(x: DuplicateCandidate, y: DuplicateCandidate): number {
  return y.confidence - x.confidence;
}

/** FNV-1a over the UTF-16 code units, cut to 30 bits so that it stays a small integer. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/**
 * Contacts (by position) per blocking key. Keys are kept as 30-bit hashes, not strings, so that
 * an index of 30,000 contacts does not hold 150,000 strings: blocking only proposes pairs, and
 * every proposed pair is checked in full, so two keys sharing a hash cost one extra comparison,
 * never a wrong answer. Most keys belong to one contact, kept as a bare number.
 */
class Blocks {
  private readonly strong = new Map<number, number | number[]>();
  private readonly names = new Map<number, number | number[]>();

  private mapOf(key: string): Map<number, number | number[]> {
    return key.startsWith('n ') ? this.names : this.strong;
  }

  add(keys: string[], at: number): void {
    for (const key of keys) {
      const map = this.mapOf(key);
      const h = hashKey(key);
      const block = map.get(h);
      if (block === undefined) map.set(h, at);
      else if (typeof block === 'number') {
        if (block !== at) map.set(h, [block, at]);
      } else if (block[block.length - 1] !== at) block.push(at);
    }
  }

  /** The contacts holding `key`, or none when there are more than its kind of key may have. */
  get(key: string): readonly number[] {
    const block = this.mapOf(key).get(hashKey(key));
    if (block === undefined) return NONE;
    if (typeof block === 'number') return [block];
    return block.length > (key.startsWith('n ') ? MAX_NAME_BLOCK : MAX_STRONG_BLOCK) ? NONE : block;
  }

  /** Every block of two contacts or more, within the limits; contacts in the order added. */
  *shared(): Generator<readonly number[]> {
    for (const [map, limit] of [
      [this.strong, MAX_STRONG_BLOCK],
      [this.names, MAX_NAME_BLOCK],
    ] as const) {
      for (const block of map.values()) if (typeof block !== 'number' && block.length <= limit) yield block;
    }
  }
}

/**
 * An index of contacts to match new records against, e.g. existing contacts during an import:
 * `match` compares a record only with the indexed contacts that share a key with it. A key is
 * skipped once more than MAX_*_BLOCK indexed contacts hold it.
 *
 * An import indexes every contact of the network and of the file (100,000 rows and more) and holds
 * them to its end, so each is kept as one packed string, a fifth of its prepared form and nothing
 * the garbage collector has to walk, and unpacked when a block brings it up. Unpacking costs about
 * what keeping prepared contacts does: a cache of them lives long enough to be promoted, and
 * collecting it from the old generation cost more than unpacking again (measured).
 */
export class DuplicateIndex {
  private readonly packed: string[] = [];
  private readonly blocks = new Blocks();
  private readonly phones: PhoneReader;
  private readonly orgs = new OrgTags();
  private readonly seen: number[] = [];
  private query = 0;
  /**
   * Where the last lookup's candidates are in the index, in the order found. Positions, not the
   * unpacked contacts: keeping those until the next row got them promoted to the old generation
   * (a 100,000-row import peaked 130 MiB higher).
   */
  private readonly foundAt: number[] = [];

  constructor(opts: MatchOptions = {}) {
    this.phones = new PhoneReader(opts.defaultCountry ?? null);
  }

  get size(): number {
    return this.packed.length;
  }

  add(contact: MatchInput): void {
    const p = prepare(contact);
    this.insert(p, this.keys(p));
  }

  /** Candidates between `contact` and the indexed contacts, most confident first; `contactIds` is `[indexed.id, contact.id]`. */
  match(contact: MatchInput): DuplicateCandidate[] {
    const p = prepare(contact);
    return this.lookup(p, this.keys(p)).sort(byConfidence);
  }

  /**
   * Matches `contact` against the indexed contacts, then adds it: fed the rows of one file in
   * order, this finds the duplicates inside the file too. Most confident first.
   *
   * With `sameAt`, a contact whose best match reaches it is the same person as that match, so it
   * is filed only under the keys the match does not hold: a person counts once toward a key's
   * block limit. Otherwise importing a file again (each row beside the contact it made) doubles
   * the blocks, and a key fifteen people share stops matching them halfway through the file.
   */
  addAndMatch(contact: MatchInput, sameAt?: number): DuplicateCandidate[] {
    const p = prepare(contact);
    let keys = this.keys(p);
    const found = this.lookup(p, keys);
    if (sameAt !== undefined) {
      // the first of the most confident: the one the stable sort below puts first
      let best = -1;
      for (let i = 0; i < found.length; i++)
        if (found[i]!.confidence >= sameAt && (best < 0 || found[i]!.confidence > found[best]!.confidence)) best = i;
      if (best >= 0) {
        const held = new Set(this.keys(Prepared.unpack(this.packed[this.foundAt[best]!]!)));
        keys = keys.filter((k) => !held.has(k));
      }
    }
    this.insert(p, keys);
    return found.sort(byConfidence);
  }

  private keys(p: Prepared): string[] {
    return keysOf(p, this.orgs.tag(p.org));
  }

  private insert(p: Prepared, keys: string[]): void {
    const at = this.packed.length;
    this.packed.push(p.pack());
    this.seen.push(0);
    this.blocks.add(keys, at);
  }

  private lookup(p: Prepared, keys: string[]): DuplicateCandidate[] {
    const found: DuplicateCandidate[] = [];
    const stamp = ++this.query;
    this.foundAt.length = 0;
    for (const key of keys) {
      for (const at of this.blocks.get(key)) {
        if (this.seen[at] === stamp) continue;
        this.seen[at] = stamp;
        const candidate = compare(Prepared.unpack(this.packed[at]!), p, this.phones);
        if (candidate) {
          found.push(candidate);
          this.foundAt.push(at);
        }
      }
    }
    return found;
  }
}

/**
 * Every pair of contacts that may be the same person, most confident first (then in the order of
 * `contacts`). Within a pair the contact that comes first in `contacts` comes first in
 * `contactIds`, and the candidate is the one matchPair gives. Near-linear: contacts are compared
 * only with those sharing an e-mail address, a LinkedIn profile, a phone number or (at the same
 * organisation) a name key; a key held by more than MAX_*_BLOCK contacts of the list is a shared
 * one (a switchboard, a team address) and is skipped.
 */
export function findDuplicates(contacts: MatchInput[], opts: MatchOptions = {}): DuplicateCandidate[] {
  const n = contacts.length;
  const phones = new PhoneReader(opts.defaultCountry ?? null);

  // organisations, numbered; one that a single contact has cannot pair anyone by name
  const orgIds = new Map<string, number>();
  const orgNames: string[] = [];
  const orgCounts: number[] = [];
  const orgOf = new Int32Array(n);
  const keyOfOrganisation = new Map<string, string | null>(); // the same employers come up again and again
  contacts.forEach((c, at) => {
    let key: string | null = null;
    if (c.organisation) {
      key = keyOfOrganisation.get(c.organisation) ?? null;
      if (key === null && !keyOfOrganisation.has(c.organisation)) {
        key = organisationKey(c.organisation);
        keyOfOrganisation.set(c.organisation, key);
      }
    }
    if (key === null) return void (orgOf[at] = -1);
    let id = orgIds.get(key);
    if (id === undefined) {
      id = orgNames.length;
      orgIds.set(key, id);
      orgNames.push(key);
      orgCounts.push(0);
    }
    orgCounts[id]!++;
    orgOf[at] = id;
  });

  const blocks = new Blocks();
  const prepared: Prepared[] = [];
  for (let at = 0; at < n; at++) {
    const id = orgOf[at]!;
    const p = prepare(contacts[at]!, id < 0 ? null : orgNames[id]!);
    prepared.push(p);
    blocks.add(keysOf(p, id >= 0 && orgCounts[id]! > 1 ? id.toString(36) : null), at);
  }

  const compared = new Set<number>();
  const found: { candidate: DuplicateCandidate; earlier: number; later: number }[] = [];
  for (const block of blocks.shared()) {
    // a block lists contacts in the order of `contacts`
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const earlier = block[i]!;
        const later = block[j]!;
        const pair = earlier * n + later;
        if (compared.has(pair)) continue;
        compared.add(pair);
        const candidate = compare(prepared[earlier]!, prepared[later]!, phones);
        if (candidate) found.push({ candidate, earlier, later });
      }
    }
  }
  found.sort((x, y) => y.candidate.confidence - x.candidate.confidence || x.earlier - y.earlier || x.later - y.later);
  return found.map((f) => f.candidate);
}
