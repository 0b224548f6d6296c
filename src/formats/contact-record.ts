// The shape every contact-file reader produces, whatever the file looked like. The importer (src/app)
// turns these records into contacts, introductions and roles; nothing here touches the database.
import type { ContactSource, Permission, Tie } from '../domain/types.js';

/** The file kinds the contact readers recognise by content. */
export type ContactFormat = 'linkedin' | 'google' | 'outlook' | 'vcard' | 'csv' | 'json';

/** What a caller may ask for: a specific reader, or detection by content. */
export type FormatOption = 'auto' | ContactFormat;

export const CONTACT_FORMATS: readonly ContactFormat[] = ['linkedin', 'google', 'outlook', 'vcard', 'csv', 'json'];

/** One person read from a file, lightly normalised (trimmed, whitespace collapsed, e-mails lower-cased). */
export interface ImportedContact {
  /** 1-based line of the file where the record (CSV row or `BEGIN:VCARD`) starts. */
  line: number;
  /** Display name; falls back to an e-mail, LinkedIn URL, organisation or phone when the file has no name. */
  name: string;
  givenName: string | null;
  familyName: string | null;
  /** Lower-cased, de-duplicated, the primary one first. */
  emails: string[];
  /** As written in the file (normalising to E.164 needs the user's country and happens elsewhere). */
  phones: string[];
  organisation: string | null;
  title: string | null;
  linkedinUrl: string | null;
  location: string | null;
  tags: string[];
  /** YYYY-MM-DD. */
  connectedOn: string | null;
  /** YYYY-MM-DD, or --MM-DD when the file gives no year. */
  birthday: string | null;
  /** The file's own notes, then every value that had no field of its own as "Column: value" lines. */
  notes: string | null;
  /** Outlook's "Referred By" (a name, as written). */
  referredBy: string | null;
  /** vCard RELATED / X-ABRELATEDNAMES: e.g. `{ type: 'met', value: 'urn:uuid:…' }` or a name. */
  related: { value: string; type: string; permission?: Permission; permissionAt?: string | null }[];
  /** vCard UID (or a `uid` column), as written. */
  uid: string | null;
  /** What only coffeechat's own exports carry; other readers leave it out. */
  own?: OwnFields;
}

export interface OwnFields {
  tie: Tie | null;
  doNotContact: boolean;
  research: string | null;
  source: ContactSource | null;
  /** The whole work history (the JSON backup); null when the file does not say. */
  roles: { organisation: string | null; title: string | null; from: string | null; to: string | null }[] | null;
}

/** A row or card that could not be read; the rest of the file still is. */
export interface RowError {
  line: number;
  message: string;
}

/** Announced once, before any record: what the file was recognised as. */
export interface FormatAnnouncement {
  format: ContactFormat;
  /** The character encoding the text was decoded with (e.g. `utf8`, `utf16le`, `windows1252`). */
  encoding: string;
  /** When the file was a ZIP archive, the path of the entry that was read; otherwise null. */
  archiveEntry: string | null;
}

export type ReadEvent = FormatAnnouncement | { record: ImportedContact } | { error: RowError };

export interface ReadOptions {
  format?: FormatOption;
  /** Largest accepted input, in bytes (default 50 MB); larger input fails with `payload_too_large`. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** What an import did (or, in a dry run, would do): the shape `coffeechat import --json` prints. */
export interface ImportReport {
  format: ContactFormat | null;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  merged: number;
  skipped: number;
  errors: RowError[];
}
