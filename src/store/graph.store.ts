// Reads for the network picture. Only the people the picture can show are loaded — those in an
// introduction, and the warmest few inside each target organisation — never the whole network,
// which may be tens of thousands of imported acquaintances.
import { sql, type Kysely } from 'kysely';
import type { GraphContact, GraphIntroduction } from '../domain/network-graph.js';
import type { Permission, Tie } from '../domain/types.js';
import type { Database } from './schema.js';

export interface GraphTarget {
  organisationId: string;
  organisation: string;
  /** Everyone the user has at the organisation, shown or not. */
  contactsInside: number;
}

export interface GraphRead {
  contacts: GraphContact[];
  introductions: GraphIntroduction[];
  targets: GraphTarget[];
  /** True when there were more introductions than `maxIntroductions` (the oldest are kept). */
  truncated: boolean;
}

export function graphStore(db: Kysely<Database>) {
  const contactColumns = [
    'contacts.id',
    'contacts.name',
    'contacts.tie',
    'contacts.organisation_id',
    'organisations.name as organisation',
  ] as const;
  type ContactOut = { id: string; name: string; tie: string; organisation_id: string | null; organisation: string | null };
  const toContact = (r: ContactOut): GraphContact => ({
    id: r.id,
    name: r.name,
    tie: r.tie as Tie,
    organisationId: r.organisation_id,
    organisation: r.organisation,
  });

  return {
    /**
     * The introductions (oldest first, at most `maxIntroductions`), everyone in them, and — for a
     * campaign — its targets (ruled-out ones aside) with up to `perTarget` people inside each,
     * warmest tie first, then by name.
     */
    async read(userId: string, opts: { campaignId: string | null; perTarget: number; maxIntroductions: number }): Promise<GraphRead> {
      const introRows = await db
        .selectFrom('introductions')
        .select(['introducer_id', 'contact_id', 'permission', 'interview_id'])
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .limit(opts.maxIntroductions + 1)
        .execute();
      const truncated = introRows.length > opts.maxIntroductions;
      const kept = introRows.slice(0, opts.maxIntroductions);

      const inIntroduction = db
        .selectFrom('contacts')
        .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
        .select(contactColumns)
        .where('contacts.user_id', '=', userId)
        .where((eb) =>
          eb.or([
            eb('contacts.id', 'in', eb.selectFrom('introductions').select('introducer_id').where('user_id', '=', userId)),
            eb('contacts.id', 'in', eb.selectFrom('introductions').select('contact_id').where('user_id', '=', userId)),
          ]),
        );

      const [people, targets] = await Promise.all([
        inIntroduction.execute(),
        opts.campaignId
          ? db
              .selectFrom('targets')
              .innerJoin('organisations', 'organisations.id', 'targets.organisation_id')
              .select(['targets.organisation_id', 'organisations.name as organisation'])
              .select((eb) =>
                eb
                  .selectFrom('contacts')
                  .select((e) => e.fn.countAll().as('n'))
                  .whereRef('contacts.organisation_id', '=', 'targets.organisation_id')
                  .as('contacts_inside'),
              )
              .where('targets.user_id', '=', userId)
              .where('targets.campaign_id', '=', opts.campaignId)
              .where('targets.status', '!=', 'ruled-out')
              .orderBy('organisations.name')
              .execute()
          : Promise.resolve([]),
      ]);

      let inside: ContactOut[] = [];
      if (targets.length && opts.perTarget > 0) {
        const warmth = sql`case ${sql.ref('contacts.tie')} when 'close' then 0 when 'acquaintance' then 1 when 'friend-of-contact' then 2 else 3 end`;
        const ranked = db
          .selectFrom('contacts')
          .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
          .select(contactColumns)
          .select(
            sql<number>`row_number() over (partition by ${sql.ref('contacts.organisation_id')} order by ${warmth}, ${sql.ref('contacts.sort_name')}, ${sql.ref('contacts.id')})`.as(
              'rn',
            ),
          )
          .where('contacts.user_id', '=', userId)
          .where(
            'contacts.organisation_id',
            'in',
            targets.map((t) => t.organisation_id),
          );
        inside = await db
          .selectFrom(ranked.as('ranked'))
          .select(['id', 'name', 'tie', 'organisation_id', 'organisation'])
          .where('rn', '<=', opts.perTarget)
          .execute();
      }

      const contacts = new Map<string, GraphContact>();
      for (const r of [...people, ...inside]) contacts.set(r.id, toContact(r));
      return {
        contacts: [...contacts.values()],
        introductions: kept.map((i) => ({
          introducerId: i.introducer_id,
          contactId: i.contact_id,
          permission: i.permission as Permission,
          interviewId: i.interview_id,
        })),
        targets: targets.map((t) => ({
          organisationId: t.organisation_id,
          organisation: t.organisation,
          contactsInside: Number(t.contacts_inside ?? 0),
        })),
        truncated,
      };
    },
  };
}
