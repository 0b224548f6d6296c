// The keys two contact records are compared by: e-mail, LinkedIn profile, phone, organisation and
// person name, each brought to one canonical form so that the ways people write them do not matter.
// Pure functions (libphonenumber-js is pure); the duplicate matcher in dedupe.ts builds on them.

import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { fold, normaliseOrganisation, splitName } from './names.js';
import { canonicalGivenNames, sameGivenName } from './nicknames.js';

// ---------------------------------------------------------------------------------------------
// E-mail

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form two e-mail addresses are compared in, or null when the text is not an address.
 * Trimmed and lower-cased; a `mailto:` prefix and `Name <…>` wrapping are dropped; a `+tag` in the
 * local part is ignored everywhere (`maya+jobs@x.org` is `maya@x.org`); Gmail also ignores dots,
 * and googlemail.com is gmail.com.
 */
export function normaliseEmail(text: string): string | null {
  let s = text.trim().toLowerCase();
  const wrapped = /<([^<>]*)>\s*$/.exec(s);
  if (wrapped) s = wrapped[1]!.trim();
  if (s.startsWith('mailto:')) s = s.slice('mailto:'.length).trim();
  const at = s.lastIndexOf('@');
  if (at <= 0) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1).replace(/\.$/, '');
  if (/[\s@<>(),;:"]/.test(local)) return null;
  if (!/^[^\s@<>(),;:".]+(\.[^\s@<>(),;:".]+)+$/.test(domain)) return null;
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com';
    local = local.replace(/\./g, '');
  }
  if (!local) return null;
  return `${local}@${domain}`;
}

/** The domain of a normalised address. */
export function emailDomain(normalised: string): string {
  return normalised.slice(normalised.lastIndexOf('@') + 1);
}

const ROLE_LOCAL_PARTS = new Set([
  'info',
  'hello',
  'hi',
  'contact',
  'office',
  'admin',
  'support',
  'help',
  'sales',
  'team',
  'jobs',
  'careers',
  'hr',
  'recruiting',
  'recruitment',
  'talent',
  'hiring',
  'noreply',
  'no-reply',
  'enquiries',
  'inquiries',
  'mail',
  'reception',
  'billing',
  'accounts',
  'marketing',
  'press',
  'media',
  'postmaster',
  'webmaster',
  'feedback',
  'service',
  'customerservice',
]);

/** Whether a normalised address belongs to a function rather than a person (info@, jobs@, …). */
export function isRoleEmail(normalised: string): boolean {
  return ROLE_LOCAL_PARTS.has(normalised.slice(0, normalised.lastIndexOf('@')));
}

const PERSONAL_MAIL =
  /^(gmail\.com|yahoo\.[a-z.]+|ymail\.com|hotmail\.[a-z.]+|outlook\.[a-z.]+|live\.[a-z.]+|msn\.com|icloud\.com|me\.com|mac\.com|aol\.com|proton\.me|protonmail\.(com|ch)|pm\.me|gmx\.[a-z.]+|web\.de|yandex\.[a-z.]+|mail\.ru|qq\.com|163\.com|126\.com|fastmail\.(com|fm)|hey\.com|zoho\.com|tutanota\.com|comcast\.net|verizon\.net|att\.net|sbcglobal\.net|btinternet\.com|orange\.fr|free\.fr|laposte\.net|libero\.it|naver\.com|rediffmail\.com)$/;

/** Whether a domain hands out addresses to anyone (Gmail, Outlook, …), so it says nothing of an employer. */
export function isPersonalMailDomain(domain: string): boolean {
  return PERSONAL_MAIL.test(domain);
}

// ---------------------------------------------------------------------------------------------
// LinkedIn

const LINKEDIN_PROFILE = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com\/(?:mwlite\/)?(in|pub)\/([^/?#\s]+)((?:\/[^/?#\s]*)*)/i;

/**
 * The canonical form of a LinkedIn profile URL, `linkedin.com/in/slug`, or null when the text is
 * not a profile URL. Scheme, `www.` and country subdomains (`uk.linkedin.com`), case, a trailing
 * slash, the query string and anything after the slug (`/en`, `/details/…`) do not matter; a
 * percent-encoded slug is decoded. Old `/pub/name/x/y/z` URLs keep their numbers.
 */
export function normaliseLinkedInUrl(text: string): string | null {
  const m = LINKEDIN_PROFILE.exec(text.trim());
  if (!m) return null;
  const slug = decodeSlug(m[2]!);
  if (!slug) return null;
  if (m[1]!.toLowerCase() === 'in') return `linkedin.com/in/${slug}`;
  const numbers = m[3]!
    .split('/')
    .filter((part) => part !== '')
    .slice(0, 3)
    .map((part) => part.toLowerCase());
  return ['linkedin.com/pub', slug, ...numbers].join('/');
}

function decodeSlug(raw: string): string {
  let slug = raw;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    // a stray % is kept as written
  }
  return slug.normalize('NFC').toLowerCase().trim();
}

// ---------------------------------------------------------------------------------------------
// Phone

function countryCode(defaultCountry: string | null | undefined): CountryCode | undefined {
  if (!defaultCountry) return undefined;
  const upper = defaultCountry.trim().toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}

/**
 * A phone number in E.164 (`+14155550100`), or null when it is not a valid number. National
 * numbers are read in `defaultCountry` (ISO 3166 alpha-2, e.g. `US`); without one only
 * international numbers (`+…` or `00…`) can be read. Extensions are dropped.
 */
export function normalisePhone(text: string, defaultCountry?: string | null): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const country = countryCode(defaultCountry);
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (parsed?.isValid()) return parsed.number;
  // "00 44 …" is the international prefix in most of the world, though not in every default country.
  const idd = /^\s*00\s*([1-9].*)$/.exec(trimmed);
  if (idd) {
    const again = parsePhoneNumberFromString(`+${idd[1]!}`);
    if (again?.isValid()) return again.number;
  }
  return null;
}

/**
 * A cheap key that two written forms of one number always share: the last seven digits, once an
 * extension is cut off (the national number always ends the written digits, whatever prefix or
 * country code comes before it). Null when there are too few digits to be a phone number. Used to
 * decide which numbers are worth the cost of a full parse.
 */
export function phoneBlockKey(text: string): string | null {
  const main = text.replace(/\s*(?:;\s*ext=|,|;|#|\b(?:ext|extn|extension|x)\.?:?)\s*\d*\s*$/i, '');
  const digits = main.replace(/\D/g, '');
  if (digits.length < 7) return null;
  return digits.slice(-7);
}

// ---------------------------------------------------------------------------------------------
// Organisation

const NOT_AN_ORGANISATION = new Set([
  'self employed',
  'selfemployed',
  'self',
  'freelance',
  'freelancer',
  'independent',
  'independent consultant',
  'consultant',
  'contractor',
  'retired',
  'student',
  'unemployed',
  'none',
  'n a',
  'na',
  'confidential',
  'stealth',
  'stealth startup',
  'stealth mode',
  'stealth mode startup',
  'various',
  'private',
  'home',
  'homemaker',
  'career break',
  'open to work',
  'looking for opportunities',
  'seeking new opportunities',
  'job seeker',
]);

/** Legal forms normaliseOrganisation leaves on: Equinor ASA, Natura Ltda, Tata Pvt, Zalando SE. */
const MORE_LEGAL_SUFFIXES = /(?:\s(?:asa|s r o|sro|kk|k k|sarl|ltda|pvt|pte|llp|lp|kg|se|aps|sl|sp z o o|s a|s l|sa de cv))+$/;

/**
 * The form two employers are compared in (see normaliseOrganisation: "Stripe, Inc." is "Stripe"),
 * also ignoring a parenthesised aside and a leading "The". Null for no organisation, and for words
 * that are a situation rather than an employer ("Self-employed", "Freelance", "Stealth startup").
 */
export function organisationKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const withoutAside = name.replace(/\([^)]*\)/g, ' ');
  let key = normaliseOrganisation(withoutAside.trim() ? withoutAside : name);
  key = key
    .replace(/^the\s+/, '')
    .replace(MORE_LEGAL_SUFFIXES, '')
    .trim();
  // dotted legal forms fall apart into letters: "N.V.", "S.p.A.", "S.A.S."
  const lettersOff = key.replace(/(?:\s\p{L}){2,}$/u, '').trim();
  if (lettersOff) key = lettersOff;
  if (!key || NOT_AN_ORGANISATION.has(key)) return null;
  return key;
}

// ---------------------------------------------------------------------------------------------
// Person names

const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
};

/**
 * A name folded for comparison: accents and case dropped (ø, ł, ß, æ … spelled out), apostrophes
 * removed inside words (O'Brien → obrien), any other punctuation a space.
 */
export function foldName(text: string): string {
  // plain ASCII letters (most names): no decomposition needed
  if (/^[A-Za-z .,-]*$/.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z]+/g, ' ')
      .trim();
  return fold(text)
    .replace(/[øłđðþßæœı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where a name can come from: a display name and/or its parts (as on a contact). */
export interface NameInput {
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
}

/** A person's name taken apart for comparison. Tokens are folded; an initial is one letter. */
export interface PersonName {
  given: string[];
  family: string[];
  /** Other given names the record itself offers: "Robert (Bob) Smith", 'Robert "Bob" Smith'. */
  aliases: string[];
  /** A generational suffix (jr, sr, ii, iii, iv), which tells a father from his son. */
  generation: string | null;
  /** The given and family names as written, for messages. */
  givenText: string;
  familyText: string;
  display: string;
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'fr']);
const GENERATIONS = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Letters after a name that are never a name. */
const CREDENTIALS = new Set([
  'phd',
  'mba',
  'cpa',
  'pmp',
  'esq',
  'cfa',
  'dds',
  'dvm',
  'msc',
  'bsc',
  'mphil',
  'dphil',
  'frsa',
  'ceng',
  'cissp',
  'shrm',
  'mfa',
  'llm',
  'facs',
]);
/** Letters that are credentials only after a comma and in capitals ("Jane Doe, MD"; Jack MA is no MA). */
const CAPITAL_CREDENTIALS = new Set(['ma', 'ba', 'md', 'rn', 'jd', 'ms', 'do', 'pe', 'cpa', 'np', 'pa']);
const PRONOUNS = /^(she|he|they|her|him|them|hers|his|theirs|ze|xe)(\s*\/\s*(she|he|they|her|him|them|hers|his|theirs|ze|xe))*$/i;
/** Little words that belong to the family name: van der Berg, de la Cruz, bin Talal. */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
]);

function tokens(text: string): string[] {
  const folded = foldName(text);
  if (!folded) return [];
  const words = folded.split(' ');
  return /\d/.test(folded) ? words.filter((t) => !/\d/.test(t)) : words;
}

/** Letters after a name that are a degree or title; `afterComma` also accepts the ambiguous ones in capitals. */
function isCredential(raw: string, afterComma = false): boolean {
  const bare = raw.replace(/[.\s-]/g, '');
  const folded = bare.toLowerCase();
  if (CREDENTIALS.has(folded)) return true;
  return afterComma && CAPITAL_CREDENTIALS.has(folded) && bare === bare.toUpperCase() && bare.length > 0;
}

/** A word without dots, in lower case: "Dr." → "dr". */
function bareWord(word: string): string {
  return (word.includes('.') ? word.replace(/\./g, '') : word).toLowerCase();
}

/** Removes honorifics before and suffixes after a run of words; returns the generation if any. */
function trimWords(words: string[]): { words: string[]; generation: string | null } {
  let start = 0;
  let end = words.length;
  let generation: string | null = null;
  while (start < end - 1 && HONORIFICS.has(bareWord(words[start]!))) start++;
  while (end - 1 > start) {
    const raw = words[end - 1]!;
    const bare = bareWord(raw);
    if (GENERATIONS.has(bare)) generation = bare;
    else if (!isCredential(raw)) break;
    end--;
  }
  return { words: words.slice(start, end), generation };
}

/** Splits a display name written without separate fields into given and family parts. */
function splitDisplay(text: string): { given: string; family: string; generation: string | null } {
  // "Smith, John" (but "Jane Doe, PhD" and "John Smith, Jr." are not reversed)
  const parts = text.includes(',')
    ? text
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '')
    : [text.trim()];
  let generation: string | null = null;
  while (parts.length > 1) {
    const words = parts[parts.length - 1]!.split(/\s+/);
    if (!words.every((w) => isCredential(w, true) || GENERATIONS.has(bareWord(w)))) break;
    for (const w of words) {
      const bare = bareWord(w);
      if (GENERATIONS.has(bare)) generation = bare;
    }
    parts.pop();
  }
  let reversed: { given: string; family: string } | null = null;
  if (parts.length === 2) reversed = { family: parts[0]!, given: parts[1]! };
  const whole = reversed ? `${reversed.given} ${reversed.family}` : parts.join(' ');
  const trimmed = trimWords(whole.split(/\s+/).filter((w) => w !== ''));
  generation ??= trimmed.generation;
  if (reversed) {
    const given = trimWords(reversed.given.split(/\s+/));
    const family = trimWords(reversed.family.split(/\s+/));
    return {
      given: given.words.join(' '),
      family: family.words.join(' '),
      generation: generation ?? given.generation ?? family.generation,
    };
  }
  const { givenName, familyName } = splitName(trimmed.words.join(' '));
  // "Ludwig van Beethoven": the particles go with the family name
  const givenWords = (givenName ?? '').split(' ').filter((w) => w !== '');
  const familyWords = familyName ? [familyName] : [];
  while (givenWords.length > 1 && PARTICLES.has(foldName(givenWords[givenWords.length - 1]!))) {
    familyWords.unshift(givenWords.pop()!);
  }
  return { given: givenWords.join(' '), family: familyWords.join(' '), generation };
}

/**
 * Takes a person's name apart. The given and family fields are used when both are filled in (or
 * there is no display name); otherwise the display name is split ("Smith, John" and "John Smith"
 * alike). Honorifics ("Dr."), credentials ("PhD") and pronouns are dropped, and a nickname in
 * parentheses or quotes is kept as an alias. A display name that is an e-mail address is no name.
 */
export function parsePersonName(input: NameInput | string): PersonName {
  const source: NameInput = typeof input === 'string' ? { name: input } : input;
  const aliases: string[] = [];
  let display = (source.name ?? '').trim().replace(/\s+/g, ' ');
  const text = takeAliases(display.includes('@') ? '' : display, aliases);
  let givenText: string;
  let familyText: string;
  let generation: string | null;
  const givenField = takeAliases((source.givenName ?? '').trim(), aliases).trim();
  const familyField = (source.familyName ?? '').trim();
  // both fields: trust them; one field only: the display name, when there is one, is more complete
  if ((givenField && familyField) || ((givenField || familyField) && !text.trim())) {
    const g = trimWords(givenField.split(/\s+/).filter((w) => w !== ''));
    const f = trimWords(familyField.split(/\s+/).filter((w) => w !== ''));
    givenText = g.words.join(' ');
    familyText = f.words.join(' ');
    generation = f.generation ?? g.generation ?? (/\b(jr|sr|ii|iii|iv)\b/i.test(text) ? splitDisplay(text).generation : null);
  } else {
    const split = splitDisplay(text);
    givenText = split.given;
    familyText = split.family;
    generation = split.generation;
  }
  if (!display) display = [givenText, familyText].filter((s) => s !== '').join(' ');
  return { given: tokens(givenText), family: tokens(familyText), aliases, generation, givenText, familyText, display };
}

/** Removes asides in parentheses or quotes, keeping a one-word nickname among them as an alias. */
function takeAliases(text: string, aliases: string[]): string {
  if (!/[("“']/.test(text)) return text;
  return text.replace(/\(([^)]*)\)|"([^"]*)"|“([^”]*)”|(?<=^|\s)'([^'\s]+)'(?=\s|$)/g, (_all: string, ...groups: unknown[]) => {
    const inner = groups.slice(0, 4).find((g): g is string => typeof g === 'string') ?? '';
    const aside = inner.trim();
    if (aside && !PRONOUNS.test(aside) && !aside.split(/[\s,]+/).every((w) => isCredential(w, true))) {
      const words = tokens(inner);
      if (words.length === 1 && words[0]!.length > 1 && !aliases.includes(words[0]!)) aliases.push(words[0]!);
    }
    return ' ';
  });
}

/** Whether a parsed name says anything: at least one word longer than an initial. */
export function isUsableName(name: PersonName): boolean {
  return name.given.some((t) => t.length > 1) || name.family.some((t) => t.length > 1);
}

/**
 * One key per person name: the first given name as its canonical formal name (Bob → robert,
 * an initial stays a letter) and the family name without spaces or hyphens, e.g. "robert smith",
 * "j smith", "maria garcialopez". Null when the text holds no usable name. A nickname that stands
 * for several names ("Alex") takes the first; comparisons use compareNames, which knows them all.
 */
export function personNameKey(input: NameInput | string): string | null {
  const name = parsePersonName(input);
  if (!isUsableName(name)) return null;
  const first = name.given[0];
  const given = first ? canonicalGivenNames(first)[0]! : '';
  return [given, name.family.join('')].filter((s) => s !== '').join(' ');
}

/** How alike two names are, from the same words to clearly different people. */
export type NameLevel =
  | 'exact' // the same words (case, accents, hyphens, apostrophes and order of fields aside)
  | 'variant' // a nickname, a middle name, a double family name, swapped order
  | 'initial' // an initial for a given name, or the middle name used as the first
  | 'typo' // one spelling slip in one of the names
  | 'partial' // one record has a single name that fits the other
  | 'unknown' // one record has no usable name
  | 'given-only' // same given name, different family name (a married name, or someone else)
  | 'family-only' // same family name, different given name (a relative, or someone else)
  | 'different';

export interface NameComparison {
  level: NameLevel;
  /** What made the difference, in words: "nickname", "swapped order", "initial", … */
  how: string;
}

const GIVEN_SCORE = { same: 1, first: 0.9, nickname: 0.9, initial: 0.7, middle: 0.7, typo: 0.6, missing: 0.5, none: 0 } as const;
type GivenRelation = keyof typeof GIVEN_SCORE;
const FAMILY_SCORE = { same: 1, partial: 0.9, typo: 0.6, missing: 0.5, none: 0 } as const;
type FamilyRelation = keyof typeof FAMILY_SCORE;

const GIVEN_HOW: Record<GivenRelation, string> = {
  same: 'same',
  first: 'middle name',
  nickname: 'nickname',
  initial: 'initial',
  middle: 'middle name as first name',
  typo: 'spelling',
  missing: 'partial',
  none: 'different',
};
const FAMILY_HOW: Record<FamilyRelation, string> = {
  same: 'same',
  partial: 'double family name',
  typo: 'spelling',
  missing: 'partial',
  none: 'different',
};

/** Optimal-string-alignment distance (edits and swaps of neighbours), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    // The row's first cell (i deletions) counts too: against an empty b it is the only one.
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
  }
  // Anything past the limit reads as limit + 1, whichever way round the two names are passed.
  return Math.min(rows[a.length]![b.length]!, limit + 1);
}

/** A slip of one letter in a name of four letters or more: same first and last letter (Micheal/Michael). */
function isSpellingSlip(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return false;
  if (a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  return editDistance(a, b, 1) <= 1;
}

function givenMatch(x: string, y: string): boolean {
  return x === y || sameGivenName(x, y);
}

function relateGiven(a: string[], aAliases: string[], b: string[], bAliases: string[]): GivenRelation {
  if (a.length === 0 || b.length === 0) return 'missing';
  if (a.join('') === b.join('')) return 'same';
  const fa = a[0]!;
  const fb = b[0]!;
  // second given names that contradict each other (John Michael / John David) are two people
  const sa = a[1];
  const sb = b[1];
  const middlesAgree =
    sa === undefined ||
    sb === undefined ||
    givenMatch(sa, sb) ||
    (sa.length === 1 && sb.startsWith(sa)) ||
    (sb.length === 1 && sa.startsWith(sb));
  if (fa === fb) return middlesAgree ? 'first' : 'none';
  if (fa.length > 1 && fb.length > 1) {
    const faAll = [fa, ...aAliases];
    const fbAll = [fb, ...bAliases];
    if (faAll.some((x) => fbAll.some((y) => givenMatch(x, y)))) return middlesAgree ? 'nickname' : 'none';
  }
  if ((fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb))) return middlesAgree ? 'initial' : 'none';
  if ((fb.length > 1 && a.slice(1).includes(fb)) || (fa.length > 1 && b.slice(1).includes(fa))) return 'middle';
  if (isSpellingSlip(fa, fb)) return middlesAgree ? 'typo' : 'none';
  return 'none';
}

function relateFamily(a: string[], b: string[]): FamilyRelation {
  if (a.length === 0 || b.length === 0) return 'missing';
  const ca = a.join('');
  const cb = b.join('');
  if (ca === cb) return 'same';
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const meaningful = small.filter((t) => !PARTICLES.has(t));
  if (small.length < large.length && meaningful.some((t) => t.length > 1) && small.every((t) => large.includes(t))) return 'partial';
  if (ca.length >= 5 && cb.length >= 5 && ca[0] === cb[0] && editDistance(ca, cb, 1) <= 1) return 'typo';
  return 'none';
}

interface Relation {
  given: GivenRelation;
  family: FamilyRelation;
}

/** Weak on one side is tolerable only when the other side is solid. */
function judge(r: Relation): NameComparison | null {
  const g = GIVEN_SCORE[r.given];
  const f = FAMILY_SCORE[r.family];
  if (g === 0 || f === 0) return null;
  if (g < 0.9 && f < 0.9) return null;
  if (r.given === 'typo' && f < 1) return null;
  if (r.family === 'typo' && g < 0.9) return null;
  const s = Math.min(g, f);
  const how = g <= f ? GIVEN_HOW[r.given] : FAMILY_HOW[r.family];
  if (s === 1) return { level: 'exact', how: 'same' };
  if (s >= 0.9) return { level: 'variant', how };
  if (s >= 0.7) return { level: 'initial', how };
  if (s >= 0.6) return { level: 'typo', how };
  return { level: 'partial', how };
}

/**
 * How alike two parsed names are. Symmetric. Tolerates case, accents, punctuation, hyphen or
 * space, nicknames (Bob/Robert), initials (J. Smith/John Smith), a middle name, a double family
 * name, the same words in another order (Zhang Wei/Wei Zhang) and one spelling slip; a father and
 * son told apart by Jr./Sr. are different people.
 */
export function compareNames(a: PersonName, b: PersonName): NameComparison {
  if (!isUsableName(a) || !isUsableName(b)) return { level: 'unknown', how: 'no name' };
  if (a.generation && b.generation && a.generation !== b.generation)
    return { level: 'family-only', how: `${a.generation}/${b.generation}` };
  const ta = [...a.given, ...a.family];
  const tb = [...b.given, ...b.family];
  if (ta.join('') === tb.join('')) {
    if (a.given.length > 0 && a.given.every((t) => t.length === 1)) return { level: 'initial', how: 'initial' };
    if (ta.length === 1) return { level: 'partial', how: 'single name' };
    return { level: 'exact', how: 'same' };
  }
  if (ta.length === 1 || tb.length === 1) return compareSingle(ta.length === 1 ? a : b, ta.length === 1 ? b : a);
  if (ta.length === tb.length && [...ta].sort().join(' ') === [...tb].sort().join(' ')) return { level: 'variant', how: 'swapped order' };

  const direct: Relation = { given: relateGiven(a.given, a.aliases, b.given, b.aliases), family: relateFamily(a.family, b.family) };
  const verdict = judge(direct);
  if (verdict) return verdict;
  // "María Fernández" within "María Fernández Ruiz": where a display name was split is a guess
  const contained = containedInOrder(ta, tb);
  if (contained) return { level: 'variant', how: contained };
  const givenAgrees = GIVEN_SCORE[direct.given] >= 0.9;
  const familyAgrees = FAMILY_SCORE[direct.family] >= 0.9;
  if (givenAgrees && direct.family === 'none') return { level: 'given-only', how: 'different family names' };
  if (familyAgrees && direct.given === 'none') return { level: 'family-only', how: 'different given names' };
  return { level: 'different', how: 'different names' };
}

/**
 * Whether the shorter word list is the longer one with words left out, in order and starting with
 * the same (full) first word: "María Fernández" / "María Fernández Ruiz".
 */
function containedInOrder(a: string[], b: string[]): string | null {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2 || short.length === long.length || short[0] !== long[0] || short[0]!.length < 2) return null;
  let at = 1;
  for (let i = 1; i < long.length && at < short.length; i++) if (long[i] === short[at]) at++;
  if (at < short.length) return null;
  return long.slice(0, short.length).join(' ') === short.join(' ') ? 'double family name' : 'middle name';
}

/** `single` is a one-word name ("Maya", "Patel"); it fits when it is the other's given or family name. */
function compareSingle(single: PersonName, other: PersonName): NameComparison {
  const word = [...single.given, ...single.family][0]!;
  const otherWords = [...other.given, ...other.family];
  if (otherWords.length === 1) {
    const w = otherWords[0]!;
    return givenMatch(word, w) ? { level: 'partial', how: 'single name' } : { level: 'different', how: 'different names' };
  }
  if (word.length < 2) return { level: 'unknown', how: 'initial only' };
  const firstGiven = other.given[0];
  const fitsGiven =
    firstGiven !== undefined &&
    [firstGiven, ...other.aliases].some((g) => givenMatch(word, g) || single.aliases.some((s) => givenMatch(s, g)));
  const fitsFamily = other.family.join('') === word || (!PARTICLES.has(word) && other.family.includes(word));
  return fitsGiven || fitsFamily ? { level: 'partial', how: 'single name' } : { level: 'different', how: 'different names' };
}

/**
 * Blocking keys for a name of two words or more (none for a lone word): any two such names that
 * compareNames finds alike, at a level above 'partial', share at least one key. The keys are
 * chosen to be selective: common given names alone are not keys, so that a large employer does
 * not put all its Michaels into one block. Each key starts with `prefix`.
 * - `s:` the words in sorted order (the same words, fields swapped);
 * - `f:` the family name written solid, and every word after the first (one of two family names,
 *   a middle name, "Mary-Jane Watson"/"Maryjane Watson", "María Fernández"/"María Fernández Ruiz");
 * - `g:` each formal name of the first given name (and of the aliases), and the given name
 *   written solid, with the family name's initial (a spelling slip in the family name).
 */
export function nameBlockKeys(name: PersonName, prefix = ''): string[] {
  const all = name.given.length ? (name.family.length ? [...name.given, ...name.family] : name.given) : name.family;
  if (all.length < 2) return [];
  const keys = new Set<string>();
  keys.add(`${prefix}s:${[...all].sort().join(' ')}`);
  const family = name.family.join('');
  if (family) keys.add(`${prefix}f:${family}`);
  for (let i = 1; i < all.length; i++) keys.add(`${prefix}f:${all[i]!}`);
  const first = name.given[0];
  if (family && first !== undefined) {
    const initial = family[0]!;
    keys.add(`${prefix}g:${name.given.join('')}|${initial}`);
    for (const c of canonicalGivenNames(first)) keys.add(`${prefix}g:${c}|${initial}`);
    for (const alias of name.aliases) for (const c of canonicalGivenNames(alias)) keys.add(`${prefix}g:${c}|${initial}`);
  }
  return [...keys];
}
