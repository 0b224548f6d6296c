// coffeechat's JSON backup: a document that says what it is ("coffeechat": "backup"), with one
// entity per line so that a large network is written a page at a time and a reader can point at
// the line of a bad record. Contacts carry their work history; introductions refer to contacts
// by the ids in the file, which the importer maps to its own. Since version 2 a "tables" section
// also holds every row of the user's data as stored (campaigns, interviews, notes, actions, …),
// which `restore` puts back as it was; `import` still reads only the contacts and introductions.
import { AppError } from '../domain/errors.js';
import { CONTACT_SOURCES, PERMISSIONS, TIES, type Contact, type Role } from '../domain/types.js';
import type { ImportedContact, ReadEvent } from './contact-record.js';

export const BACKUP_VERSION = 2;

/** Whether the first bytes of a file look like our backup (checked before any parsing). */
export function looksLikeBackup(sample: string): boolean {
  return /^\s*\{/.test(sample) && /"coffeechat"\s*:\s*"backup"/.test(sample.slice(0, 4096));
}

// ------------------------------------------------------------------------------------------ Writing

export interface BackupContact extends Omit<Contact, 'organisationId' | 'introducedBy'> {
  roles: { organisation: string | null; title: string | null; from: string | null; to: string | null }[];
}

export function backupHead(meta: { exportedAt: string; migrations: string[]; userId: string }): string {
  return `{"coffeechat":"backup","version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(meta.exportedAt)},"migrations":${JSON.stringify(meta.migrations)},"userId":${JSON.stringify(meta.userId)},\n"contacts":[\n`;
}

export function backupContact(c: Contact, roles: Role[]): BackupContact {
  const { organisationId: _o, introducedBy: _i, ...rest } = c;
  return { ...rest, roles: roles.map((r) => ({ organisation: r.organisation, title: r.title, from: r.from, to: r.to })) };
}

/** Entities of one section, one per line; `first` says whether a comma is owed before them. */
export function backupLines(items: unknown[], first: boolean): string {
  if (items.length === 0) return '';
  return (first ? '' : ',\n') + items.map((x) => JSON.stringify(x)).join(',\n');
}

export const backupBetweenSections = (name: string) => `\n],\n${JSON.stringify(name)}:[\n`;
export const backupTail = '\n]}\n';

/** After the introductions: the "tables" object, one list of rows per table. */
export const backupTablesHead = '\n],\n"tables":{';
export const backupTableOpen = (name: string, first: boolean) => `${first ? '' : ','}\n${JSON.stringify(name)}:[\n`;
export const backupTableClose = '\n]';
export const backupTablesTail = '\n}}\n';

// ------------------------------------------------------------------------------------------ Reading

type Json = Record<string, unknown>;

/**
 * Where a JSON.parse error points: "line 3, column 14". V8 gives either "position N" or a quote
 * of the text around the fault ("...ten chars before" + "ten after..."), depending on the error.
 */
function position(source: string, message: string): { line: number; where: string } {
  let at = -1;
  const pos = /position (\d+)/.exec(message);
  const quoted = /"([\s\S]*)" is not valid JSON/.exec(message);
  if (pos) at = Number(pos[1]);
  else if (quoted) {
    const context = quoted[1]!;
    const before = context.startsWith('...');
    const found = source.indexOf(context.replace(/^\.\.\./, '').replace(/\.\.\.$/, ''));
    const token = /Unexpected token '(.)'/.exec(message)?.[1];
    if (found >= 0) at = before ? found + 10 : token ? source.indexOf(token, found) : found;
  } else if (/end of JSON input/.test(message)) at = source.length;
  if (at < 0) return { line: 0, where: '' };
  const head = source.slice(0, at);
  const line = head.split('\n').length;
  return { line, where: ` at line ${line}, column ${head.length - head.lastIndexOf('\n')}` };
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null => (list.includes(v as T) ? (v as T) : null);

/** Parses a backup and checks it says what it is; `code` is the error a caller reports. */
function parseBackup(source: string, code: 'import_failed' | 'invalid_input'): Json {
  let doc: Json;
  try {
    doc = JSON.parse(source) as Json;
  } catch (e) {
    const { line, where } = position(source, (e as Error).message);
    throw new AppError(code, `The JSON backup is not valid JSON${where}.`, { line });
  }
  if (typeof doc !== 'object' || doc === null || doc.coffeechat !== 'backup') {
    throw new AppError(code, 'The JSON file is not a coffeechat backup (it has no "coffeechat": "backup").');
  }
  if (typeof doc.version !== 'number' || doc.version > BACKUP_VERSION) {
    throw new AppError(code, `The backup is version ${String(doc.version)}; this coffeechat reads version ${BACKUP_VERSION}.`);
  }
  return doc;
}

/** A whole backup for `restore`: whose data it was, the migrations it was made at, and the rows by table. */
export interface FullBackup {
  userId: string;
  migrations: string[];
  exportedAt: string | null;
  tables: Record<string, unknown[]>;
}

/** Reads a version-2 backup's rows; a version-1 backup holds only the network, which `import` reads. */
export function readFullBackup(source: string): FullBackup {
  const doc = parseBackup(source, 'invalid_input');
  const tables = doc.tables;
  if ((doc.version as number) < 2 || typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    throw new AppError(
      'invalid_input',
      'This backup holds only contacts and introductions (made before version 2, or not by `backup`/`export json`); bring them in with `coffeechat import FILE`.',
    );
  }
  for (const [name, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows)) throw new AppError('invalid_input', `The backup's table "${name}" is not a list of rows.`);
  }
  return {
    userId: typeof doc.userId === 'string' ? doc.userId : '',
    migrations: texts(doc.migrations),
    exportedAt: text(doc.exportedAt),
    tables: tables as Record<string, unknown[]>,
  };
}

/** Reads a whole backup (already decoded) into contact records and row errors. */
export function* readBackup(source: string): Generator<ReadEvent, void, undefined> {
  const doc = parseBackup(source, 'import_failed');
  const contacts = Array.isArray(doc.contacts) ? (doc.contacts as unknown[]) : null;
  if (!contacts) throw new AppError('import_failed', 'The backup has no "contacts" list.');

  // Each entity sits on its own line when we wrote the file; find it by id to report its line.
  const lineOf = (() => {
    let from = 0;
    let line = 1;
    return (id: unknown, index: number): number => {
      const at = typeof id === 'string' ? source.indexOf(`"id":${JSON.stringify(id)}`, from) : -1;
      if (at < 0) return index + 1;
      for (let i = from; i < at; i++) if (source.charCodeAt(i) === 10) line++;
      from = at;
      return line;
    };
  })();

  const introductions = Array.isArray(doc.introductions) ? (doc.introductions as Json[]) : [];
  const introducersOf = new Map<string, Json[]>();
  for (const i of introductions) {
    if (typeof i?.contactId !== 'string' || typeof i.introducerId !== 'string') continue;
    introducersOf.set(i.contactId, [...(introducersOf.get(i.contactId) ?? []), i]);
  }

  for (const [index, raw] of contacts.entries()) {
    const c = raw as Json;
    const line = lineOf(c?.id, index);
    const name = text(c?.name);
    if (typeof c !== 'object' || c === null || !name) {
      yield { error: { line, message: `Contact ${index + 1} has no name.` } };
      continue;
    }
    const tie = oneOf(TIES, c.tie);
    if (c.tie !== undefined && c.tie !== null && !tie) {
      yield { error: { line, message: `Contact ${index + 1} (${name}) has an unknown tie "${String(c.tie)}".` } };
      continue;
    }
    const roles = Array.isArray(c.roles)
      ? (c.roles as Json[])
          .filter((r) => r && (text(r.organisation) || text(r.title)))
          .map((r) => ({ organisation: text(r.organisation), title: text(r.title), from: text(r.from), to: text(r.to) }))
      : null;
    const record: ImportedContact = {
      line,
      name,
      givenName: text(c.givenName),
      familyName: text(c.familyName),
      emails: texts(c.emails).map((e) => e.trim().toLowerCase()),
      phones: texts(c.phones),
      organisation: text(c.organisation),
      title: text(c.title),
      linkedinUrl: text(c.linkedinUrl),
      location: text(c.location),
      tags: texts(c.tags),
      connectedOn: typeof c.connectedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.connectedOn) ? c.connectedOn : null,
      birthday: null,
      notes: null,
      referredBy: null,
      related: (introducersOf.get(String(c.id)) ?? []).map((i) => ({
        type: 'met',
        value: `urn:uuid:${String(i.introducerId)}`,
        permission: oneOf(PERMISSIONS, i.permission) ?? 'not-asked',
        permissionAt: text(i.permissionAt),
      })),
      uid: text(c.id),
      own: {
        tie,
        doNotContact: c.doNotContact === true,
        research: text(c.research),
        source: oneOf(CONTACT_SOURCES, c.source),
        roles,
      },
    };
    yield { record };
  }
}
