// Row factories for the bench database: every row as the store would have written it, built from
// the seeded PRNG so the same seed gives the same database. Derived columns (sort_name,
// search_text, normalised_name) go through the store's own functions, so indexes see real data.
import type { Insertable } from 'kysely';
import { BUILT_IN_QUESTIONS } from '../src/domain/questions/index.js';
import { normaliseOrganisation, sortKey, splitName } from '../src/domain/names.js';
import {
  ACTION_KINDS,
  CONTACT_SOURCES,
  INSIGHT_KINDS,
  MEETING_MODES,
  SITUATIONS,
  type InterviewStatus,
  type Tie,
} from '../src/domain/types.js';
import { searchText } from '../src/store/dialect.js';
import type {
  ActionRow,
  CampaignRow,
  ContactRow,
  ContactTagRow,
  ContactValueRow,
  InterviewRow,
  IntroductionRow,
  NoteKindRow,
  NoteRow,
  OrganisationRow,
} from '../src/store/schema.js';
import { shuffled, type Rng } from './prng.js';
import { CITIES, FAMILY_NAMES, GIVEN_NAMES, NOTE_WORDS, ORG_FIRST, ORG_KIND, ORG_SUFFIX, TAGS, TITLES } from './words.js';

/** The instant the bench world is "now" (also COFFEECHAT_NOW of the child processes). */
export const NOW = '2026-03-05T09:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const DAY = 86_400_000;

export interface Gen {
  rng: Rng;
  ids: () => string;
  userId: string;
}

/** An instant `fromDays`..`toDays` days around NOW (negative = past). */
function when(rng: Rng, fromDays: number, toDays: number): string {
  return new Date(NOW_MS + (fromDays + rng.next() * (toDays - fromDays)) * DAY).toISOString();
}

/** "José Müller" → "jose.muller": e-mail local parts are ASCII. */
const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

function sentence(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(NOTE_WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

export function organisations(g: Gen, count: number): Insertable<OrganisationRow>[] {
  const seen = new Set<string>();
  const rows: Insertable<OrganisationRow>[] = [];
  while (rows.length < count) {
    const suffix = g.rng.pick(ORG_SUFFIX);
    const first = g.rng.pick(ORG_FIRST);
    const name = `${first} ${g.rng.pick(ORG_KIND)}${suffix ? ' ' + suffix : ''}`;
    const normalised = normaliseOrganisation(name);
    if (seen.has(normalised)) continue; // unique per user, like the store's constraint
    seen.add(normalised);
    rows.push({
      id: g.ids(),
      user_id: g.userId,
      name,
      normalised_name: normalised,
      kind: g.rng.chance(0.95) ? 'employer' : 'association',
      website: g.rng.chance(0.5) ? `https://${ascii(first)}.example` : null,
      notes: null,
      created_at: when(g.rng, -1100, -30),
    });
  }
  return rows;
}

export function campaigns(g: Gen, count: number): Insertable<CampaignRow>[] {
  const fields = [
    'UX research in healthcare',
    'Data science in climate tech',
    'Product management in edtech',
    'Policy work in public health',
    'Engineering management',
  ];
  return Array.from({ length: count }, (_, i) => ({
    id: g.ids(),
    user_id: g.userId,
    field: fields[i % fields.length]!,
    situation: g.rng.pick(SITUATIONS),
    objective: g.rng.chance(0.7) ? sentence(g.rng, 12) : null,
    status: i === count - 1 ? 'active' : 'ended', // the newest is the one running
    created_at: when(g.rng, -900 + i * 200, -850 + i * 200),
    ended_at: i === count - 1 ? null : when(g.rng, -800 + i * 200, -700 + i * 200),
  }));
}

/** A contact and its child rows, written in one go. */
export interface ContactBundle {
  contact: Insertable<ContactRow>;
  emails: Insertable<ContactValueRow>[];
  phones: Insertable<ContactValueRow>[];
  tags: Insertable<ContactTagRow>[];
}

export function contact(g: Gen, orgs: readonly { id: string; name: string }[]): ContactBundle {
  const { rng } = g;
  const given = rng.pick(GIVEN_NAMES);
  const family = rng.pick(FAMILY_NAMES);
  const name = rng.chance(0.05) ? `${given} ${String.fromCharCode(65 + rng.int(0, 25))}. ${family}` : `${given} ${family}`;
  const split = splitName(name);
  // Squaring skews towards the first organisations: a few big employers, a long tail.
  const org = orgs.length && rng.chance(0.88) ? orgs[Math.floor(rng.next() ** 2 * orgs.length)]! : null;
  const id = g.ids();
  const emailCount = rng.weighted([
    [0, 25],
    [1, 55],
    [2, 20],
  ] as const);
  const emailDomains = [
    org ? `${ascii(org.name.split(' ')[0]!)}.example` : 'mail.example',
    rng.pick(['example.com', 'example.org', 'post.example']),
  ];
  const emails = [
    ...new Set(
      Array.from({ length: emailCount }, (_, i) => `${ascii(given)}.${ascii(family)}${i ? rng.int(1, 99) : ''}@${emailDomains[i]}`),
    ),
  ];
  const phones = rng.chance(0.4) ? [`+44 20 7946 ${String(rng.int(0, 9999)).padStart(4, '0')}`] : [];
  const tags = shuffled(rng, TAGS).slice(
    0,
    rng.weighted([
      [0, 35],
      [1, 35],
      [2, 20],
      [3, 10],
    ] as const),
  );
  const title = rng.chance(0.85) ? rng.pick(TITLES) : null;
  const location = rng.chance(0.6) ? rng.pick(CITIES) : null;
  const research = rng.chance(0.15) ? sentence(rng, rng.int(8, 25)) : null;
  const created = when(rng, -1000, -1);
  return {
    contact: {
      id,
      user_id: g.userId,
      name,
      sort_name: sortKey(name),
      given_name: split.givenName,
      family_name: split.familyName,
      organisation_id: org?.id ?? null,
      title,
      linkedin_url: rng.chance(0.5) ? `https://www.linkedin.com/in/${ascii(given)}-${ascii(family)}-${rng.int(100, 9999)}` : null,
      location,
      tie: rng.weighted<Tie>([
        ['close', 10],
        ['acquaintance', 45],
        ['friend-of-contact', 15],
        ['cold', 30],
      ]),
      do_not_contact: rng.chance(0.02) ? 1 : 0,
      source: rng.pick(CONTACT_SOURCES.filter((s) => s !== 'demo')),
      connected_on: rng.chance(0.4) ? when(rng, -3000, -1).slice(0, 10) : null,
      research,
      // The same fields in the same order as contacts.store.ts's columns().
      search_text: searchText([name, org?.name, title, location, ...emails, ...tags, research]),
      created_at: created,
      updated_at: rng.chance(0.3) ? when(rng, -30, 0) : created,
    },
    emails: emails.map((value, position) => ({ contact_id: id, user_id: g.userId, position, value })),
    phones: phones.map((value, position) => ({ contact_id: id, user_id: g.userId, position, value })),
    tags: tags.map((tag) => ({ contact_id: id, user_id: g.userId, tag })),
  };
}

const STATUS_WEIGHTS: [InterviewStatus, number][] = [
  ['prospect', 30],
  ['requested', 20],
  ['scheduled', 8],
  ['held', 10],
  ['thanked', 8],
  ['in-touch', 6],
  ['declined', 6],
  ['no-response', 8],
  ['dropped', 4],
];

/** Interviews spread over the campaigns; one per (campaign, contact), as the schema demands. */
export function* interviews(g: Gen, count: number, campaignIds: string[], contactIds: string[]): Generator<Insertable<InterviewRow>> {
  const perCampaign = Math.ceil(count / campaignIds.length);
  let made = 0;
  for (const campaignId of campaignIds) {
    for (const contactId of shuffled(g.rng, contactIds).slice(0, perCampaign)) {
      if (made++ >= count) return;
      const status = g.rng.weighted(STATUS_WEIGHTS);
      const met = ['scheduled', 'held', 'thanked', 'in-touch'].includes(status);
      const created = when(g.rng, -700, -5);
      yield {
        id: g.ids(),
        user_id: g.userId,
        campaign_id: campaignId,
        contact_id: contactId,
        status,
        scheduled_at: met ? when(g.rng, -300, 30) : null,
        timezone: met ? 'Europe/London' : null,
        minutes: g.rng.pick([20, 20, 30, 45]),
        mode: met ? g.rng.pick(MEETING_MODES) : null,
        place: null,
        link: null,
        held_at: met && status !== 'scheduled' ? when(g.rng, -300, -1) : null,
        no_referrals: 0,
        created_at: created,
        updated_at: created,
      };
    }
  }
}

export function introductions(g: Gen, count: number, contactIds: string[]): Insertable<IntroductionRow>[] {
  const pairs = new Set<string>();
  const rows: Insertable<IntroductionRow>[] = [];
  while (rows.length < count && contactIds.length > 1) {
    const introducer = g.rng.pick(contactIds);
    const contactId = g.rng.pick(contactIds);
    if (introducer === contactId || pairs.has(introducer + contactId)) continue;
    pairs.add(introducer + contactId);
    rows.push({
      id: g.ids(),
      user_id: g.userId,
      introducer_id: introducer,
      contact_id: contactId,
      permission: g.rng.pick(['granted', 'not-asked', 'declined']),
      permission_at: null,
      interview_id: null,
      created_at: when(g.rng, -600, -1),
    });
  }
  return rows;
}

/** What actions and notes hang off: an interview and its contact. */
export interface Link {
  interviewId: string;
  contactId: string;
}

export function* actions(g: Gen, count: number, links: Link[], contactIds: string[]): Generator<Insertable<ActionRow>> {
  for (let i = 0; i < count; i++) {
    const link = g.rng.chance(0.7) ? g.rng.pick(links) : null;
    const due = when(g.rng, -400, 30);
    // Someone who keeps up: what fell due weeks ago is almost all done or dismissed, a few were let
    // slide; what fell due lately or is coming is more often still open. Today then lists a few
    // hundred, not the 18,000 a flat 30% open would leave.
    const at = Date.parse(due);
    const open = at < NOW_MS - 21 * DAY ? 0.2 : at < NOW_MS ? 5 : 10;
    const status = g.rng.weighted([
      ['open', open],
      ['snoozed', open / 3],
      ['done', 85],
      ['dismissed', 15],
    ] as const);
    yield {
      id: g.ids(),
      user_id: g.userId,
      kind: g.rng.pick(ACTION_KINDS),
      contact_id: link?.contactId ?? g.rng.pick(contactIds),
      interview_id: link?.interviewId ?? null,
      due_at: due,
      overdue_at: new Date(Date.parse(due) + 2 * DAY).toISOString(),
      status,
      snoozed_until: status === 'snoozed' ? when(g.rng, 1, 14) : null,
      reason: sentence(g.rng, 8),
      created_at: new Date(Date.parse(due) - 3 * DAY).toISOString(),
      closed_at: status === 'done' || status === 'dismissed' ? due : null,
    };
  }
}

export interface NoteBundle {
  note: Insertable<NoteRow>;
  kinds: Insertable<NoteKindRow>[];
}

/** The built-in questions a plan may hold (not the preparation prompts). */
const ASKED = BUILT_IN_QUESTIONS.filter((q) => q.kind !== 'prep').map((q) => q.id);

export function* notes(g: Gen, count: number, links: Link[], contactIds: string[]): Generator<NoteBundle> {
  for (let i = 0; i < count; i++) {
    const link = g.rng.chance(0.7) ? g.rng.pick(links) : null;
    const id = g.ids();
    const at = when(g.rng, -700, 0);
    // Half the notes taken in an interview answer a planned question, so insights have answers,
    // pay figures and named strengths to work through.
    const question = link && g.rng.chance(0.5) ? g.rng.pick(ASKED) : null;
    const words = sentence(g.rng, g.rng.int(45, 75));
    yield {
      note: {
        id,
        user_id: g.userId,
        contact_id: link?.contactId ?? g.rng.pick(contactIds),
        interview_id: link?.interviewId ?? null,
        question_id: question,
        text: question === 'pay' ? `${words} Around ${g.rng.int(40, 120)}k a year plus bonus.` : words,
        at,
        created_at: at,
      },
      kinds: g.rng.chance(0.3) ? [{ note_id: id, user_id: g.userId, kind: g.rng.pick(INSIGHT_KINDS) }] : [],
    };
  }
}
