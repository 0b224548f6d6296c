// Organisations, matched by their normalised name so "Acme Inc." and "ACME" are one employer.
import type { Kysely } from 'kysely';
import { normaliseOrganisation } from '../domain/names.js';
import type { Organisation, OrganisationKind } from '../domain/types.js';
import type { Database, OrganisationRow } from './schema.js';

export interface OrganisationRecord {
  name: string;
  kind: OrganisationKind;
  website: string | null;
  notes: string | null;
}

export function organisationsStore(db: Kysely<Database>) {
  return {
    async findByName(userId: string, name: string): Promise<Organisation | undefined> {
      const row = await db
        .selectFrom('organisations')
        .selectAll()
        .where('user_id', '=', userId)
        .where('normalised_name', '=', normaliseOrganisation(name))
        .executeTakeFirst();
      return row && toOrganisation(row);
    },
    async insert(userId: string, id: string, r: OrganisationRecord, at: string): Promise<void> {
      await db
        .insertInto('organisations')
        .values({
          id,
          user_id: userId,
          name: r.name,
          normalised_name: normaliseOrganisation(r.name),
          kind: r.kind,
          website: r.website,
          notes: r.notes,
          created_at: at,
        })
        .execute();
    },
    async update(userId: string, id: string, r: OrganisationRecord): Promise<void> {
      await db
        .updateTable('organisations')
        .set({ name: r.name, normalised_name: normaliseOrganisation(r.name), kind: r.kind, website: r.website, notes: r.notes })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .execute();
    },
    async get(userId: string, id: string): Promise<Organisation | undefined> {
      const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return row && toOrganisation(row);
    },
    async list(userId: string, opts: { limit: number; offset: number }): Promise<(Organisation & { contacts: number })[]> {
      const rows = await db
        .selectFrom('organisations')
        .selectAll('organisations')
        .select((eb) =>
          eb
            .selectFrom('contacts')
            .select((e) => e.fn.countAll().as('n'))
            .whereRef('contacts.organisation_id', '=', 'organisations.id')
            .as('contacts'),
        )
        .where('organisations.user_id', '=', userId)
        .orderBy('organisations.normalised_name')
        .limit(opts.limit)
        .offset(opts.offset)
        .execute();
      return rows.map((r) => ({ ...toOrganisation(r), contacts: Number(r.contacts ?? 0) }));
    },
    async delete(userId: string, id: string): Promise<boolean> {
      const r = await db.deleteFrom('organisations').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

function toOrganisation(r: OrganisationRow): Organisation {
  return { id: r.id, name: r.name, kind: r.kind as OrganisationKind, website: r.website, notes: r.notes, createdAt: r.created_at };
}
