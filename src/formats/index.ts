// Public surface of the contact-file readers.
export { readContacts, readAllContacts } from './read-contacts.js';
export type { ReadResult } from './read-contacts.js';
export { CONTACT_FORMATS, DEFAULT_MAX_BYTES } from './contact-record.js';
export type {
  ContactFormat,
  FormatOption,
  FormatAnnouncement,
  ImportedContact,
  ImportReport,
  ReadEvent,
  ReadOptions,
  RowError,
} from './contact-record.js';
export { ZIP_MAX_BYTES, ZIP_MAX_RATIO } from './zip.js';
