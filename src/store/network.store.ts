// Whole-network reads for ranking (suggest): every contact with the few fields ranking needs, in a
// handful of set queries rather than one per contact.
import type { Kysely } from 'kysely';
import type { InterviewStatus, Permission, TargetStatus, Tie } from '../domain/types.js';
import type { MatchInput } from '../domain/dedupe.js';
import type { SuggestContact, SuggestInput } from '../domain/suggest.js';
import { bool } from './rows.js';
import type { Database } from './schema.js';

export function networkStore(db: Kysely<Database>) {
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

    /** Everything `suggest` weighs, for one user and campaign. */
    async suggestInput(userId: string, campaignId: string): Promise<Omit<SuggestInput, 'field' | 'now'>> {
      const [contacts, tags, touches, introductions, interviews, targets] = await Promise.all([
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
          .where('contacts.user_id', '=', userId)
          .execute(),
        db.selectFrom('contact_tags').select(['contact_id', 'tag']).where('user_id', '=', userId).execute(),
        db
          .selectFrom('touches')
          .select(['contact_id', (eb) => eb.fn.max('at').as('last')])
          .where('user_id', '=', userId)
          .where('planned', '=', 0)
          .groupBy('contact_id')
          .execute(),
        db.selectFrom('introductions').select(['introducer_id', 'contact_id', 'permission']).where('user_id', '=', userId).execute(),
        db.selectFrom('interviews').select(['contact_id', 'campaign_id', 'status']).where('user_id', '=', userId).execute(),
        db
          .selectFrom('targets')
          .select(['organisation_id', 'motivation', 'posting', 'status'])
          .where('user_id', '=', userId)
          .where('campaign_id', '=', campaignId)
          .execute(),
      ]);
      const tagsOf = new Map<string, string[]>();
      for (const t of tags) {
        const list = tagsOf.get(t.contact_id);
        if (list) list.push(t.tag);
        else tagsOf.set(t.contact_id, [t.tag]);
      }
      const lastTouch = new Map(touches.map((t) => [t.contact_id, t.last as string]));
      const inCampaign = new Map<string, InterviewStatus>();
      const requestedAnywhere = new Set<string>();
      for (const i of interviews) {
        if (i.campaign_id === campaignId) inCampaign.set(i.contact_id, i.status as InterviewStatus);
        if (i.status === 'requested') requestedAnywhere.add(i.contact_id);
      }
      return {
        contacts: contacts.map((c): SuggestContact => ({
          id: c.id,
          name: c.name,
          tie: c.tie as Tie,
          doNotContact: bool(c.do_not_contact),
          organisationId: c.organisation_id,
          organisation: c.organisation,
          organisationIsAssociation: c.organisation_kind === 'association',
          title: c.title,
          tags: tagsOf.get(c.id) ?? [],
          lastTouchAt: lastTouch.get(c.id) ?? null,
        })),
        introductions: introductions.map((i) => ({
          introducerId: i.introducer_id,
          contactId: i.contact_id,
          permission: i.permission as Permission,
        })),
        inCampaign,
        requestedAnywhere,
        targets: targets.map((t) => ({
          organisationId: t.organisation_id,
          motivation: t.motivation,
          posting: t.posting,
          status: t.status as TargetStatus,
        })),
      };
    },
  };
}
