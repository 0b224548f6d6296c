// Our own exports come back as they went out: the JSON backup with every field, the work history
// and the introductions (with their permissions); the CSV and the vCard with every field they carry.
// Random networks (fast-check) on SQLite, a fixed one on both databases.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createContact, listContacts, showContact } from '../src/app/contacts.js';
import type { Ctx } from '../src/app/context.js';
import { exportContacts } from '../src/app/export.js';
import { importContacts } from '../src/app/import.js';
import { addIntroduction, listIntroductions } from '../src/app/introductions.js';
import { addRole } from '../src/app/roles.js';
import type { Contact } from '../src/domain/types.js';
import { eachDialect, type TestCtx } from './harness.js';

const collect = async (gen: AsyncGenerator<string>) => {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
};

async function wipe(ctx: Ctx): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    for (const c of await tx.contacts.list(ctx.userId, { limit: 100_000, offset: 0 })) await tx.contacts.delete(ctx.userId, c.id);
  });
}

/** What a person is, without the ids and times a new database gives them. */
async function everyone(ctx: Ctx) {
  const people = (await listContacts(ctx, { limit: 1000 })).items;
  const nameOf = new Map(people.map((c) => [c.id, c.name]));
  const out = [];
  for (const c of people) {
    const { roles } = await showContact(ctx, c.id);
    const intros = (await listIntroductions(ctx, c.id)).filter((i) => i.contactId === c.id);
    out.push({
      ...strip(c),
      roles: roles.map((r) => [r.organisation, r.title, r.from, r.to, r.current]).sort(),
      introducedBy: intros.map((i) => [nameOf.get(i.introducerId), i.permission, i.permissionAt]).sort(),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

function strip(c: Contact) {
  const { id: _i, organisationId: _o, introducedBy: _b, createdAt: _c, updatedAt: _u, ...rest } = c;
  return { ...rest, tags: [...rest.tags].sort() };
}

/** The fields each format carries; the JSON backup carries all of them. */
// What every format carries about a person; the CSV adds the rest of the fields, the vCard the introductions.
const BASIC = [
  'name',
  'givenName',
  'familyName',
  'emails',
  'phones',
  'organisation',
  'title',
  'linkedinUrl',
  'location',
  'tags',
  'tie',
  'doNotContact',
  'research',
];
const CARRIED = {
  json: null,
  csv: [...BASIC, 'connectedOn'],
  vcard: [...BASIC, 'introducedBy'],
} as const;

function pick(people: Record<string, unknown>[], format: keyof typeof CARRIED) {
  const fields = CARRIED[format];
  if (!fields) return people;
  // A vCard says who introduced whom, not whether their name may be used.
  const value = (p: Record<string, unknown>, f: string) => (f === 'introducedBy' ? (p[f] as unknown[][]).map((i) => i[0]) : p[f]);
  return people.map((p) => Object.fromEntries(fields.map((f) => [f, value(p, f)])));
}

async function roundTrip(ctx: Ctx, format: keyof typeof CARRIED) {
  const before = await everyone(ctx);
  const text = await collect(exportContacts(ctx, { format }));
  await wipe(ctx);
  const report = await importContacts(ctx, new TextEncoder().encode(text), {});
  expect(report.errors).toEqual([]);
  expect(pick(await everyone(ctx), format)).toEqual(pick(before, format));
  return text;
}

async function sampleNetwork(ctx: Ctx) {
  const maya = await createContact(ctx, {
    name: 'Maya Okafor',
    emails: ['maya@example.org', 'm.okafor@work.example'],
    phones: ['+1 415 555 0100'],
    organisation: 'Northbridge; Health, Inc.',
    title: '=Senior "UX" Researcher',
    linkedinUrl: 'https://www.linkedin.com/in/maya-okafor',
    location: 'Cape Town',
    tags: ['ux', 'health'],
    tie: 'close',
    research: 'Ran the portal study.\nSpoke at the meetup, twice; "great" talk.',
    connectedOn: '2024-03-12',
  });
  await addRole(ctx, maya.id, { organisation: 'Old Works', title: 'Intern', from: '2015-06', to: '2016' });
  const tom = await createContact(ctx, { name: 'Tom Lindqvist', doNotContact: true, tie: 'cold', tags: ['@risky'] });
  const zoe = await createContact(ctx, { name: 'Zoë Ångström', emails: ['zoe@example.org'], tie: 'friend-of-contact' });
  await addIntroduction(ctx, { introducerId: tom.id, contactId: maya.id, permission: 'granted' });
  await addIntroduction(ctx, { introducerId: maya.id, contactId: zoe.id, permission: 'declined' });
}

eachDialect('round trips of our own exports', (t) => {
  it('the JSON backup reproduces every field, the work history and the introductions with their permissions', async () => {
    await sampleNetwork(t());
    const text = await roundTrip(t(), 'json');
    expect(JSON.parse(text)).toMatchObject({ coffeechat: 'backup', version: 2 });
    // Importing the same backup again into the same database changes nothing.
    const again = await importContacts(t(), new TextEncoder().encode(await collect(exportContacts(t(), { format: 'json' }))), {});
    expect(again).toMatchObject({ format: 'json', created: 0, updated: 0, unchanged: 3, errors: [] });
  });

  it('the CSV export and the vCard export bring back every field they carry', async () => {
    await sampleNetwork(t());
    await roundTrip(t(), 'csv');
    await wipe(t());
    await sampleNetwork(t());
    await roundTrip(t(), 'vcard');
  });

  it('a broken or foreign JSON file is refused whole, naming the line, and a bad record is skipped with its line', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    await expect(
      importContacts(t(), enc('{"coffeechat":"backup","version":1,\n"contacts":[\n{"name":"A"},\n{"name":}\n]}'), {}),
    ).rejects.toMatchObject({
      code: 'import_failed',
      message: expect.stringContaining('line 4') as string,
    });
    await expect(importContacts(t(), enc('{"coffeechat":"backup","version":7,"contacts":[]}'), {})).rejects.toMatchObject({
      code: 'import_failed',
      message: expect.stringContaining('version 7') as string,
    });
    await expect(importContacts(t(), enc('{"people":[]}'), { format: 'json' })).rejects.toMatchObject({ code: 'import_failed' });
    const report = await importContacts(
      t(),
      enc(
        '{"coffeechat":"backup","version":1,"contacts":[\n{"id":"a","name":"Ann Bee","tie":"close"},\n{"id":"b","name":"Cy","tie":"bestie"}\n]}',
      ),
      {},
    );
    expect(report).toMatchObject({
      created: 1,
      skipped: 1,
      errors: [{ line: 3, message: expect.stringContaining('unknown tie') as string }],
    });
    expect((await listContacts(t(), {})).items.map((c) => [c.name, c.tie])).toEqual([['Ann Bee', 'close']]);
  });
});

// ----------------------------------------------------------------------------------- Random networks

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][a-zà-ÿ'-]{1,10}$/).filter((w) => !/^['-]|['-]$/.test(w));
const text = fc
  .array(fc.oneof(word, fc.constantFrom(',', ';', '"quoted"', '=1+2', '@here', '-5', 'naïve', '東京', '::', '\\n')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((ws) => ws.join(' '));
const person = fc.record({
  given: word,
  family: word,
  organisation: fc.option(text, { nil: undefined }),
  title: fc.option(text, { nil: undefined }),
  location: fc.option(word, { nil: undefined }),
  tags: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { maxLength: 3 }),
  tie: fc.constantFrom('close', 'acquaintance', 'friend-of-contact', 'cold'),
  doNotContact: fc.boolean(),
  research: fc.option(
    fc.array(text, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')),
    { nil: undefined },
  ),
  phone: fc.option(
    fc.integer({ min: 1000000, max: 9999999 }).map((n) => `+44 20 ${String(n).slice(0, 4)} ${String(n).slice(4)}`),
    { nil: undefined },
  ),
  connectedOn: fc.option(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    {
      nil: undefined,
    },
  ),
});

it('random networks survive a round trip through each of our formats (SQLite)', async () => {
  const { openTestCtx } = await import('./harness.js');
  await fc.assert(
    fc.asyncProperty(
      fc.array(person, { minLength: 1, maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('granted', 'not-asked', 'declined')), { maxLength: 4 }),
      fc.constantFrom('json', 'csv', 'vcard'),
      async (people, intros, format) => {
        const ctx: TestCtx = await openTestCtx(':memory:');
        try {
          const ids: string[] = [];
          for (const [i, p] of people.entries()) {
            const c = await createContact(ctx, {
              name: `${p.given} ${p.family}${i}`,
              givenName: p.given,
              familyName: `${p.family}${i}`,
              emails: [`p${i}@example.org`],
              phones: p.phone ? [p.phone.replace(/\d$/, String(i % 10))] : [],
              organisation: p.organisation,
              title: p.title,
              location: p.location,
              tags: p.tags,
              tie: p.tie,
              doNotContact: p.doNotContact,
              research: p.research,
              connectedOn: p.connectedOn,
            });
            ids.push(c.id);
          }
          for (const [a, b, permission] of intros) {
            const from = ids[a % ids.length]!;
            const to = ids[b % ids.length]!;
            if (from !== to) await addIntroduction(ctx, { introducerId: from, contactId: to, permission }).catch(() => undefined);
          }
          await roundTrip(ctx, format);
        } finally {
          await ctx.db.close();
        }
      },
    ),
    { numRuns: 40 },
  );
}, 120_000);
