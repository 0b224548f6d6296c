import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIDENT, DuplicateIndex, findDuplicates, matchPair, type DuplicateCandidate, type MatchInput } from './dedupe.js';

/** A contact's fields; the rest default to empty. */
type Fields = Omit<Partial<MatchInput>, 'id'>;

function contact(id: string, fields: Fields = {}): MatchInput {
  return { id, name: '', givenName: null, familyName: null, emails: [], phones: [], organisation: null, linkedinUrl: null, ...fields };
}

const US = { defaultCountry: 'US' };

function kinds(c: DuplicateCandidate | null): string[] {
  return (c?.signals ?? []).map((s) => s.kind).sort();
}

describe('matchPair: strong keys', () => {
  it('matches one e-mail address written two ways', () => {
    const c = matchPair(
      contact('a', { name: 'Maya Patel', emails: ['maya@example.org'] }),
      contact('b', { name: 'Maya Patel', emails: ['Maya+jobs@Example.org'] }),
    );
    expect(c?.contactIds).toEqual(['a', 'b']);
    expect(c?.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(c?.reasons).toContain('same e-mail maya@example.org / Maya+jobs@Example.org');
    expect(c?.signals).toContainEqual({ kind: 'email', detail: 'maya@example.org' });
    expect(c?.signals).toContainEqual({ kind: 'name', detail: 'Maya Patel' });
  });

  it('matches one LinkedIn profile written two ways, even after a change of job', () => {
    const c = matchPair(
      contact('a', { name: 'Chen Li', organisation: 'Google', linkedinUrl: 'https://uk.linkedin.com/in/ChenLi/?trk=x' }),
      contact('b', { name: 'Chen Li', organisation: 'Stripe', linkedinUrl: 'linkedin.com/in/chenli' }),
    );
    expect(c?.confidence).toBeGreaterThanOrEqual(0.98);
    expect(c?.reasons[0]).toBe('same LinkedIn profile (linkedin.com/in/chenli)');
  });

  it('matches one phone number written two ways, in the default country', () => {
    const a = contact('a', { name: 'Kevin Doyle', phones: ['(415) 555-0100'] });
    const b = contact('b', { name: 'Kevin Doyle', phones: ['+1 415 555 0100'] });
    const c = matchPair(a, b, US);
    expect(c?.reasons).toContain('same phone +14155550100');
    expect(c?.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    // without a default country the national form cannot be read
    expect(matchPair(a, b)).toBeNull();
  });

  it('does not take numbers that end alike in two countries for one', () => {
    const a = contact('a', { name: 'Ella Brooks', phones: ['+1 415 555 0123'] });
    const b = contact('b', { name: 'Ella Brooks', phones: ['+61 2 9555 0123'] });
    expect(matchPair(a, b, US)).toBeNull();
  });

  it('adds up independent evidence', () => {
    const one = matchPair(
      contact('a', { name: 'Fatima Zahra', emails: ['fz@atlas.ma'] }),
      contact('b', { name: 'Fatima Zahra', emails: ['fz@atlas.ma'] }),
    );
    const two = matchPair(
      contact('a', { name: 'Fatima Zahra', emails: ['fz@atlas.ma'], phones: ['+212 6 61 23 45 67'] }),
      contact('b', { name: 'Fatima Zahra', emails: ['fz@atlas.ma'], phones: ['+212661234567'] }),
    );
    expect(two!.confidence).toBeGreaterThan(one!.confidence);
    expect(two!.confidence).toBeLessThanOrEqual(1);
    expect(kinds(two)).toEqual(['email', 'name', 'phone']);
  });

  it('accepts a record with no name when a key matches', () => {
    const c = matchPair(
      contact('a', { name: '', emails: ['noor@almanar.ae'] }),
      contact('b', { name: 'Noor Khalil', emails: ['noor@almanar.ae'] }),
    );
    expect(c?.confidence).toBeGreaterThanOrEqual(CONFIDENT);
    expect(kinds(c)).toEqual(['email']);
  });

  it('ignores role addresses (info@, jobs@ …)', () => {
    const a = contact('a', { name: 'Nina Park', emails: ['info@smallstudio.com'] });
    const b = contact('b', { name: 'Nina Park', emails: ['INFO@smallstudio.com'] });
    expect(matchPair(a, b)).toBeNull();
  });
});

describe('matchPair: names that disagree', () => {
  it('does not pair a family sharing a home phone or an address', () => {
    const phone = matchPair(
      contact('a', { name: 'John Smith', phones: ['(503) 555-0164'] }),
      contact('b', { name: 'Mary Smith', phones: ['503-555-0164'] }),
      US,
    );
    expect(phone).toBeNull();
    const email = matchPair(
      contact('a', { name: 'David Miller', emails: ['millers@comcast.net'] }),
      contact('b', { name: 'Susan Miller', emails: ['millers@comcast.net'] }),
    );
    expect(email).toBeNull();
    const generations = matchPair(
      contact('a', { name: 'Robert Hale Sr.', phones: ['(617) 555-0155'] }),
      contact('b', { name: 'Robert Hale Jr.', phones: ['617 555 0155'] }),
      US,
    );
    expect(generations).toBeNull();
  });

  it('does not pair strangers on a shared line or a reassigned number', () => {
    expect(
      matchPair(
        contact('a', { name: 'Priya Nair', phones: ['+1 408 555 0133'] }),
        contact('b', { name: "Kevin O'Brien", phones: ['(408) 555-0133'] }),
        US,
      ),
    ).toBeNull();
  });

  it('offers a changed family name for review, never for an automatic merge', () => {
    const c = matchPair(
      contact('a', { name: 'Mary Smith', emails: ['mary.s@posteo.de'] }),
      contact('b', { name: 'Mary Jones', emails: ['mary.s@posteo.de'] }),
    );
    expect(c).not.toBeNull();
    expect(c!.confidence).toBeLessThan(CONFIDENT);
    expect(c!.reasons.at(-1)).toBe('but the family names differ (Smith / Jones)');
  });

  it('still offers one LinkedIn profile under two names, for review', () => {
    const c = matchPair(
      contact('a', { name: 'Alice Wong', linkedinUrl: 'linkedin.com/in/awong' }),
      contact('b', { name: 'John Smith', linkedinUrl: 'linkedin.com/in/awong' }),
    );
    expect(c!.confidence).toBeLessThan(CONFIDENT);
    expect(c!.reasons).toContain('but the names differ (Alice Wong / John Smith)');
  });
});

describe('matchPair: names at the same organisation', () => {
  it('pairs a nickname at the same organisation written differently, in plain words', () => {
    const c = matchPair(
      contact('a', { name: 'Bob Smith', organisation: 'Stripe' }),
      contact('b', { name: 'Robert Smith', organisation: 'Stripe, Inc.' }),
    );
    expect(c?.reasons).toEqual(['similar name (Bob/Robert Smith) at the same organisation (Stripe / Stripe, Inc.)']);
    expect(kinds(c)).toEqual(['name-org']);
    expect(c!.confidence).toBeGreaterThan(0.5);
    expect(c!.confidence).toBeLessThan(CONFIDENT);
  });

  it('merges the same full name at the same organisation automatically', () => {
    const c = matchPair(
      contact('a', { name: 'José García', organisation: 'Telefónica' }),
      contact('b', { name: 'Jose Garcia', organisation: 'Telefonica S.A.' }),
    );
    expect(c?.confidence).toBe(CONFIDENT);
  });

  it('takes an initial only with the organisation, and only for review', () => {
    const c = matchPair(
      contact('a', { name: 'J. Smith', organisation: 'Stripe' }),
      contact('b', { name: 'John Smith', organisation: 'Stripe' }),
    );
    expect(c?.reasons[0]).toBe('matching initial (J. Smith / John Smith) at the same organisation (Stripe)');
    expect(c!.confidence).toBeLessThan(CONFIDENT);
    expect(matchPair(contact('a', { name: 'J. Smith' }), contact('b', { name: 'John Smith' }))).toBeNull();
  });

  it('tolerates swapped order, hyphens, accents, honorifics and a nickname in parentheses', () => {
    const org = { organisation: 'Acme' };
    const alike: [string, string][] = [
      ['Zhang Wei', 'Wei Zhang'],
      ['Mary-Jane Watson', 'Mary Jane Watson'],
      ['Renée O’Connor', 'Renee OConnor'],
      ['Dr. Hannah Schmidt, PhD', 'Hannah Schmidt'],
      ['Robert (Bobby) Tanaka', 'Bobby Tanaka'],
      ['Okafor, Chidi', 'Chidi Okafor'],
    ];
    for (const [x, y] of alike)
      expect(matchPair(contact('a', { name: x, ...org }), contact('b', { name: y, ...org })), `${x} / ${y}`).not.toBeNull();
  });

  it('does not pair different people at one organisation', () => {
    const org = { organisation: 'Stripe' };
    const apart: [string, string][] = [
      ['Maya Patel', 'Maya Shah'],
      ['John Smith', 'Jane Smith'],
      ['Alexander Novak', 'Alexandra Novak'],
      ['Daniel Park', 'Daniela Park'],
      ['John Michael Smith', 'John David Smith'],
      ['Henry Ford II', 'Henry Ford III'],
    ];
    for (const [x, y] of apart)
      expect(matchPair(contact('a', { name: x, ...org }), contact('b', { name: y, ...org })), `${x} / ${y}`).toBeNull();
  });

  it('gives way to two different LinkedIn profiles', () => {
    const a = contact('a', { name: 'Emma Brown', organisation: 'Canva', linkedinUrl: 'linkedin.com/in/emmabrown-design' });
    const b = contact('b', { name: 'Emma Brown', organisation: 'Canva', linkedinUrl: 'linkedin.com/in/emma-brown-eng' });
    expect(matchPair(a, b)).toBeNull();
    // an old /pub/ URL and a new /in/ URL may be one profile, so they do not count against
    const old = { ...b, linkedinUrl: 'http://www.linkedin.com/pub/emma-brown/1/2/3' };
    expect(matchPair(a, old)).not.toBeNull();
  });

  it('caps two different LinkedIn profiles even when an address matches', () => {
    const c = matchPair(
      contact('a', { name: 'Emma Brown', emails: ['emma@canva.com'], linkedinUrl: 'linkedin.com/in/emmabrown-design' }),
      contact('b', { name: 'Emma Brown', emails: ['emma@canva.com'], linkedinUrl: 'linkedin.com/in/emma-brown-eng' }),
    );
    expect(c!.confidence).toBeLessThan(CONFIDENT);
    expect(c!.reasons.at(-1)).toMatch(/^but different LinkedIn profiles/);
  });

  it('doubts two different addresses at the same employer', () => {
    const c = matchPair(
      contact('a', { name: 'Priya Nair', organisation: 'Infosys', emails: ['priya.nair@infosys.com'] }),
      contact('b', { name: 'Priya Nair', organisation: 'Infosys', emails: ['priya.nair02@infosys.com'] }),
    );
    expect(c!.confidence).toBeLessThan(CONFIDENT);
    expect(c!.reasons).toContain('but different e-mail addresses at infosys.com');
  });

  it('does not treat "Self-employed" or "Freelance" as an organisation', () => {
    expect(
      matchPair(
        contact('a', { name: 'Jordan Blake', organisation: 'Self-employed' }),
        contact('b', { name: 'Jordan Blake', organisation: 'Self Employed' }),
      ),
    ).toBeNull();
  });

  it('never pairs on the name alone', () => {
    expect(matchPair(contact('a', { name: 'Maya Patel' }), contact('b', { name: 'Maya Patel' }))).toBeNull();
    expect(
      matchPair(
        contact('a', { name: 'John Smith', organisation: 'Google' }),
        contact('b', { name: 'John Smith', organisation: 'Deloitte' }),
      ),
    ).toBeNull();
    expect(
      matchPair(
        contact('a', { name: 'Emma Thompson', emails: ['emma.t@gmail.com'] }),
        contact('b', { name: 'Emma Thompson', emails: ['ethompson@yahoo.com'] }),
      ),
    ).toBeNull();
  });

  it('does not pair a contact with itself', () => {
    const a = contact('a', { name: 'Maya Patel', emails: ['maya@example.org'] });
    expect(matchPair(a, a)).toBeNull();
  });
});

describe('findDuplicates and DuplicateIndex', () => {
  const rows = [
    contact('1', { name: 'Maya Patel', emails: ['maya@example.org'], organisation: 'Stripe' }),
    contact('2', { name: 'Tom Nakamura', organisation: 'Kitefin' }),
    contact('3', { name: 'maya patel', emails: ['MAYA@example.org'] }),
    contact('4', { name: 'Thomas Nakamura', organisation: 'Kitefin Ltd' }),
    contact('5', { name: 'Maya Shah', organisation: 'Stripe' }),
    contact('6', { name: 'Maya Patel', organisation: 'Stripe, Inc.' }),
  ];

  it('finds every pair within one list, most confident first, earlier contact first', () => {
    const found = findDuplicates(rows, US);
    expect(found.map((c) => c.contactIds.join('-'))).toEqual(['1-3', '1-6', '2-4']);
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.confidence).toBeGreaterThanOrEqual(found[i]!.confidence);
  });

  it('agrees with matchPair on each pair', () => {
    for (const c of findDuplicates(rows, US)) {
      const [x, y] = c.contactIds.map((id) => rows.find((r) => r.id === id)!);
      expect(matchPair(x!, y!, US)).toEqual(c);
    }
  });

  it('matches new rows against indexed contacts', () => {
    const index = new DuplicateIndex(US);
    for (const r of rows.slice(0, 2)) index.add(r);
    expect(index.size).toBe(2);
    const found = index.match(contact('new', { name: 'Bob Smith', phones: ['+1 415 555 0100'], emails: ['maya@example.org'] }));
    expect(found).toEqual([]);
    const hit = index.match(contact('new', { name: 'Tommy Nakamura', organisation: 'The Kitefin' }));
    expect(hit.map((c) => c.contactIds)).toEqual([['2', 'new']]);
    expect(index.size).toBe(2);
    expect(index.addAndMatch(contact('7', { name: 'Maya Patel', emails: ['maya@example.org'] })).map((c) => c.contactIds)).toEqual([
      ['1', '7'],
    ]);
    expect(index.size).toBe(3);
  });

  it('gives what matchPair gives for every indexed contact, however it was stored', () => {
    // Indexed contacts are kept packed and unpacked on each comparison: with and without an
    // organisation (name parsed before packing or not), nicknames, accents, written-out phones.
    const indexed = [
      contact('p1', { name: 'Robert (Bob) Okafor', givenName: null, emails: [' Bob.Okafor@Gmail.com '], phones: ['(415) 555-0100'] }),
      contact('p2', { name: 'José (Pepito) Müller', organisation: 'Stripe, Inc.', emails: ['jose@stripe.com'] }),
      contact('p3', {
        name: 'Dr. Ana Lopez Jr.',
        linkedinUrl: 'https://www.linkedin.com/in/ana-lopez/',
        phones: ['+1 212 555 0199 ext 4'],
      }),
    ];
    const probes = [
      contact('q1', { name: 'Bob Okafor', emails: ['bobokafor@gmail.com'], phones: ['+1 415 555 0100'] }),
      contact('q2', { name: 'Pepito Muller', organisation: 'Stripe' }),
      contact('q3', { name: 'Ana López', linkedinUrl: 'linkedin.com/in/ana-lopez', phones: ['212-555-0199'] }),
    ];
    const index = new DuplicateIndex(US);
    for (const c of indexed) index.add(c);
    for (const [i, probe] of probes.entries()) {
      const found = index.match(probe);
      expect(found).toHaveLength(1);
      expect(found[0]).toEqual(matchPair(indexed[i]!, probe, US));
    }
  });

  it('skips a key shared by very many contacts (a switchboard)', () => {
    const many = Array.from({ length: 40 }, (_, i) => contact(`c${i}`, { name: 'Front Desk', phones: [`+1 212 555 0100 ext ${i}`] }));
    expect(findDuplicates(many, US)).toEqual([]);
  });

  it('returns nothing for nothing', () => {
    expect(findDuplicates([], {})).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The labelled set: precision and recall

interface LabelledPair {
  id: string;
  same: boolean;
  kind: string;
  defaultCountry?: string;
  a: Fields;
  b: Fields;
}

const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/dedupe/pairs.json', import.meta.url), 'utf8')) as {
  defaultCountry: string;
  pairs: LabelledPair[];
};

describe('labelled pairs (test/fixtures/dedupe/pairs.json)', () => {
  it('holds enough duplicates and look-alikes', () => {
    const same = fixture.pairs.filter((p) => p.same).length;
    expect(fixture.pairs.length).toBeGreaterThanOrEqual(150);
    expect(same).toBeGreaterThanOrEqual(60);
    expect(fixture.pairs.length - same).toBeGreaterThanOrEqual(90);
    expect(new Set(fixture.pairs.map((p) => p.id)).size).toBe(fixture.pairs.length);
  });

  it('is precise at CONFIDENT and finds most duplicates', () => {
    let confidentTrue = 0;
    let confidentFalse = 0;
    let foundTrue = 0;
    let foundFalse = 0;
    let duplicates = 0;
    const wrongMerges: string[] = [];
    for (const p of fixture.pairs) {
      const c = matchPair(contact(`${p.id}-a`, p.a), contact(`${p.id}-b`, p.b), {
        defaultCountry: p.defaultCountry ?? fixture.defaultCountry,
      });
      if (p.same) duplicates++;
      if (!c) continue;
      if (p.same) foundTrue++;
      else foundFalse++;
      if (c.confidence >= CONFIDENT) {
        if (p.same) confidentTrue++;
        else {
          confidentFalse++;
          wrongMerges.push(`${p.id} (${p.kind})`);
        }
      }
    }
    const precision = confidentTrue / (confidentTrue + confidentFalse);
    const recall = foundTrue / duplicates;
    const line =
      `dedupe: precision ${precision.toFixed(3)} recall ${recall.toFixed(2)} on ${fixture.pairs.length} labelled pairs` +
      ` (at CONFIDENT ${CONFIDENT}: ${confidentTrue} right, ${confidentFalse} wrong, recall ${(confidentTrue / duplicates).toFixed(2)};` +
      ` any candidate: precision ${(foundTrue / (foundTrue + foundFalse)).toFixed(3)}, recall ${recall.toFixed(2)})` +
      (wrongMerges.length ? `; wrong at CONFIDENT: ${wrongMerges.join(', ')}` : '');
    console.log(line);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('gives the same answers when all labelled contacts are matched at once', () => {
    // one pass over every record of the set: the pairs found must include every pair matchPair finds
    const all: MatchInput[] = [];
    const expected = new Set<string>();
    for (const p of fixture.pairs) {
      if ((p.defaultCountry ?? fixture.defaultCountry) !== fixture.defaultCountry) continue;
      const a = contact(`${p.id}-a`, p.a);
      const b = contact(`${p.id}-b`, p.b);
      all.push(a, b);
      if (matchPair(a, b, { defaultCountry: fixture.defaultCountry })) expected.add(`${a.id} ${b.id}`);
    }
    const found = new Set(findDuplicates(all, { defaultCountry: fixture.defaultCountry }).map((c) => c.contactIds.join(' ')));
    for (const pair of expected) expect(found.has(pair), pair).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const givenNames = ['Bob', 'Robert', 'J.', 'John', 'Jane', 'Maya', 'Alex', 'Alexandra', 'José', 'Jose', 'Liz', 'Elizabeth', 'Wei', 'Zhang'];
const familyNames = ['Smith', 'Smyth', 'Patel', 'García', 'Garcia-Lopez', 'Zhang', 'Wei', "O'Brien", 'OBrien'];
const organisations = [null, 'Stripe', 'Stripe, Inc.', 'Acme', 'ACME Corp', 'Self-employed'];
const emails = ['maya@example.org', 'Maya+x@example.org', 'j.smith@gmail.com', 'jsmith@gmail.com', 'info@acme.com', 'bob@acme.com'];
const phones = ['(415) 555-0100', '+1 415 555 0100', '+44 20 7946 0958', '020 7946 0958', '+61 2 9555 0100', '12'];
const linkedins = [
  null,
  'linkedin.com/in/maya',
  'https://www.linkedin.com/in/Maya/',
  'linkedin.com/in/bob-smith',
  'linkedin.com/pub/bob-smith/1/2/3',
];

const person = fc
  .record({
    given: fc.constantFrom(...givenNames),
    family: fc.constantFrom(...familyNames),
    form: fc.constantFrom('display', 'comma', 'fields', 'empty'),
    organisation: fc.constantFrom(...organisations),
    emails: fc.subarray(emails, { maxLength: 2 }),
    phones: fc.subarray(phones, { maxLength: 2 }),
    linkedinUrl: fc.constantFrom(...linkedins),
  })
  .map(({ given, family, form, ...rest }): Fields => {
    switch (form) {
      case 'display':
        return { name: `${given} ${family}`, ...rest };
      case 'comma':
        return { name: `${family}, ${given}`, ...rest };
      case 'fields':
        return { name: `${given} ${family}`, givenName: given, familyName: family, ...rest };
      case 'empty':
        return { name: '', ...rest };
    }
  });

const STRONG_OR_ORG = new Set(['email', 'linkedin', 'phone', 'name-org']);

describe('properties', () => {
  it('is symmetric: a with b is b with a', () => {
    fc.assert(
      fc.property(person, person, (x, y) => {
        const ab = matchPair(contact('a', x), contact('b', y), US);
        const ba = matchPair(contact('b', y), contact('a', x), US);
        expect(ba?.confidence).toBe(ab?.confidence);
        expect(kinds(ba)).toEqual(kinds(ab));
      }),
      { numRuns: 500 },
    );
  });

  it('never pairs on the name alone', () => {
    fc.assert(
      fc.property(person, person, (x, y) => {
        const c = matchPair(contact('a', x), contact('b', y), US);
        if (!c) return;
        expect(c.confidence).toBeGreaterThan(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        expect(c.signals.some((s) => STRONG_OR_ORG.has(s.kind))).toBe(true);
        expect(c.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never pairs two records that share nothing but a name, however alike', () => {
    fc.assert(
      fc.property(person, person, fc.boolean(), (x, y, sameName) => {
        const a = { ...x, emails: [], phones: [], linkedinUrl: null, organisation: 'Stripe' };
        const b = { ...(sameName ? x : y), emails: [], phones: [], linkedinUrl: null, organisation: 'Deloitte' };
        expect(matchPair(contact('a', a), contact('b', b), US)).toBeNull();
      }),
    );
  });

  it('finds with blocking exactly the pairs that comparing every pair finds', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 12 }), (people) => {
        const list = people.map((p, i) => contact(`c${i}`, p));
        const brute: DuplicateCandidate[] = [];
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const c = matchPair(list[i]!, list[j]!, US);
            if (c) brute.push(c);
          }
        }
        const key = (c: DuplicateCandidate) => `${c.contactIds.join(' ')} ${c.confidence}`;
        expect(findDuplicates(list, US).map(key).sort()).toEqual(brute.map(key).sort());
      }),
      { numRuns: 300 },
    );
  });
});
