// Whole-network reads: every contact in the shape the duplicate matcher reads, and for `suggest`
// the SQL pre-selection (who could make the list, with an upper bound of their score, computed in
// the database) and the details of just those contacts, so that ranking 30,000 contacts reads a
// few hundred.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { InterviewStatus, Permission, TargetStatus, Tie } from '../domain/types.js';
import type { MatchInput } from '../domain/dedupe.js';
import {
  MEMBER_TAG_WORDS,
  POINTS,
  TARGET_POINTS,
  tiePoints,
  type SuggestContact,
  type SuggestInput,
  type SuggestTarget,
} from '../domain/suggest.js';
import { contactMatches, dialectOf } from './dialect.js';
import { bool } from './rows.js';
import type { Database } from './schema.js';

/** What the store hands `suggest`: everything but the field and the time. */
export type SuggestNetwork = Omit<SuggestInput, 'field' | 'now'>;

/** What decides who a campaign's suggestions can include: the pre-selection's inputs. */
export interface SuggestScope {
  campaignId: string;
  /** Word prefixes of the campaign's field (domain/suggest.ts `relevancePrefixes`). */
  prefixes: string[];
  /** Touches at or after `recent` exclude a contact; at or after `year` they add points. */
  recent: string;
  year: string;
}

// IN lists are cut to this many values, well under either database's limit on bound parameters.
const CHUNK = 2000;
const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

const tieCase = sql<number>`CASE contacts.tie
  WHEN 'friend-of-contact' THEN ${sql.lit(tiePoints['friend-of-contact'])}
  WHEN 'acquaintance' THEN ${sql.lit(tiePoints.acquaintance)}
  WHEN 'close' THEN ${sql.lit(tiePoints.close)}
  ELSE ${sql.lit(tiePoints.cold)} END`;

function groupTags(rows: { contact_id: string; tag: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const t of rows) {
    const list = m.get(t.contact_id);
    if (list) list.push(t.tag);
    else m.set(t.contact_id, [t.tag]);
  }
  return m;
}

function interviewSets(rows: { contact_id: string; campaign_id: string; status: string }[], campaignId: string) {
  const inCampaign = new Map<string, InterviewStatus>();
  const requestedAnywhere = new Set<string>();
  for (const i of rows) {
    if (i.campaign_id === campaignId) inCampaign.set(i.contact_id, i.status as InterviewStatus);
    if (i.status === 'requested') requestedAnywhere.add(i.contact_id);
  }
  return { inCampaign, requestedAnywhere };
}

interface SuggestContactRow {
  id: string;
  name: string;
  tie: string;
  do_not_contact: number;
  organisation_id: string | null;
  title: string | null;
  organisation: string | null;
  organisation_kind: string | null;
}

function toSuggestContact(c: SuggestContactRow, tags: string[], lastTouchAt: string | null): SuggestContact {
  return {
    id: c.id,
    name: c.name,
    tie: c.tie as Tie,
    doNotContact: bool(c.do_not_contact),
    organisationId: c.organisation_id,
    organisation: c.organisation,
    organisationIsAssociation: c.organisation_kind === 'association',
    title: c.title,
    tags,
    lastTouchAt,
  };
}

const toIntroduction = (i: { introducer_id: string; contact_id: string; permission: string }) => ({
  introducerId: i.introducer_id,
  contactId: i.contact_id,
  permission: i.permission as Permission,
});

export function networkStore(db: Kysely<Database>) {
  const dialect = dialectOf(db);

  /**
   * The owner test for reads that go by other keys (ids, organisations) or through every row. On
   * SQLite it is written `+user_id` so the planner cannot answer it from a user_id index: that
   * would step through all of the user's contacts and fetch each row by key, several times slower
   * than reading the table in order, and far slower than looking up a few hundred ids.
   */
  const owner = (userId: string) =>
    dialect === 'sqlite' ? sql<SqlBool>`+contacts.user_id = ${userId}` : sql<SqlBool>`contacts.user_id = ${userId}`;

  const contactRows = (userId: string) =>
    db
      .selectFrom('contacts')
      .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
      .select([
        'contacts.id',
        'contacts.name',
        'contacts.tie',
        'contacts.do_not_contact',
        'contacts.organisation_id',
        'contacts.title',
        'organisations.name as organisation',
        'organisations.kind as organisation_kind',
      ])
      .where(owner(userId));

  // In the order they were recorded: `suggest` names the first introducer that qualifies.
  const introductionRows = (userId: string) =>
    db
      .selectFrom('introductions')
      .select(['introductions.introducer_id', 'introductions.contact_id', 'introductions.permission'])
      .where('introductions.user_id', '=', userId)
      .orderBy('introductions.created_at')
      .orderBy('introductions.id');

  const targetRows = async (userId: string, campaignId: string): Promise<SuggestTarget[]> =>
    (
      await db
        .selectFrom('targets')
        .select(['organisation_id', 'motivation', 'posting', 'status'])
        .where('user_id', '=', userId)
        .where('campaign_id', '=', campaignId)
        .execute()
    ).map((t) => ({ organisationId: t.organisation_id, motivation: t.motivation, posting: t.posting, status: t.status as TargetStatus }));

  /** Who is never suggested, besides do-not-contact: CONTRACTS.md "Suggest", and ruled-out targets. */
  const excluded = (userId: string, scope: SuggestScope) =>
    db
      .selectFrom('interviews')
      .select('interviews.contact_id')
      .where('interviews.user_id', '=', userId)
      .where((eb) =>
        eb.or([
          eb('interviews.status', '=', 'requested'),
          eb.and([eb('interviews.campaign_id', '=', scope.campaignId), eb('interviews.status', '!=', 'prospect')]),
        ]),
      )
      .unionAll(
        db
          .selectFrom('touches')
          .select('touches.contact_id')
          .where('touches.user_id', '=', userId)
          .where('touches.planned', '=', 0)
          .where('touches.at', '>=', scope.recent),
      )
      .unionAll(
        db
          .selectFrom('targets')
          .crossJoin('contacts')
          .whereRef('contacts.organisation_id', '=', 'targets.organisation_id')
          .select('contacts.id as contact_id')
          .where('targets.user_id', '=', userId)
          .where('targets.campaign_id', '=', scope.campaignId)
          .where('targets.status', '=', 'ruled-out')
          .where('contacts.user_id', '=', userId),
      );

  // The joins below are written as CROSS JOIN … WHERE, which SQLite takes as "this order": from
  // the few introductions, targets or associations to the contacts, never the other way round
  // (with every contact being the user's, its planner otherwise likes to start from the contacts).

  /** The introductions to the user's contacts, with their introducers as `k`. */
  const introduced = (userId: string) =>
    db
      .selectFrom('introductions')
      .crossJoin('contacts as k')
      .whereRef('k.id', '=', 'introductions.introducer_id')
      .where('introductions.user_id', '=', userId);
  /** What an introduction makes of the person introduced: with permission, through someone known, or nothing yet. */
  const warmthOf = sql<number>`CASE WHEN introductions.permission = 'granted' THEN ${sql.lit(POINTS.granted)}
    WHEN k.do_not_contact = 0 AND k.tie IN ('close', 'acquaintance') THEN ${sql.lit(POINTS.friend)} ELSE 0 END`;

  /**
   * Every reason a contact may score above their tie, one row per reason, with the points it may
   * bring (an upper bound: relevance here is any word starting with a prefix of the field's words,
   * and membership any tag containing an association word, whatever its case).
   */
  const specialSources = (userId: string, scope: SuggestScope) => {
    const zero = sql<number>`0`;
    const one = sql<number>`1`;
    const like = dialect === 'postgres' ? 'ilike' : 'like';
    let q = introduced(userId)
      .select([
        'introductions.contact_id',
        warmthOf.as('warmth'),
        zero.as('relevant'),
        zero.as('recent'),
        zero.as('member'),
        zero.as('target'),
      ])
      .unionAll(
        db
          .selectFrom('touches')
          .select(['touches.contact_id', zero.as('warmth'), zero.as('relevant'), one.as('recent'), zero.as('member'), zero.as('target')])
          .where('touches.user_id', '=', userId)
          .where('touches.planned', '=', 0)
          .where('touches.at', '>=', scope.year),
      )
      .unionAll(
        db
          .selectFrom('contact_tags')
          .select([
            'contact_tags.contact_id',
            zero.as('warmth'),
            zero.as('relevant'),
            zero.as('recent'),
            one.as('member'),
            zero.as('target'),
          ])
          .where('contact_tags.user_id', '=', userId)
          .where((eb) => eb.or(MEMBER_TAG_WORDS.map((w) => eb('contact_tags.tag', like, `%${w}%`)))),
      )
      .unionAll(
        db
          .selectFrom('organisations')
          .crossJoin('contacts')
          .whereRef('contacts.organisation_id', '=', 'organisations.id')
          .select([
            'contacts.id as contact_id',
            zero.as('warmth'),
            zero.as('relevant'),
            zero.as('recent'),
            one.as('member'),
            zero.as('target'),
          ])
          .where('organisations.user_id', '=', userId)
          .where('organisations.kind', '=', 'association')
          .where('contacts.user_id', '=', userId),
      )
      .unionAll(
        db
          .selectFrom('targets')
          .crossJoin('contacts')
          .whereRef('contacts.organisation_id', '=', 'targets.organisation_id')
          .select([
            'contacts.id as contact_id',
            zero.as('warmth'),
            zero.as('relevant'),
            zero.as('recent'),
            zero.as('member'),
            sql<number>`targets.motivation * ${sql.lit(TARGET_POINTS.motivation)} + targets.posting * ${sql.lit(TARGET_POINTS.posting)}`.as(
              'target',
            ),
          ])
          .where('targets.user_id', '=', userId)
          .where('targets.campaign_id', '=', scope.campaignId)
          .where('targets.status', '!=', 'ruled-out')
          .where('contacts.user_id', '=', userId),
      );
    // One search per prefix: the search index matches all of a query's words, and any one will do here.
    for (const prefix of scope.prefixes)
      q = q.unionAll(
        db
          .selectFrom('contacts')
          .select([
            'contacts.id as contact_id',
            zero.as('warmth'),
            one.as('relevant'),
            zero.as('recent'),
            zero.as('member'),
            zero.as('target'),
          ])
          .where('contacts.user_id', '=', userId)
          .where(contactMatches(dialect, [prefix])),
      );
    return q;
  };

  /** The upper bound of a score, from the flags of what may raise it (see specialSources). */
  const boundOf = (f: {
    warmth: RawBuilder<number>;
    relevant: RawBuilder<number>;
    member: RawBuilder<number>;
    target: RawBuilder<number>;
    recent: RawBuilder<number>;
  }) => {
    const P = POINTS;
    return sql<number>`(CASE
      WHEN ${f.warmth} >= ${sql.lit(P.granted)} THEN ${sql.lit(P.granted)}
      WHEN ${f.warmth} >= ${sql.lit(P.friend)} OR contacts.tie = 'friend-of-contact' THEN ${sql.lit(P.friend)}
      WHEN contacts.tie = 'acquaintance' THEN ${sql.lit(P.acquaintance)}
      WHEN contacts.tie = 'close' THEN ${sql.lit(P.close)}
      WHEN ${f.member} > 0 OR (${f.relevant} > 0 AND contacts.title <> '') THEN ${sql.lit(P.member)}
      ELSE ${sql.lit(P.cold)} END)
      + ${f.relevant} * ${sql.lit(P.relevant)} + ${f.target} + ${f.recent} * ${sql.lit(P.recent)}`;
  };

  /** Every special contact (see specialSources), not excluded, with the upper bound of their score. */
  const specialBounds = (userId: string, scope: SuggestScope) => {
    const flags = db
      .selectFrom(specialSources(userId, scope).as('s'))
      .select((eb) => [
        's.contact_id',
        eb.fn.max('s.warmth').as('warmth'),
        eb.fn.max('s.relevant').as('relevant'),
        eb.fn.max('s.recent').as('recent'),
        eb.fn.max('s.member').as('member'),
        eb.fn.max('s.target').as('target'),
      ])
      .groupBy('s.contact_id');
    return db
      .selectFrom(flags.as('f'))
      .crossJoin('contacts')
      .whereRef('contacts.id', '=', 'f.contact_id')
      .select([
        'contacts.id',
        boundOf({
          warmth: sql.ref('f.warmth'),
          relevant: sql.ref('f.relevant'),
          member: sql.ref('f.member'),
          target: sql.ref('f.target'),
          recent: sql.ref('f.recent'),
        }).as('bound'),
      ])
      .where('contacts.do_not_contact', '=', 0)
      .where('contacts.id', 'not in', excluded(userId, scope));
  };

  /**
   * The same bound for just the contacts someone introduced, usually few: each of their other
   * flags is looked up row by row rather than gathered for the whole network.
   */
  const introducedBounds = (userId: string, scope: SuggestScope) => {
    const like = dialect === 'postgres' ? 'ilike' : 'like';
    const warmth = introduced(userId)
      .select(['introductions.contact_id', sql<number>`max(${warmthOf})`.as('warmth')])
      .groupBy('introductions.contact_id');
    return db
      .selectFrom(warmth.as('w'))
      .crossJoin('contacts')
      .whereRef('contacts.id', '=', 'w.contact_id')
      .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
      .select((eb) => [
        'contacts.id',
        boundOf({
          warmth: sql.ref('w.warmth'),
          relevant: scope.prefixes.length
            ? sql<number>`CASE WHEN ${eb.or(scope.prefixes.map((p) => contactMatches(dialect, [p])))} THEN 1 ELSE 0 END`
            : sql<number>`0`,
          member: sql<number>`CASE WHEN organisations.kind = 'association' OR ${eb.exists(
            eb
              .selectFrom('contact_tags')
              .select('contact_tags.tag')
              .whereRef('contact_tags.contact_id', '=', 'contacts.id')
              .where((t) => t.or(MEMBER_TAG_WORDS.map((w) => t('contact_tags.tag', like, `%${w}%`)))),
          )} THEN 1 ELSE 0 END`,
          target: sql<number>`COALESCE(${eb
            .selectFrom('targets')
            .select(
              sql<number>`targets.motivation * ${sql.lit(TARGET_POINTS.motivation)} + targets.posting * ${sql.lit(TARGET_POINTS.posting)}`.as(
                'p',
              ),
            )
            .where('targets.campaign_id', '=', scope.campaignId)
            .whereRef('targets.organisation_id', '=', 'contacts.organisation_id')
            .where('targets.status', '!=', 'ruled-out')}, 0)`,
          recent: sql<number>`CASE WHEN ${eb.exists(
            eb
              .selectFrom('touches')
              .select('touches.id')
              .whereRef('touches.contact_id', '=', 'contacts.id')
              .where('touches.planned', '=', 0)
              .where('touches.at', '>=', scope.year),
          )} THEN 1 ELSE 0 END`,
        }).as('bound'),
      ])
      .where('contacts.do_not_contact', '=', 0)
      .where('contacts.id', 'not in', excluded(userId, scope));
  };

  return {
    /** Every contact in the shape the duplicate matcher reads. */
    async matchInputs(userId: string): Promise<MatchInput[]> {
      const [contacts, emails, phones] = await Promise.all([
        db
          .selectFrom('contacts')
          .leftJoin('organisations', 'organisations.id', 'contacts.organisation_id')
          .select([
            'contacts.id',
            'contacts.name',
            'contacts.given_name',
            'contacts.family_name',
            'contacts.linkedin_url',
            'organisations.name as organisation',
          ])
          .where('contacts.user_id', '=', userId)
          .execute(),
        db.selectFrom('contact_emails').select(['contact_id', 'value']).where('user_id', '=', userId).orderBy('position').execute(),
        db.selectFrom('contact_phones').select(['contact_id', 'value']).where('user_id', '=', userId).orderBy('position').execute(),
      ]);
      const group = (rows: { contact_id: string; value: string }[]) => {
        const m = new Map<string, string[]>();
        for (const r of rows) {
          const list = m.get(r.contact_id);
          if (list) list.push(r.value);
          else m.set(r.contact_id, [r.value]);
        }
        return m;
      };
      const e = group(emails);
      const p = group(phones);
      return contacts.map((c) => ({
        id: c.id,
        name: c.name,
        givenName: c.given_name,
        familyName: c.family_name,
        emails: e.get(c.id) ?? [],
        phones: p.get(c.id) ?? [],
        organisation: c.organisation,
        linkedinUrl: c.linkedin_url,
      }));
    },

    /**
     * Everything `suggest` weighs, for one user and campaign, over the whole network: the plain
     * reading that the pre-selection below must agree with (tests compare the two).
     */
    async suggestInput(userId: string, campaignId: string): Promise<SuggestNetwork> {
      const [contacts, tags, touches, introductions, interviews, targets] = await Promise.all([
        contactRows(userId).execute(),
        db.selectFrom('contact_tags').select(['contact_id', 'tag']).where('user_id', '=', userId).execute(),
        db
          .selectFrom('touches')
          .select(['contact_id', (eb) => eb.fn.max('at').as('last')])
          .where('user_id', '=', userId)
          .where('planned', '=', 0)
          .groupBy('contact_id')
          .execute(),
        introductionRows(userId).execute(),
        db.selectFrom('interviews').select(['contact_id', 'campaign_id', 'status']).where('user_id', '=', userId).execute(),
        targetRows(userId, campaignId),
      ]);
      const tagsOf = groupTags(tags);
      const lastTouch = new Map(touches.map((t) => [t.contact_id, t.last as string]));
      return {
        contacts: contacts.map((c) => toSuggestContact(c, tagsOf.get(c.id) ?? [], lastTouch.get(c.id) ?? null)),
        ...interviewSets(interviews, campaignId),
        introductions: introductions.map(toIntroduction),
        targets,
      };
    },

    /**
     * The contacts whose score can rise above what their tie alone gives (an introduction, a
     * relevant word, a target employer, an association, a touch within the year), who are not
     * excluded, with an upper bound of their score: highest first, `limit` of them, or all whose
     * bound is at least `min`.
     */
    async suggestCandidates(
      userId: string,
      scope: SuggestScope,
      opts: { limit?: number; min?: number; introduced?: boolean },
    ): Promise<{ id: string; bound: number }[]> {
      const bounded = opts.introduced ? introducedBounds(userId, scope) : specialBounds(userId, scope);
      let q = db.selectFrom(bounded.as('b')).select(['b.id', 'b.bound']).orderBy('b.bound', 'desc');
      if (opts.min !== undefined) q = q.where('b.bound', '>=', opts.min);
      if (opts.limit !== undefined) q = q.limit(opts.limit);
      return (await q.execute()).map((r) => ({ id: r.id, bound: Number(r.bound) }));
    },

    /**
     * The most anyone without an introduction can score in this campaign: a friend's points, plus
     * relevance, the best target's and the recency points when anyone could earn them.
     */
    async suggestCapWithoutIntroduction(userId: string, scope: SuggestScope): Promise<number> {
      const [target, touch] = await Promise.all([
        db
          .selectFrom('targets')
          .select(
            sql<number>`max(targets.motivation * ${sql.lit(TARGET_POINTS.motivation)} + targets.posting * ${sql.lit(TARGET_POINTS.posting)})`.as(
              'top',
            ),
          )
          .where('targets.user_id', '=', userId)
          .where('targets.campaign_id', '=', scope.campaignId)
          .where('targets.status', '!=', 'ruled-out')
          .executeTakeFirst(),
        db
          .selectFrom('touches')
          .select('touches.id')
          .where('touches.user_id', '=', userId)
          .where('touches.planned', '=', 0)
          .where('touches.at', '>=', scope.year)
          .limit(1)
          .executeTakeFirst(),
      ]);
      return (
        POINTS.friend + (scope.prefixes.length ? POINTS.relevant : 0) + Math.max(0, Number(target?.top ?? 0)) + (touch ? POINTS.recent : 0)
      );
    },

    /**
     * Contacts who are not excluded, scored by their tie alone (the least their score can be),
     * highest first: `limit` of them, or all whose tie scores at least `min`.
     */
    async suggestByTie(
      userId: string,
      scope: SuggestScope,
      opts: { limit?: number; min?: number },
    ): Promise<{ id: string; name: string; base: number }[]> {
      const based = db
        .selectFrom('contacts')
        .select(['contacts.id', 'contacts.name', sql<number>`${tieCase}`.as('base')])
        .where(owner(userId))
        .where('contacts.do_not_contact', '=', 0)
        .where('contacts.id', 'not in', excluded(userId, scope));
      let q = db.selectFrom(based.as('b')).select(['b.id', 'b.name', 'b.base']).orderBy('b.base', 'desc');
      if (opts.min !== undefined) q = q.where('b.base', '>=', opts.min);
      if (opts.limit !== undefined) q = q.limit(opts.limit);
      return (await q.execute()).map((r) => ({ id: r.id, name: r.name, base: Number(r.base) }));
    },

    /**
     * What `suggest` needs to score exactly these contacts: their rows, tags, last touches,
     * introductions and interviews, the campaign's targets, and, as `others`, the introducers and
     * the people the user knows at their target organisations.
     */
    async suggestDetails(userId: string, campaignId: string, ids: string[]): Promise<SuggestNetwork> {
      const targets = await targetRows(userId, campaignId);
      const out: SuggestNetwork = {
        contacts: [],
        others: [],
        introductions: [],
        inCampaign: new Map(),
        requestedAnywhere: new Set(),
        targets,
      };
      const targetOrgs = new Set(targets.map((t) => t.organisationId));
      const seen = new Set(ids);
      const otherIds = new Set<string>();
      const orgs = new Set<string>();
      for (const chunk of chunks(ids)) {
        const [contacts, tags, touches, introductions, interviews] = await Promise.all([
          contactRows(userId).where('contacts.id', 'in', chunk).execute(),
          db.selectFrom('contact_tags').select(['contact_id', 'tag']).where('contact_id', 'in', chunk).execute(),
          db
            .selectFrom('touches')
            .select(['contact_id', (eb) => eb.fn.max('at').as('last')])
            .where('contact_id', 'in', chunk)
            .where('planned', '=', 0)
            .groupBy('contact_id')
            .execute(),
          introductionRows(userId).where('introductions.contact_id', 'in', chunk).execute(),
          db.selectFrom('interviews').select(['contact_id', 'campaign_id', 'status']).where('contact_id', 'in', chunk).execute(),
        ]);
        const tagsOf = groupTags(tags);
        const lastTouch = new Map(touches.map((t) => [t.contact_id, t.last as string]));
        for (const c of contacts) {
          out.contacts.push(toSuggestContact(c, tagsOf.get(c.id) ?? [], lastTouch.get(c.id) ?? null));
          if (c.organisation_id && targetOrgs.has(c.organisation_id)) orgs.add(c.organisation_id);
        }
        for (const i of introductions) {
          out.introductions.push(toIntroduction(i));
          if (!seen.has(i.introducer_id)) otherIds.add(i.introducer_id);
        }
        const sets = interviewSets(interviews, campaignId);
        for (const [k, v] of sets.inCampaign) out.inCampaign.set(k, v);
        for (const k of sets.requestedAnywhere) out.requestedAnywhere.add(k);
      }
      const others = [
        ...(
          await Promise.all(chunks([...otherIds]).map((chunk) => contactRows(userId).where('contacts.id', 'in', chunk).execute()))
        ).flat(),
        ...(orgs.size
          ? await contactRows(userId)
              .where('contacts.organisation_id', 'in', [...orgs])
              .where('contacts.do_not_contact', '=', 0)
              .where('contacts.tie', 'in', ['close', 'acquaintance'])
              .execute()
          : []),
      ];
      for (const c of others) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        out.others!.push(toSuggestContact(c, [], null));
      }
      return out;
    },
  };
}
