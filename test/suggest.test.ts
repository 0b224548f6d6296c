// Whom to ask first, read through the SQL pre-selection (app/suggest.ts), must be exactly the
// ranking of the whole network (domain/suggest.ts over every contact): same people, order, scores,
// reasons and way in. Random small networks on SQLite, with first reads far smaller than the
// network so that every widening step is taken; a fixed network on both databases.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createContact } from '../src/app/contacts.js';
import { createOrganisation } from '../src/app/organisations.js';
import { addIntroduction } from '../src/app/introductions.js';
import { rankCampaign, suggestContacts } from '../src/app/suggest.js';
import { addTarget } from '../src/app/targets.js';
import { suggest } from '../src/domain/suggest.js';
import { INTERVIEW_STATUSES, TIES, type InterviewStatus, type Tie } from '../src/domain/types.js';
import { eachDialect, openTestCtx, type TestCtx } from './harness.js';

const FIELDS = ['UX research in healthcare', 'Data design', 'Policy ers', 'the and of'];
const TITLES = ['Senior UX Researcher', 'Head of Data', 'Designer', 'Baker', 'Lead engineer', 'Researching', 'Policy'];
const TAGS = ['health', 'Design Guild', 'ASSOCIATION of bakers', 'data', 'friend', 'research', 'ux'];
const ORGS = ['Northbridge Health', 'Data Co', 'Bakery', 'Designers Society', 'Policy Lab'];
const NAMES = ['Ana', 'ana', 'Émile', 'Zoë', 'Ben', 'Çelik'];
const DAY = 24 * 3600 * 1000;

const whole = async (ctx: TestCtx, campaign: { id: string; field: string }, limit: number) =>
  suggest({ ...(await ctx.store.network.suggestInput(ctx.userId, campaign.id)), field: campaign.field, now: ctx.clock.now() }, limit);

async function campaignOf(ctx: TestCtx, field: string) {
  const c = await ctx.store.campaigns.list(ctx.userId, { limit: 1, offset: 0 });
  if (c[0]) return c[0];
  const { createCampaign } = await import('../src/app/campaigns.js');
  return createCampaign(ctx, { field, situation: 'career-change' });
}

/** Rows the app only makes through a sequence of touches and moves, written directly. */
async function putInterview(ctx: TestCtx, campaignId: string, contactId: string, status: InterviewStatus) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.db
    .insertInto('interviews')
    .values({
      id: ctx.ids(),
      user_id: ctx.userId,
      campaign_id: campaignId,
      contact_id: contactId,
      status,
      minutes: 20,
      no_referrals: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

async function putTouch(ctx: TestCtx, contactId: string, daysAgo: number, planned: boolean) {
  const at = new Date(ctx.clock.now().getTime() - daysAgo * DAY).toISOString();
  await ctx.db.db
    .insertInto('touches')
    .values({
      id: ctx.ids(),
      user_id: ctx.userId,
      contact_id: contactId,
      channel: 'email',
      direction: 'out',
      purpose: 'other',
      at,
      planned: planned ? 1 : 0,
      created_at: at,
    })
    .execute();
}

const person = fc.record({
  name: fc.constantFrom(...NAMES),
  tie: fc.constantFrom(...TIES),
  doNotContact: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  organisation: fc.option(fc.constantFrom(...ORGS), { nil: undefined }),
  title: fc.option(fc.constantFrom(...TITLES), { nil: undefined }),
  tags: fc.subarray(TAGS, { maxLength: 2 }),
});

const network = fc.record({
  field: fc.constantFrom(...FIELDS),
  people: fc.array(person, { minLength: 1, maxLength: 14 }),
  intros: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('granted', 'not-asked', 'declined')), { maxLength: 6 }),
  interviews: fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.constantFrom(...INTERVIEW_STATUSES)), { maxLength: 4 }),
  touches: fc.array(fc.tuple(fc.nat(), fc.constantFrom(3, 40, 200, 500), fc.boolean()), { maxLength: 4 }),
  targets: fc.array(
    fc.tuple(
      fc.constantFrom(...ORGS),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 1, max: 3 }),
      fc.constantFrom('active', 'ruled-out'),
    ),
    { maxLength: 3 },
  ),
  limit: fc.integer({ min: 1, max: 6 }),
  extra: fc.integer({ min: 0, max: 2 }),
});

type Network = typeof network extends fc.Arbitrary<infer T> ? T : never;

async function build(ctx: TestCtx, n: Network) {
  const campaign = await campaignOf(ctx, n.field);
  const other = await (await import('../src/app/campaigns.js')).createCampaign(ctx, { field: 'Anything', situation: 'next-job' });
  await createOrganisation(ctx, { name: 'Designers Society', kind: 'association' });
  const ids: string[] = [];
  for (const [i, p] of n.people.entries()) {
    const c = await createContact(ctx, { ...p, name: `${p.name} ${i % 3 ? 'Lee' : 'Okafor'}`, tie: p.tie as Tie });
    ids.push(c.id);
  }
  const pick = (k: number) => ids[k % ids.length]!;
  for (const [a, b, permission] of n.intros)
    if (pick(a) !== pick(b)) await addIntroduction(ctx, { introducerId: pick(a), contactId: pick(b), permission }).catch(() => undefined);
  const seen = new Set<string>();
  for (const [k, here, status] of n.interviews) {
    const key = `${pick(k)}${here}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await putInterview(ctx, here ? campaign.id : other.id, pick(k), status);
  }
  for (const [k, daysAgo, planned] of n.touches) await putTouch(ctx, pick(k), daysAgo, planned);
  const targeted = new Set<string>();
  for (const [organisation, motivation, posting, status] of n.targets) {
    if (targeted.has(organisation)) continue;
    targeted.add(organisation);
    await addTarget(ctx, { campaignId: campaign.id, organisation, motivation, posting, status });
  }
  return campaign;
}

it('the pre-selected ranking equals the whole network ranked, on random networks (SQLite)', async () => {
  await fc.assert(
    fc.asyncProperty(network, async (n) => {
      const ctx = await openTestCtx(':memory:');
      try {
        const campaign = await build(ctx, n);
        // First reads of one or a few candidates: the widening steps and the final read all run.
        const fast = await rankCampaign(ctx, campaign, n.limit, n.limit + n.extra);
        expect(fast).toEqual(await whole(ctx, campaign, n.limit));
      } finally {
        await ctx.db.close();
      }
    }),
    { numRuns: 60 },
  );
}, 120_000);

eachDialect('suggest (pre-selection)', (t) => {
  it('keeps the warmest, breaks ties by name, and never suggests the excluded, as the whole ranking does', async () => {
    const ctx = t();
    const campaign = await build(ctx, {
      field: 'UX research in healthcare',
      people: [
        { name: 'Zoë', tie: 'close', doNotContact: false, organisation: 'Northbridge Health', title: 'Nurse', tags: [] },
        { name: 'Ben', tie: 'cold', doNotContact: false, organisation: 'Northbridge Health', title: 'Senior UX Researcher', tags: [] },
        { name: 'Ana', tie: 'cold', doNotContact: false, organisation: 'Designers Society', title: undefined, tags: [] },
        { name: 'Émile', tie: 'friend-of-contact', doNotContact: false, organisation: undefined, title: undefined, tags: [] },
        { name: 'ana', tie: 'friend-of-contact', doNotContact: false, organisation: undefined, title: undefined, tags: [] },
        { name: 'Çelik', tie: 'acquaintance', doNotContact: true, organisation: undefined, title: 'UX Researcher', tags: ['health'] },
        { name: 'Ben', tie: 'acquaintance', doNotContact: false, organisation: 'Bakery', title: 'Baker', tags: ['Design Guild'] },
        { name: 'Zoë', tie: 'acquaintance', doNotContact: false, organisation: 'Data Co', title: 'Researching', tags: [] },
        { name: 'Ana', tie: 'cold', doNotContact: false, organisation: 'Policy Lab', title: 'Head of Data', tags: [] },
        { name: 'ana', tie: 'cold', doNotContact: false, organisation: undefined, title: undefined, tags: [] },
        { name: 'Ana', tie: 'cold', doNotContact: false, organisation: undefined, title: 'Baker', tags: ['friend'] },
      ],
      intros: [
        [0, 3, 'granted'],
        [6, 8, 'not-asked'],
      ],
      interviews: [
        [7, true, 'scheduled'],
        [4, false, 'requested'],
        [1, true, 'prospect'],
      ],
      touches: [
        [2, 3, false],
        [6, 200, false],
      ],
      targets: [
        ['Northbridge Health', 3, 2, 'active'],
        ['Policy Lab', 1, 1, 'ruled-out'],
      ],
      limit: 0,
      extra: 0,
    });
    const full = await whole(ctx, campaign, 50);
    // Émile, introduced with permission; Zoë, close and at the target; Ben Okafor, an acquaintance
    // in touch this year; Ben Lee, senior in the field at the target, through Zoë; then two cold
    // contacts level at 10, by name. Touched lately, asked elsewhere, scheduled here, do-not-contact
    // or at a ruled-out target: nowhere.
    expect(full.map((s) => [s.name, s.score])).toEqual([
      ['Émile Okafor', 100],
      ['Zoë Okafor', 66],
      ['Ben Okafor', 65],
      ['Ben Lee', 61],
      ['Ana Lee', 10],
      ['ana Okafor', 10],
    ]);
    expect(full[3]).toMatchObject({ via: 'Zoë Okafor', inCampaign: 'prospect' });
    for (const limit of [1, 2, 3, 4, 5, 6])
      for (const batch of [limit, limit + 1, limit + 100])
        expect(await rankCampaign(ctx, campaign, limit, batch)).toEqual(full.slice(0, limit));
    expect(await suggestContacts(ctx, { campaignId: campaign.id, limit: 3 })).toEqual(full.slice(0, 3));
  });

  it('finds a relevant contact whose organisation was renamed after they were added', async () => {
    const ctx = t();
    const campaign = await campaignOf(ctx, 'UX research in healthcare');
    await Promise.all(Array.from({ length: 6 }, (_, i) => createContact(ctx, { name: `Cold ${i}`, tie: 'cold' })));
    const c = await createContact(ctx, { name: 'Kim Ode', tie: 'cold', organisation: 'Acme' });
    const { updateOrganisation } = await import('../src/app/organisations.js');
    await updateOrganisation(ctx, c.organisationId!, { name: 'Acme Healthcare' });
    const [first] = await rankCampaign(ctx, campaign, 1, 1);
    expect(first).toMatchObject({ name: 'Kim Ode', score: 25 });
    expect(first!.reasons.join(' ')).toMatch(/works close to the field \(Acme Healthcare\)/);
  });
});
