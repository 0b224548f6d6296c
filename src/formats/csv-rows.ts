// One CSV row → one contact, following the roles the header assigned to its columns.
import { ContactDraft, PRIMARY } from './contact-draft.js';
import type { ImportedContact, RowError } from './contact-record.js';
import type { CsvHeader } from './csv-columns.js';
import { isEmptyDate, parseDate } from './dates.js';
import { cleanLine, splitValues } from './normalise.js';

/** Google joins several values of one column with " ::: ". */
const MULTI_SEPARATOR = /\s*:::\s*/;
/** Google marks the primary value, label or group with a leading "* ". */
const PRIMARY_MARK = /^\*\s+/;

function slotRank(slot: number, primarySlots: Set<number>): number {
  return primarySlots.has(slot) ? PRIMARY : slot * 10;
}

/**
 * Reads one data row. Returns null for a row with no values (e.g. `,,,,`), an error for a row that
 * names no one, otherwise the record. Cells beyond the header are kept as notes.
 */
export function mapRow(header: CsvHeader, fields: string[], line: number): { record: ImportedContact } | { error: RowError } | null {
  const draft = new ContactDraft();
  const primaryEmails = new Set<number>();
  const primaryPhones = new Set<number>();
  const locationParts = new Map<number, { order: number; value: string; label: string }[]>();
  const formatted = new Map<number, string>();
  let ownLocation: string | null = null;

  // Labels first: a "* " on "E-mail 2 - Label" makes E-mail 2 the primary address.
  header.roles.forEach((role, i) => {
    const value = fields[i];
    if (value === undefined || !PRIMARY_MARK.test(value.trim())) return;
    if (role.kind === 'emailLabel') primaryEmails.add(role.slot);
    if (role.kind === 'phoneLabel') primaryPhones.add(role.slot);
  });

  for (let i = 0; i < fields.length; i++) {
    const raw = fields[i] ?? '';
    if (raw.trim() === '') continue;
    const role = header.roles[i];
    const label = header.labels[i] ?? `Column ${i + 1}`;
    if (role === undefined) {
      draft.addNote(`Column ${i + 1}`, raw);
      continue;
    }
    switch (role.kind) {
      case 'name':
        draft.setOnce('fullName', raw, label);
        break;
      case 'given':
        draft.addGiven(raw);
        break;
      case 'family':
        draft.setOnce('familyName', raw, label);
        break;
      case 'email':
        for (const piece of splitValues(raw, MULTI_SEPARATOR)) {
          const rank = PRIMARY_MARK.test(piece) ? PRIMARY : slotRank(role.slot, primaryEmails);
          for (const address of splitValues(piece.replace(PRIMARY_MARK, ''), /[;,]/)) draft.addEmail(address, label, rank);
        }
        break;
      case 'phone':
        for (const piece of splitValues(raw, MULTI_SEPARATOR)) {
          const rank = PRIMARY_MARK.test(piece) ? PRIMARY : slotRank(role.slot, primaryPhones);
          for (const phone of splitValues(piece.replace(PRIMARY_MARK, ''), /[;|]/)) draft.addPhone(phone, rank);
        }
        break;
      case 'emailLabel':
      case 'phoneLabel':
      case 'ignore':
        break;
      case 'organisation':
        draft.setOnce('organisation', raw, label);
        break;
      case 'title':
        draft.setOnce('title', raw, label);
        break;
      case 'linkedin':
        draft.setOnce('linkedinUrl', raw, label);
        break;
      case 'website':
        for (const piece of splitValues(raw, MULTI_SEPARATOR)) draft.addUrl(piece, label);
        break;
      case 'location':
        if (ownLocation === null) ownLocation = cleanLine(raw);
        else draft.addNote(label, raw);
        break;
      case 'locationPart': {
        const parts = locationParts.get(role.group) ?? [];
        parts.push({ order: role.order, value: raw, label });
        locationParts.set(role.group, parts);
        break;
      }
      case 'addressFormatted':
        formatted.set(role.group, raw);
        break;
      case 'tags':
        for (const piece of splitValues(raw, role.separator)) {
          const tag = piece.replace(PRIMARY_MARK, '');
          // Google puts every contact in the system group "myContacts"; it is not a label of the user's.
          if (role.dropSystem && tag.replace(/\s+/g, '').toLowerCase() === 'mycontacts') continue;
          draft.addTag(tag);
        }
        break;
      case 'connectedOn': {
        const date = parseDate(raw);
        if (date !== null && draft.connectedOn === null) draft.connectedOn = date;
        else if (!isEmptyDate(raw)) draft.addNote(label, raw);
        break;
      }
      case 'birthday': {
        const date = parseDate(raw, true);
        if (date !== null && draft.birthday === null) draft.birthday = date;
        else if (!isEmptyDate(raw)) draft.addNote(label, raw);
        break;
      }
      case 'notes':
        draft.addOwnNotes(raw);
        break;
      case 'referredBy':
        draft.setOnce('referredBy', raw, label);
        break;
      case 'uid':
        draft.setOnce('uid', raw, label);
        break;
      case 'tie':
      case 'research':
      case 'doNotContact':
        draft.setOwn(role.kind, raw, label);
        break;
      case 'note':
        if (role.defaults?.includes(raw.trim().toLowerCase())) break;
        draft.addNote(label, raw);
        break;
    }
  }

  // Location: an explicit location column wins; otherwise the first address with a city, region or
  // country; the formatted address only when no parts exist. Unused parts are kept as notes.
  const groups = [...locationParts.keys()].sort((a, b) => a - b);
  let location = ownLocation;
  for (const group of groups) {
    const parts = (locationParts.get(group) ?? []).sort((a, b) => a.order - b.order);
    const joined = cleanLine(parts.map((p) => cleanLine(p.value)).join(', '));
    if (location === null && joined !== null) location = joined;
    else for (const p of parts) draft.addNote(p.label, p.value);
  }
  for (const [group, raw] of formatted) {
    if (location === null) location = cleanLine(raw.replace(/\s*\n\s*/g, ', '));
    else if (!locationParts.has(group)) draft.addNote('Address', raw);
  }
  draft.location = location;
  return draft.finish(line, 'row');
}
