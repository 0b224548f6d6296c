// Importing a contacts file: read it (src/formats), match each record against the network and the
// rows before it (src/domain/dedupe), and write everything in ONE transaction — every row the
// report counts, or nothing. A dry run does all of it and rolls back. Re-importing the same file
// finds every row already there and changes nothing.
import * as z from 'zod';
import { CONFIDENT, DuplicateIndex, type MatchInput } from '../domain/dedupe.js';
import { AppError } from '../domain/errors.js';
import { splitName } from '../domain/names.js';
import type { Contact, ContactSource, Permission } from '../domain/types.js';
import { CONTACT_FORMATS, readContacts, type ContactFormat, type ImportedContact, type ImportReport } from '../formats/index.js';

export type { ImportReport };
import { unneutralise } from '../formats/csv-write.js';
import type { Store } from '../store/index.js';
import { contactRecord, type ContactRecord } from '../store/contacts.store.js';
import type { RoleRecord } from '../store/roles.store.js';
import type { Ctx } from './context.js';
import { SameRows, type RowTarget } from './import-same.js';
import { resolveOrganisation } from './organisations.js';
import { saveJob } from './roles.js';
import { getSettings } from './settings.js';
import { parse } from './validate.js';

export const importOptions = z
  .object({
    format: z.enum(['auto', ...CONTACT_FORMATS]).default('auto'),
    dryRun: z.coerce.boolean().default(false),
    strict: z.coerce.boolean().default(false),
  })
  .strict();

/** Thrown inside the transaction to undo a dry run; never leaves this module. */
class RollBack extends Error {}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Imports contacts from bytes or a byte stream; `onRow` is told of every row read (progress). */
export async function importContacts(
  ctx: Ctx,
  source: Uint8Array | AsyncIterable<Uint8Array>,
  input: unknown,
  onRow?: (rows: number) => void,
  limits: { maxBytes?: number } = {},
): Promise<ImportReport> {
  const opts = { ...parse(importOptions, input ?? {}, 'import options'), ...limits };
  const { country } = await getSettings(ctx);
  const report: ImportReport = {
    format: null,
    dryRun: opts.dryRun,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    merged: 0,
    skipped: 0,
    errors: [],
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await writeAll(ctx, tx, source, opts, country ?? null, report, onRow);
      if (report.rows === 0) throw new AppError('import_failed', 'The file has no contacts in it, only a header.');
      if (opts.strict && report.errors.length) {
        throw new AppError('import_failed', `Nothing was imported: ${report.errors.length} row(s) could not be read (--strict).`, {
          errors: report.errors,
        });
      }
      if (report.created + report.updated + report.unchanged + report.merged === 0 && report.errors.length) {
        throw new AppError(
          'import_failed',
          `Nothing could be imported: every row had a problem (first on line ${report.errors[0]!.line}: ${report.errors[0]!.message}).`,
          {
            errors: report.errors,
          },
        );
      }
      if (opts.dryRun) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
  }
  return report;
}

/**
 * Rows are matched one by one but written in batches: a multi-row insert per table and batch.
 * Small batches on purpose: a batch's records live until it is written, and at 500 rows they
 * lived long enough for V8 to move them to the old generation, where they piled up as garbage
 * (a 100,000-row import peaked at 285 MiB instead of 234; no slower at 100).
 */
const BATCH = 100;

async function writeAll(
  ctx: Ctx,
  tx: Store,
  source: Uint8Array | AsyncIterable<Uint8Array>,
  opts: z.output<typeof importOptions> & { maxBytes?: number },
  country: string | null,
  report: ImportReport,
  onRow?: (rows: number) => void,
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const index = new DuplicateIndex({ defaultCountry: country });
  const same = new SameRows(tx, ctx.userId);
  for (const m of await tx.network.matchInputs(ctx.userId)) {
    index.add(m);
    same.add(m.id, m);
  }
  const orgs = new Map<string, { id: string; name: string } | null>();
  const orgNames = new Map<string, string>();
  const organisationId = async (name: string | null) => {
    if (!name) return null;
    if (!orgs.has(name)) {
      const id = await resolveOrganisation(ctx, tx, name);
      const org = id ? await tx.organisations.get(ctx.userId, id) : undefined;
      orgs.set(name, org ? { id: org.id, name: org.name } : null);
      if (org) orgNames.set(org.id, org.name);
    }
    return orgs.get(name)?.id ?? null;
  };
  /** Contacts made or matched in this file, by the file's own UID and by name (for introductions). */
  const byUid = new Map<string, string>();
  const byName = new Map<string, string>();
  const pending: { contactId: string; introducer: string; permission?: Permission; permissionAt?: string | null }[] = [];
  const createdHere = new Set<string>();
  // Earlier contacts a row of this file already folded into. Only the first row to reach one may
  // move its job: two rows of one file disagreeing about a job would otherwise swap it back and
  // forth on every re-import, with a timeline note and a role each time.
  const reached = new Set<string>();
  // A row merged into another contact keeps its own id in the matcher's index: follow it.
  const alias = new Map<string, string>();
  const resolve = (id: string) => alias.get(id) ?? id;
  let batch: ImportedContact[] = [];
  /** What creating the row would write, for comparing it with a contact made earlier. */
  const rowTarget = async (r: ImportedContact): Promise<RowTarget> => ({
    organisationId: await organisationId(r.organisation),
    source: r.own?.source ?? sourceOf(report.format!),
    note: noteOf(r),
  });

  const flush = async () => {
    const creates: { id: string; r: ImportedContact }[] = [];
    const merges: { target: string; r: ImportedContact; inFile: boolean }[] = [];
    // Our own exports name each person by id: someone still here is the same person, whatever changed.
    const ownIds = batch.flatMap((r) => (r.own && r.uid ? [r.uid] : []));
    const known = new Set((await tx.contacts.getMany(ctx.userId, ownIds)).map((c) => c.id));
    // Matching first, for the whole batch: the rows no key matches then look for an identical contact.
    const matched = batch.map((r) => {
      const newId = ctx.ids();
      const probe: MatchInput = {
        id: newId,
        name: r.name,
        givenName: r.givenName,
        familyName: r.familyName,
        emails: r.emails,
        phones: r.phones,
        organisation: r.organisation,
        linkedinUrl: r.linkedinUrl,
      };
      const best = index.addAndMatch(probe, CONFIDENT).find((c) => c.confidence >= CONFIDENT);
      return { r, newId, best: r.uid && known.has(r.uid) ? r.uid : best?.contactIds[0] };
    });
    await same.prefetch(matched.flatMap((m) => (m.best ? [] : [m.r])));
    for (const { r, newId, best } of matched) {
      const target = best ? resolve(best) : await same.find(r, () => rowTarget(r));
      if (target) {
        alias.set(newId, target);
        merges.push({ target, r, inFile: createdHere.has(target) });
      } else {
        creates.push({ id: newId, r });
        createdHere.add(newId);
        same.made(newId, r);
      }
      const contactId = target ?? newId;
      if (r.uid) byUid.set(r.uid.replace(/^urn:uuid:/i, ''), contactId);
      byName.set(r.name.toLowerCase(), contactId);
      if (r.referredBy) pending.push({ contactId, introducer: r.referredBy });
      for (const rel of r.related)
        if (/met|acquaintance|contact|friend|colleague/i.test(rel.type))
          pending.push({ contactId, introducer: rel.value, permission: rel.permission, permissionAt: rel.permissionAt });
    }
    batch = [];

    const rows: { id: string; record: ContactRecord }[] = [];
    const roles: { id: string; contactId: string; record: RoleRecord }[] = [];
    for (const { id, r } of creates) {
      const blank = blankRecord(r.name, { givenName: r.givenName, familyName: r.familyName }, report.format!);
      const record: ContactRecord = {
        ...blank,
        emails: r.emails,
        phones: r.phones,
        organisationId: await organisationId(r.organisation),
        title: r.title,
        linkedinUrl: r.linkedinUrl,
        location: r.location,
        tags: r.tags,
        connectedOn: r.connectedOn,
        tie: r.own?.tie ?? blank.tie,
        doNotContact: r.own?.doNotContact ?? false,
        research: r.own?.research ?? null,
        source: r.own?.source ?? blank.source,
      };
      // A backup brings the whole work history; any other file, the one job it shows.
      const history =
        r.own?.roles ??
        (record.organisationId || record.title ? [{ organisation: r.organisation, title: r.title, from: null, to: null }] : []);
      for (const h of history) {
        const role = {
          organisationId: await organisationId(h.organisation),
          title: h.title,
          from: h.from,
          to: h.to,
          source: record.source,
        };
        roles.push({ id: ctx.ids(), contactId: id, record: role });
      }
      rows.push({ id, record });
    }
    await tx.contacts.insertMany(ctx.userId, rows, orgNames, now);
    await tx.roles.insertMany(ctx.userId, roles, now);
    for (const { id, r } of creates) {
      const extra = noteOf(r);
      if (extra)
        await tx.notes.insert(ctx.userId, {
          id: ctx.ids(),
          contactId: id,
          interviewId: null,
          questionId: null,
          text: extra,
          kinds: [],
          at: now,
          createdAt: now,
        });
    }
    report.created += creates.length;

    // Merges read the contacts they fold into, all at once, and keep them current as they change.
    const current = new Map((await tx.contacts.getMany(ctx.userId, [...new Set(merges.map((m) => m.target))])).map((c) => [c.id, c]));
    for (const m of merges) {
      const first = !m.inFile && !reached.has(m.target);
      reached.add(m.target);
      const changed = await mergeInto(ctx, tx, current.get(m.target)!, m.r, report.format!, organisationId, now, first);
      if (changed) current.set(m.target, changed);
      if (m.inFile) report.merged++;
      else if (changed) report.updated++;
      else report.unchanged++;
    }
  };

  for await (const event of readContacts(source, { format: opts.format, maxBytes: opts.maxBytes })) {
    if ('format' in event) {
      report.format = event.format;
      continue;
    }
    report.rows++;
    onRow?.(report.rows);
    if ('error' in event) {
      report.errors.push(event.error);
      report.skipped++;
      continue;
    }
    // Spreadsheet-safe CSVs (ours among them) put an apostrophe before a leading = + - @; take it off.
    batch.push(webLinkOnly(report.format === 'csv' ? unneutraliseRecord(event.record) : event.record));
    if (batch.length >= BATCH) await flush();
  }
  await flush();

  // Introductions last, once every person in the file exists.
  for (const p of pending) {
    const ref = p.introducer.replace(/^urn:uuid:/i, '');
    let introducerId = byUid.get(ref) ?? byName.get(p.introducer.toLowerCase()) ?? (await tx.contacts.get(ctx.userId, ref))?.id;
    if (!introducerId && !/^urn:/i.test(p.introducer)) {
      // "Referred By" names someone not in the file: they become a contact of their own, once
      // (the same file imported again finds the one it made).
      const row = nameOnly(p.introducer, splitName(p.introducer));
      introducerId = await same.find(row, () => rowTarget(row));
      if (!introducerId) {
        introducerId = ctx.ids();
        await tx.contacts.insert(
          ctx.userId,
          introducerId,
          blankRecord(row.name, { givenName: row.givenName, familyName: row.familyName }, report.format!),
          now,
        );
        same.made(introducerId, row);
        report.created++;
      }
      byName.set(p.introducer.toLowerCase(), introducerId);
    }
    if (!introducerId || introducerId === p.contactId) continue;
    if (await tx.introductions.find(ctx.userId, introducerId, p.contactId)) continue;
    await tx.introductions.insert(ctx.userId, {
      id: ctx.ids(),
      introducerId,
      contactId: p.contactId,
      permission: p.permission ?? 'not-asked',
      permissionAt: p.permissionAt ?? null,
      interviewId: null,
      createdAt: now,
    });
  }
}

/**
 * The LinkedIn field becomes a link in the app, so a file may fill it only with a web address
 * (http, https, or none, as LinkedIn writes it); anything else, such as a `javascript:` URL in a
 * crafted vCard or backup, is kept as a note, where it stays text.
 */
function webLinkOnly(r: ImportedContact): ImportedContact {
  const url = r.linkedinUrl;
  if (url === null || /^https?:\/\/[^\s]+$/i.test(url) || /^(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#][^\s]*)?$/i.test(url)) return r;
  const note = `LinkedIn: ${url}`;
  return { ...r, linkedinUrl: null, notes: r.notes ? `${r.notes}\n${note}` : note };
}

function unneutraliseRecord(r: ImportedContact): ImportedContact {
  const fix = (v: string | null) => (v === null ? v : unneutralise(v));
  return {
    ...r,
    name: unneutralise(r.name),
    givenName: fix(r.givenName),
    familyName: fix(r.familyName),
    organisation: fix(r.organisation),
    title: fix(r.title),
    location: fix(r.location),
    notes: fix(r.notes),
    tags: r.tags.map(unneutralise),
    phones: r.phones.map(unneutralise),
    linkedinUrl: fix(r.linkedinUrl),
    ...(r.own ? { own: { ...r.own, research: fix(r.own.research) } } : {}),
  };
}

/** The note a created contact gets from its row: the file's notes and the birthday. */
function noteOf(r: ImportedContact): string {
  return [r.notes, r.birthday ? `Birthday: ${r.birthday}` : null].filter(Boolean).join('\n');
}

function sourceOf(format: ContactFormat): ContactSource {
  return format === 'csv' || format === 'json' ? 'manual' : format;
}

/** A row that carries a name and nothing else (someone a file names as an introducer). */
function nameOnly(name: string, names: { givenName: string | null; familyName: string | null }): ImportedContact {
  return {
    line: 0,
    name,
    ...names,
    emails: [],
    phones: [],
    organisation: null,
    title: null,
    linkedinUrl: null,
    location: null,
    tags: [],
    connectedOn: null,
    birthday: null,
    notes: null,
    referredBy: null,
    related: [],
    uid: null,
  };
}

function blankRecord(name: string, names: { givenName: string | null; familyName: string | null }, format: ContactFormat): ContactRecord {
  return {
    name,
    ...names,
    emails: [],
    phones: [],
    organisationId: null,
    title: null,
    linkedinUrl: null,
    location: null,
    tags: [],
    tie: 'acquaintance',
    doNotContact: false,
    source: sourceOf(format),
    connectedOn: null,
    research: null,
  };
}

/**
 * Folds a record into an existing contact: new e-mails, phones and tags are added, empty fields
 * filled. A newer LinkedIn export is trusted about the current job: a new title or organisation
 * replaces the old one and the change goes on the contact's timeline (`mayMoveJob`: the contact
 * was made before this file, and no earlier row of the file reached it). Returns the contact as
 * it now is when anything changed, or null.
 */
async function mergeInto(
  ctx: Ctx,
  tx: Store,
  cur: Contact,
  r: ImportedContact,
  format: ContactFormat,
  organisationId: (name: string | null) => Promise<string | null>,
  now: string,
  mayMoveJob: boolean,
): Promise<Contact | null> {
  const contactId = cur.id;
  const next = contactRecord(cur);
  next.emails = union(cur.emails, r.emails);
  next.phones = union(cur.phones, r.phones);
  next.tags = union(cur.tags, r.tags);
  next.linkedinUrl ??= r.linkedinUrl;
  next.location ??= r.location;
  next.connectedOn ??= r.connectedOn;
  next.givenName ??= r.givenName;
  next.familyName ??= r.familyName;
  next.research ??= r.own?.research ?? null;
  // Someone a file says not to contact stays not contacted.
  next.doNotContact ||= r.own?.doNotContact ?? false;
  const newOrg = await organisationId(r.organisation);
  const jobMoved = format === 'linkedin' && mayMoveJob && ((newOrg && newOrg !== cur.organisationId) || (r.title && r.title !== cur.title));
  if (jobMoved) {
    next.organisationId = newOrg ?? cur.organisationId;
    next.title = r.title ?? cur.title;
  } else {
    next.organisationId ??= newOrg;
    next.title ??= r.title;
  }
  const changed = JSON.stringify(next) !== JSON.stringify(contactRecord(cur));
  if (!changed) return null;
  await tx.contacts.update(ctx.userId, contactId, next, now);
  // A new job is a new role; the old one stays in the work history, ended.
  await saveJob(ctx, tx, contactId, next, { newJob: !!jobMoved, at: now });
  if (jobMoved) {
    const was = [cur.title, cur.organisation].filter(Boolean).join(' at ');
    const is = [next.title, r.organisation ?? cur.organisation].filter(Boolean).join(' at ');
    await tx.notes.insert(ctx.userId, {
      id: ctx.ids(),
      contactId,
      interviewId: null,
      questionId: null,
      text: `Now ${is}${was ? ` (was ${was})` : ''}, from a LinkedIn import.`,
      kinds: [],
      at: now,
      createdAt: now,
    });
  }
  return (await tx.contacts.get(ctx.userId, contactId))!;
}
