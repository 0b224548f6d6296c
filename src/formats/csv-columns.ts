// Which CSV dialect a header row belongs to, and what each of its columns means. Recognition looks
// at column *names* (never their positions), so reordered or extended exports still read correctly.
import type { ContactFormat } from './contact-record.js';

export type CsvFormat = Exclude<ContactFormat, 'vcard' | 'json'>;

/** What one column contributes to a contact. */
export type Role =
  | { kind: 'name' }
  | { kind: 'given' }
  | { kind: 'family' }
  | { kind: 'email'; slot: number }
  | { kind: 'emailLabel'; slot: number }
  | { kind: 'phone'; slot: number }
  | { kind: 'phoneLabel'; slot: number }
  | { kind: 'organisation' }
  | { kind: 'title' }
  | { kind: 'linkedin' }
  | { kind: 'website' }
  | { kind: 'location' }
  | { kind: 'locationPart'; group: number; order: number }
  | { kind: 'addressFormatted'; group: number }
  | { kind: 'tags'; separator: RegExp; dropSystem: boolean }
  | { kind: 'connectedOn' }
  | { kind: 'birthday' }
  | { kind: 'notes' }
  | { kind: 'referredBy' }
  | { kind: 'uid' }
  /** coffeechat's own CSV only: the tie, the research notes, the do-not-contact flag. */
  | { kind: 'tie' }
  | { kind: 'research' }
  | { kind: 'doNotContact' }
  /** Metadata that describes another column (e.g. Outlook's "E-mail Type: SMTP"); not worth a note. */
  | { kind: 'ignore' }
  /** Anything else: kept as a "Column: value" note, unless the value is one of `defaults`. */
  | { kind: 'note'; defaults?: readonly string[] };

export interface CsvHeader {
  format: CsvFormat;
  /** The header cells as written (used to label notes). */
  labels: string[];
  roles: Role[];
}

/** How a header cell is compared: case, spacing and a BOM do not matter. */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const GOOGLE_SEPARATOR = / ::: /;
const OUTLOOK_TAGS = /[;,]/;
const GENERIC_TAGS = /\s*(?:[;,|]| ::: )\s*/;
const NOTE: Role = { kind: 'note' };
const IGNORE: Role = { kind: 'ignore' };

// ---------------------------------------------------------------------------------------------- LinkedIn

function linkedinRole(key: string): Role {
  switch (key) {
    case 'first name':
      return { kind: 'given' };
    case 'last name':
      return { kind: 'family' };
    case 'url':
      return { kind: 'linkedin' };
    case 'email address':
      return { kind: 'email', slot: 1 };
    case 'company':
      return { kind: 'organisation' };
    case 'position':
      return { kind: 'title' };
    case 'connected on':
      return { kind: 'connectedOn' };
    default:
      return NOTE;
  }
}

function isLinkedIn(keys: Set<string>): boolean {
  return (
    keys.has('first name') &&
    keys.has('last name') &&
    keys.has('connected on') &&
    (keys.has('company') || keys.has('position') || keys.has('email address') || keys.has('url'))
  );
}

// ------------------------------------------------------------------------------------------------ Google

const GOOGLE_NUMBERED = /^(e-mail|phone|address|organization|website|relation|event|custom field|im|external id) (\d+) - (.+)$/;

function googleRole(key: string): Role {
  switch (key) {
    case 'name':
      return { kind: 'name' };
    case 'first name':
    case 'given name':
    case 'middle name':
    case 'additional name':
      return { kind: 'given' };
    case 'last name':
    case 'family name':
      return { kind: 'family' };
    case 'organization name':
      return { kind: 'organisation' };
    case 'organization title':
      return { kind: 'title' };
    case 'labels':
    case 'group membership':
      return { kind: 'tags', separator: GOOGLE_SEPARATOR, dropSystem: true };
    case 'birthday':
      return { kind: 'birthday' };
    case 'notes':
      return { kind: 'notes' };
    case 'location':
      return { kind: 'location' };
    case 'photo':
      // A link to Google's copy of the picture; it expires and is not the person's data.
      return IGNORE;
    default:
      break;
  }
  const m = GOOGLE_NUMBERED.exec(key);
  if (m === null) return NOTE;
  const slot = Number(m[2]);
  const part = m[3];
  switch (m[1] ?? '') {
    case 'e-mail':
      if (part === 'value') return { kind: 'email', slot };
      return part === 'label' || part === 'type' ? { kind: 'emailLabel', slot } : NOTE;
    case 'phone':
      if (part === 'value') return { kind: 'phone', slot };
      return part === 'label' || part === 'type' ? { kind: 'phoneLabel', slot } : NOTE;
    case 'organization':
      if (slot !== 1) return NOTE;
      if (part === 'name') return { kind: 'organisation' };
      if (part === 'type') return IGNORE;
      return part === 'title' ? { kind: 'title' } : NOTE;
    case 'website':
      if (part === 'value') return { kind: 'website' };
      return part === 'label' || part === 'type' ? IGNORE : NOTE;
    case 'address':
      if (slot !== 1) return NOTE;
      if (part === 'city') return { kind: 'locationPart', group: 1, order: 0 };
      if (part === 'region') return { kind: 'locationPart', group: 1, order: 1 };
      if (part === 'country') return { kind: 'locationPart', group: 1, order: 2 };
      if (part === 'formatted') return { kind: 'addressFormatted', group: 1 };
      return part === 'label' || part === 'type' ? IGNORE : NOTE;
    default:
      return NOTE;
  }
}

function isGoogle(keys: Set<string>): boolean {
  const named = keys.has('first name') || keys.has('given name') || keys.has('name') || keys.has('last name') || keys.has('family name');
  if (!named) return false;
  if (keys.has('group membership') || keys.has('labels')) return true;
  for (const k of keys) if (GOOGLE_NUMBERED.test(k)) return true;
  return false;
}

// ----------------------------------------------------------------------------------------------- Outlook

const OUTLOOK_PHONES = [
  'primary phone',
  'mobile phone',
  'business phone',
  'business phone 2',
  'home phone',
  'home phone 2',
  'other phone',
  'car phone',
  'company main phone',
  'callback',
  'radio phone',
  'pager',
  'isdn',
  'tty/tdd phone',
  'telex',
];

const OUTLOOK_ADDRESS_GROUPS = ['business', 'home', 'other'];

function outlookRole(key: string): Role {
  switch (key) {
    case 'first name':
    case 'middle name':
      return { kind: 'given' };
    case 'last name':
      return { kind: 'family' };
    case 'e-mail address':
      return { kind: 'email', slot: 1 };
    case 'e-mail 2 address':
      return { kind: 'email', slot: 2 };
    case 'e-mail 3 address':
      return { kind: 'email', slot: 3 };
    case 'company':
      return { kind: 'organisation' };
    case 'job title':
      return { kind: 'title' };
    case 'categories':
      return { kind: 'tags', separator: OUTLOOK_TAGS, dropSystem: false };
    case 'referred by':
      return { kind: 'referredBy' };
    case 'notes':
      return { kind: 'notes' };
    case 'birthday':
      return { kind: 'birthday' };
    case 'web page':
    case 'personal web page':
      return { kind: 'website' };
    case 'location':
      return { kind: 'location' };
    // "Title" is the honorific (Mr, Dr); it stays a note, never the job title.
    case 'e-mail type':
    case 'e-mail 2 type':
    case 'e-mail 3 type':
    case 'e-mail display name':
    case 'e-mail 2 display name':
    case 'e-mail 3 display name':
    case 'initials':
      return IGNORE;
    // Outlook writes these defaults on every row; they say nothing about the person.
    case 'priority':
    case 'sensitivity':
      return { kind: 'note', defaults: ['normal'] };
    case 'private':
      return { kind: 'note', defaults: ['false'] };
    case 'gender':
      return { kind: 'note', defaults: ['unspecified'] };
    case 'anniversary':
      return { kind: 'note', defaults: ['0/0/00', '00/00/0000'] };
    default:
      break;
  }
  const phone = OUTLOOK_PHONES.indexOf(key);
  if (phone >= 0) return { kind: 'phone', slot: phone + 1 };
  const m = /^(business|home|other) (city|state|country\/region)$/.exec(key);
  if (m !== null) {
    const order = m[2] === 'city' ? 0 : m[2] === 'state' ? 1 : 2;
    return { kind: 'locationPart', group: OUTLOOK_ADDRESS_GROUPS.indexOf(m[1] ?? '') + 1, order };
  }
  return NOTE;
}

const OUTLOOK_MARKERS = [
  'e-mail 2 address',
  'e-mail display name',
  'e-mail type',
  'job title',
  'business phone',
  'mobile phone',
  'home phone',
  'categories',
  'referred by',
  'business street',
  'business city',
  'middle name',
  'suffix',
  'department',
  'web page',
  'office location',
];

function isOutlook(keys: Set<string>): boolean {
  if (!keys.has('e-mail address') || !(keys.has('first name') || keys.has('last name'))) return false;
  return OUTLOOK_MARKERS.filter((k) => keys.has(k)).length >= 3;
}

// ----------------------------------------------------------------------------------------------- Generic

/** Canonical form for the synonym table: letters and digits only ("E-mail Address" → "emailaddress"). */
function squash(key: string): string {
  return key.replace(/[^\p{L}\p{N}]+/gu, '');
}

const SYNONYMS: [Role, string[]][] = [
  [{ kind: 'name' }, ['name', 'fullname', 'displayname', 'contactname', 'contact', 'person']],
  [{ kind: 'given' }, ['firstname', 'givenname', 'forename', 'first', 'middlename', 'additionalname']],
  [{ kind: 'family' }, ['lastname', 'familyname', 'surname', 'last']],
  [
    { kind: 'organisation' },
    [
      'company',
      'companyname',
      'organisation',
      'organization',
      'organisationname',
      'organizationname',
      'employer',
      'org',
      'currentcompany',
      'firm',
    ],
  ],
  [{ kind: 'title' }, ['title', 'jobtitle', 'position', 'role', 'job', 'occupation', 'currentposition', 'currenttitle']],
  [{ kind: 'linkedin' }, ['linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'profileurl', 'profile', 'linkedinlink']],
  [{ kind: 'website' }, ['website', 'url', 'web', 'webpage', 'homepage', 'site']],
  [{ kind: 'location' }, ['location', 'address', 'basedin', 'area']],
  [{ kind: 'locationPart', group: 1, order: 0 }, ['city', 'town']],
  [{ kind: 'locationPart', group: 1, order: 1 }, ['state', 'region', 'province', 'county']],
  [{ kind: 'locationPart', group: 1, order: 2 }, ['country']],
  [
    { kind: 'tags', separator: GENERIC_TAGS, dropSystem: false },
    ['tags', 'tag', 'labels', 'label', 'groups', 'group', 'categories', 'category', 'lists', 'list', 'groupmembership'],
  ],
  [{ kind: 'connectedOn' }, ['connectedon', 'connected', 'connectedat', 'dateconnected', 'connectiondate', 'connectedsince']],
  [{ kind: 'birthday' }, ['birthday', 'birthdate', 'dateofbirth', 'dob', 'bday']],
  [{ kind: 'notes' }, ['notes', 'note', 'comments', 'comment', 'description', 'remarks', 'memo']],
  [{ kind: 'referredBy' }, ['referredby', 'introducedby', 'referrer', 'introducer']],
  [{ kind: 'uid' }, ['uid', 'vcarduid']],
];

const SYNONYM_INDEX = new Map<string, Role>();
for (const [role, names] of SYNONYMS) for (const n of names) SYNONYM_INDEX.set(n, role);

const GENERIC_EMAIL = /^(?:(?:work|home|personal|business|primary|other|private)?e?mail(?:address)?(?:es)?\d*|emailaddresses)$/;
const GENERIC_PHONE =
  /^(?:(?:work|home|personal|business|primary|other|private|mobile|cell)?(?:phone|telephone|tel)(?:number)?s?\d*|mobile(?:number)?|cell|mobilephone|cellphone)$/;

function genericRole(key: string, slot: number): Role {
  const k = squash(key);
  const known = SYNONYM_INDEX.get(k);
  if (known !== undefined) return known;
  if (GENERIC_EMAIL.test(k)) return { kind: 'email', slot };
  if (GENERIC_PHONE.test(k)) return { kind: 'phone', slot };
  return NOTE;
}

// ------------------------------------------------------------------------------------------- Recognition

/** A format with its article, for messages: "a Google Contacts CSV", "an Outlook CSV". */
export function describeFormat(format: ContactFormat): string {
  switch (format) {
    case 'linkedin':
      return 'a LinkedIn Connections.csv';
    case 'google':
      return 'a Google Contacts CSV';
    case 'outlook':
      return 'an Outlook CSV';
    case 'vcard':
      return 'a vCard';
    case 'csv':
      return 'a contacts CSV';
    case 'json':
      return 'a coffeechat JSON backup';
  }
}

/** Columns that only mean something in coffeechat's own export, recognised by its id column. */
const OWN_COLUMNS = new Map<string, Role>([
  ['coffeechat id', { kind: 'uid' }],
  ['tie', { kind: 'tie' }],
  ['notes', { kind: 'research' }],
  ['do not contact', { kind: 'doNotContact' }],
]);

function build(format: CsvFormat, cells: string[]): CsvHeader {
  const keys = cells.map(headerKey);
  const own = format === 'csv' && keys.includes('coffeechat id');
  const roles = keys.map((key, i): Role => {
    const mine = own ? OWN_COLUMNS.get(key) : undefined;
    if (mine) return mine;
    switch (format) {
      case 'linkedin':
        return linkedinRole(key);
      case 'google':
        return googleRole(key);
      case 'outlook':
        return outlookRole(key);
      case 'csv':
        return genericRole(key, i + 1);
    }
  });
  return { format, labels: cells.map((c) => c.replace(/^\uFEFF/, '').trim()), roles };
}

/** Whether a generic header names anyone: it needs a name, e-mail, phone or LinkedIn column. */
function identifies(header: CsvHeader): boolean {
  return header.roles.some((r) => ['name', 'given', 'family', 'email', 'phone', 'linkedin'].includes(r.kind));
}

/**
 * Recognises a header row. With `wanted`, only that dialect is tried (`csv` accepts any header the
 * synonym table can read); without, the specific exports are tried first, then the generic table.
 */
export function recogniseHeader(cells: string[], wanted?: CsvFormat): CsvHeader | null {
  const keys = new Set(cells.map(headerKey));
  const checks: [CsvFormat, (k: Set<string>) => boolean][] = [
    ['linkedin', isLinkedIn],
    ['google', isGoogle],
    ['outlook', isOutlook],
  ];
  for (const [format, test] of checks) {
    if ((wanted === undefined || wanted === format) && test(keys)) return build(format, cells);
  }
  if (wanted === undefined || wanted === 'csv') {
    const generic = build('csv', cells);
    if (identifies(generic)) return generic;
  }
  return null;
}
