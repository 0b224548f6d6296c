import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareNames,
  editDistance,
  emailDomain,
  foldName,
  isPersonalMailDomain,
  isRoleEmail,
  nameBlockKeys,
  normaliseEmail,
  normaliseLinkedInUrl,
  normalisePhone,
  organisationKey,
  parsePersonName,
  personNameKey,
  phoneBlockKey,
  type NameLevel,
} from './contact-keys.js';
import { NICKNAME_ENTRY_COUNT, canonicalGivenNames, sameGivenName } from './nicknames.js';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Maya.Patel@Example.ORG ')).toBe('maya.patel@example.org');
  });

  it('ignores a +tag everywhere, and dots only at Gmail', () => {
    expect(normaliseEmail('maya+jobs@example.org')).toBe('maya@example.org');
    expect(normaliseEmail('maya.patel@example.org')).toBe('maya.patel@example.org');
    expect(normaliseEmail('M.a.y.a.Patel+news@gmail.com')).toBe('mayapatel@gmail.com');
    expect(normaliseEmail('maya.patel@googlemail.com')).toBe('mayapatel@gmail.com');
  });

  it('unwraps mailto: and "Name <address>"', () => {
    expect(normaliseEmail('mailto:Omar@Fieldnotes.io')).toBe('omar@fieldnotes.io');
    expect(normaliseEmail('Greta Holm <greta.holm@vinter.se>')).toBe('greta.holm@vinter.se');
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      'maya',
      '@example.org',
      'maya@',
      'maya@localhost',
      'maya patel@example.org',
      'maya@exa mple.org',
      'maya@example..org',
    ]) {
      expect(normaliseEmail(bad), bad).toBeNull();
    }
  });

  it('keeps an address that is all tag', () => {
    expect(normaliseEmail('+tag@example.org')).toBe('+tag@example.org');
  });

  it('knows role addresses and personal mail domains', () => {
    expect(isRoleEmail('info@smallstudio.com')).toBe(true);
    expect(isRoleEmail('jobs@northstar.ai')).toBe(true);
    expect(isRoleEmail('maya@smallstudio.com')).toBe(false);
    expect(emailDomain('maya@smallstudio.com')).toBe('smallstudio.com');
    expect(isPersonalMailDomain('gmail.com')).toBe(true);
    expect(isPersonalMailDomain('yahoo.co.uk')).toBe(true);
    expect(isPersonalMailDomain('stripe.com')).toBe(false);
  });
});

describe('normaliseLinkedInUrl', () => {
  it('brings every way of writing a profile URL to linkedin.com/in/slug', () => {
    const forms = [
      'https://www.linkedin.com/in/maya-patel/',
      'http://linkedin.com/in/Maya-Patel',
      'linkedin.com/in/maya-patel',
      'www.linkedin.com/in/maya-patel?trk=public_profile',
      'https://uk.linkedin.com/in/maya-patel',
      'https://m.linkedin.com/in/maya-patel/#experience',
      'https://www.linkedin.com/in/maya-patel/en',
      'https://www.linkedin.com/in/maya-patel/details/experience/',
      'HTTPS://WWW.LINKEDIN.COM/IN/MAYA-PATEL',
      '  https://www.linkedin.com/mwlite/in/maya-patel  ',
    ];
    for (const form of forms) expect(normaliseLinkedInUrl(form), form).toBe('linkedin.com/in/maya-patel');
  });

  it('decodes a percent-encoded slug', () => {
    expect(normaliseLinkedInUrl('https://www.linkedin.com/in/i%C3%B1aki-etxeberria')).toBe('linkedin.com/in/iñaki-etxeberria');
    expect(normaliseLinkedInUrl('linkedin.com/in/Iñaki-Etxeberria')).toBe('linkedin.com/in/iñaki-etxeberria');
    expect(normaliseLinkedInUrl('linkedin.com/in/bad%zzslug')).toBe('linkedin.com/in/bad%zzslug');
  });

  it('keeps the numbers of an old /pub/ URL', () => {
    expect(normaliseLinkedInUrl('http://www.linkedin.com/pub/john-smith/12/345/678/')).toBe('linkedin.com/pub/john-smith/12/345/678');
  });

  it('refuses what is not a profile', () => {
    for (const bad of [
      '',
      'maya-patel',
      'https://www.linkedin.com/company/stripe',
      'https://www.linkedin.com/',
      'https://notlinkedin.com.evil/in/maya',
    ]) {
      expect(normaliseLinkedInUrl(bad), bad).toBeNull();
    }
  });
});

describe('normalisePhone', () => {
  it('brings national and international forms to E.164', () => {
    for (const form of [
      '(415) 555-0100',
      '415.555.0100',
      '415 555 0100',
      '+1 415 555 0100',
      '+1 (415) 555-0100',
      '1-415-555-0100',
      'tel:+14155550100',
    ]) {
      expect(normalisePhone(form, 'US'), form).toBe('+14155550100');
    }
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('0044 20 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('+44 20 7946 0958', 'US')).toBe('+442079460958');
  });

  it('drops an extension', () => {
    expect(normalisePhone('+1 212 555 0199 ext. 45', 'US')).toBe('+12125550199');
  });

  it('reads only international numbers without a default country', () => {
    expect(normalisePhone('(415) 555-0100')).toBeNull();
    expect(normalisePhone('(415) 555-0100', null)).toBeNull();
    expect(normalisePhone('+1 415 555 0100')).toBe('+14155550100');
    expect(normalisePhone('00 45 32 12 34 56')).toBe('+4532123456');
  });

  it('ignores an unknown default country, and accepts it in lower case', () => {
    expect(normalisePhone('(415) 555-0100', 'XX')).toBeNull();
    expect(normalisePhone('(415) 555-0100', 'us')).toBe('+14155550100');
  });

  it('is null for what is not a valid number', () => {
    for (const bad of ['', '   ', '12345', '555-0100', 'call me', '+1 000 000 0000']) expect(normalisePhone(bad, 'US'), bad).toBeNull();
  });

  it('gives every written form of one number the same block key', () => {
    const forms = [
      '(415) 555-0100',
      '+1 415 555 0100',
      '415.555.0100',
      '+14155550100',
      '+1 415-555-0100 ext. 12',
      '415 555 0100 x12',
      'tel:+1-415-555-0100;ext=9',
    ];
    for (const form of forms) expect(phoneBlockKey(form), form).toBe('5550100');
    expect(phoneBlockKey('020 7946 0958')).toBe(phoneBlockKey('+44 20 7946 0958'));
    expect(phoneBlockKey('555-01')).toBeNull();
  });

  it('never gives one E.164 number two block keys (property)', () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const local = fc.array(digit, { minLength: 4, maxLength: 4 }).map((d) => d.join(''));
    fc.assert(
      fc.property(local, fc.constantFrom('', ' ext. 7', ' x 12', ',,3'), (last4, ext) => {
        const forms = [`(415) 555-${last4}`, `+1 415 555 ${last4}`, `415.555.${last4}${ext}`, `+1415555${last4}`];
        const keys = new Set(forms.map(phoneBlockKey));
        expect(keys.size).toBe(1);
      }),
    );
  });
});

describe('organisationKey', () => {
  it('treats variants of one employer as the same', () => {
    const stripe = ['Stripe', 'Stripe, Inc.', 'STRIPE INC', 'The Stripe', 'Stripe (payments)', ' stripe '];
    for (const s of stripe) expect(organisationKey(s), s).toBe('stripe');
    expect(organisationKey('Equinor ASA')).toBe('equinor');
    expect(organisationKey('Philips N.V.')).toBe('philips');
    expect(organisationKey('Ferrari S.p.A.')).toBe('ferrari');
    expect(organisationKey('Telefonica S.A.')).toBe(organisationKey('Telefónica'));
    expect(organisationKey('Johnson & Johnson')).toBe(organisationKey('Johnson and Johnson'));
    expect(organisationKey('Acme Health')).not.toBe(organisationKey('Acme'));
  });

  it('is null for no employer', () => {
    for (const none of [null, undefined, '', '  ', 'Self-employed', 'Freelance', 'Stealth Startup', 'Retired', 'N/A', 'Open to work']) {
      expect(organisationKey(none), String(none)).toBeNull();
    }
  });
});

describe('person names', () => {
  it('folds accents, case, special letters and apostrophes', () => {
    expect(foldName('José GARCÍA-López')).toBe('jose garcia lopez');
    expect(foldName('Søren Łukasz Straße Æsir')).toBe('soren lukasz strasse aesir');
    expect(foldName("Renée O'Connor")).toBe('renee oconnor');
    expect(foldName('Ngozi Adébáyọ̀')).toBe('ngozi adebayo');
  });

  it('takes display names apart', () => {
    const parts = (s: string) => {
      const p = parsePersonName(s);
      return [p.given.join(' '), p.family.join(' ')];
    };
    expect(parts('Maya Patel')).toEqual(['maya', 'patel']);
    expect(parts('Patel, Maya')).toEqual(['maya', 'patel']);
    expect(parts('Dr. Jane Doe, PhD')).toEqual(['jane', 'doe']);
    expect(parts('Jane Doe, MD')).toEqual(['jane', 'doe']);
    expect(parts('Jack MA')).toEqual(['jack', 'ma']);
    expect(parts('Prof. Ana María López MBA')).toEqual(['ana maria', 'lopez']);
    expect(parts('Ludwig van Beethoven')).toEqual(['ludwig', 'van beethoven']);
    expect(parts('Riley Chen (they/them)')).toEqual(['riley', 'chen']);
    expect(parts('J.R.R. Tolkien')).toEqual(['j r r', 'tolkien']);
    expect(parts('Prince')).toEqual(['prince', '']);
    expect(parts('maya@example.org')).toEqual(['', '']);
  });

  it('keeps a nickname in parentheses or quotes as an alias, and the generation', () => {
    expect(parsePersonName('Robert (Bob) Smith').aliases).toEqual(['bob']);
    expect(parsePersonName('Robert "Bobby" Smith').aliases).toEqual(['bobby']);
    expect(parsePersonName("Robert 'Rob' Smith").aliases).toEqual(['rob']);
    expect(parsePersonName("Conan O'Brien").aliases).toEqual([]);
    expect(parsePersonName('Robert Hale Jr.').generation).toBe('jr');
    expect(parsePersonName('Hale, Robert, Sr.').generation).toBe('sr');
    expect(parsePersonName('Henry Ford III').family).toEqual(['ford']);
  });

  it('prefers the given and family fields to the display name', () => {
    const p = parsePersonName({ name: 'Nguyen Lan', givenName: 'Lan', familyName: 'Nguyen' });
    expect([p.given, p.family]).toEqual([['lan'], ['nguyen']]);
    const only = parsePersonName({ name: '', givenName: 'Ama', familyName: null });
    expect([only.given, only.family, only.display]).toEqual([['ama'], [], 'Ama']);
  });

  it('makes one key per person name', () => {
    expect(personNameKey('Bob Smith')).toBe('robert smith');
    expect(personNameKey('Smith, Robert')).toBe('robert smith');
    expect(personNameKey('J. Smith')).toBe('j smith');
    expect(personNameKey('María García-López')).toBe('maria garcialopez');
    expect(personNameKey({ givenName: 'Liz', familyName: "O'Neil" })).toBe('elizabeth oneil');
    expect(personNameKey('')).toBeNull();
    expect(personNameKey('J.')).toBeNull();
  });

  const cases: [string, string, NameLevel][] = [
    ['Maya Patel', 'maya patel', 'exact'],
    ['José García-López', 'Jose Garcia Lopez', 'exact'],
    ['Mary-Jane Watson', 'Maryjane Watson', 'exact'],
    ['Anna van der Berg', 'Anna Vanderberg', 'exact'],
    ['Smith, John', 'John Smith', 'exact'],
    ['Bob Smith', 'Robert Smith', 'variant'],
    ['Robert (Bob) Smith', 'Bob Smith', 'variant'],
    ['Alex Smith', 'Alexandra Smith', 'variant'],
    ['Zhang Wei', 'Wei Zhang', 'variant'],
    ['John Michael Reyes', 'John Reyes', 'variant'],
    ['María Fernández Ruiz', 'María Fernández', 'variant'],
    ['J. Smith', 'John Smith', 'initial'],
    ['J. Michael Smith', 'Michael Smith', 'initial'],
    ['J. Smith', 'J Smith', 'initial'],
    ['Micheal Brown', 'Michael Brown', 'typo'],
    ['Bob Smyth', 'Robert Smith', 'typo'],
    ['Maya', 'Maya Patel', 'partial'],
    ['Patel', 'Maya Patel', 'partial'],
    ['', 'Maya Patel', 'unknown'],
    ['maya@example.org', 'Maya Patel', 'unknown'],
    ['Mary Smith', 'Mary Jones', 'given-only'],
    ['John Smith', 'Mary Smith', 'family-only'],
    ['Alexander Smith', 'Alexandra Smith', 'family-only'],
    ['John Michael Smith', 'John David Smith', 'family-only'],
    ['Robert Hale Sr.', 'Robert Hale Jr.', 'family-only'],
    ['Mark Lee', 'Mary Lee', 'family-only'],
    ['Daniel Park', 'Daniela Park', 'family-only'],
    ['J. Smyth', 'John Smith', 'different'],
    ['Alice Wong', 'John Smith', 'different'],
    ['Maya', 'John Smith', 'different'],
  ];

  it.each(cases)('compares %j with %j: %s', (a, b, level) => {
    expect(compareNames(parsePersonName(a), parsePersonName(b)).level).toBe(level);
    expect(compareNames(parsePersonName(b), parsePersonName(a)).level).toBe(level);
  });

  it('counts edits, with swaps of neighbours as one', () => {
    expect(editDistance('michael', 'micheal')).toBe(1);
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('jean', 'jeanne')).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  const pool = [
    'Bob Smith',
    'Robert Smith',
    'Smith, Robert',
    'J. Smith',
    'John Smith',
    'Jon Smyth',
    'Smith Bob',
    'Robert (Bob) Smyth',
    'Maya',
    'Maya Patel',
    'Patel Maya',
    'Maya Patel-Shah',
    'Alex Novak',
    'Alexandra Novak',
    'Sasha Novak',
    'Zhang Wei',
    'Wei Zhang',
    'José García',
    'Jose Garcia Lopez',
    'Anna van der Berg',
    'Anna Vanderberg',
    'A. Berg',
    'Micheal Brown',
    'Michael Brown',
    'Mike Browne',
    'Robert Hale Jr.',
    'Robert Hale',
    'María Fernández Ruiz',
    'María Fernández',
    'Maria Ruiz',
    'J. Michael Smith',
    'Michael Smith',
    'Mary-Jane Watson',
    'Maryjane Watson',
    'Mary Jane Watsen',
    'Sam Novack',
    'maya@example.org',
    '',
  ];
  const name = fc.constantFrom(...pool);

  it('compares names symmetrically (property)', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(compareNames(parsePersonName(a), parsePersonName(b))).toEqual(compareNames(parsePersonName(b), parsePersonName(a)));
      }),
    );
  });

  it('gives alike names a blocking key in common (property)', () => {
    const fits = new Set<NameLevel>(['exact', 'variant', 'initial', 'typo']);
    fc.assert(
      fc.property(name, name, (a, b) => {
        const pa = parsePersonName(a);
        const pb = parsePersonName(b);
        if (!fits.has(compareNames(pa, pb).level)) return;
        const kb = new Set(nameBlockKeys(pb));
        expect(nameBlockKeys(pa).some((k) => kb.has(k))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('makes selective blocking keys', () => {
    expect(nameBlockKeys(parsePersonName('Bob Smith')).sort()).toEqual(['f:smith', 'g:bob|s', 'g:robert|s', 's:bob smith'].sort());
    expect(nameBlockKeys(parsePersonName('Maya'))).toEqual([]);
    expect(nameBlockKeys(parsePersonName('Maya Patel'), 'x/')).toContain('x/f:patel');
  });
});

describe('nicknames', () => {
  it('has about a hundred names or more', () => {
    expect(NICKNAME_ENTRY_COUNT).toBeGreaterThanOrEqual(100);
  });

  it('maps nicknames to their formal names', () => {
    const pairs: [string, string][] = [
      ['bob', 'robert'],
      ['liz', 'elizabeth'],
      ['beth', 'elizabeth'],
      ['bill', 'william'],
      ['kate', 'katherine'],
      ['mike', 'michael'],
      ['jim', 'james'],
      ['tom', 'thomas'],
      ['dan', 'daniel'],
      ['jen', 'jennifer'],
      ['nick', 'nicholas'],
      ['tony', 'anthony'],
      ['dave', 'david'],
      ['steve', 'steven'],
      ['stephen', 'steven'],
      ['kim', 'kimberly'],
      ['peggy', 'margaret'],
    ];
    for (const [nick, formal] of pairs) {
      expect(canonicalGivenNames(nick), nick).toContain(formal);
      expect(sameGivenName(nick, formal)).toBe(true);
    }
    expect(canonicalGivenNames('alex')).toEqual(['alexander', 'alexandra']);
    expect(canonicalGivenNames('sam')).toEqual(['samuel', 'samantha']);
    expect(canonicalGivenNames('chris')).toEqual(expect.arrayContaining(['christopher', 'christine']));
    expect(canonicalGivenNames('pat')).toEqual(['patrick', 'patricia']);
    expect(canonicalGivenNames('robert')).toEqual(['robert']);
    expect(canonicalGivenNames('zebedee')).toEqual(['zebedee']);
  });

  it('does not chain one nickname into two different names', () => {
    expect(sameGivenName('al', 'alan')).toBe(true);
    expect(sameGivenName('al', 'albert')).toBe(true);
    expect(sameGivenName('alan', 'albert')).toBe(false);
    expect(sameGivenName('alexander', 'alexandra')).toBe(false);
    expect(sameGivenName('henry', 'harold')).toBe(false);
    expect(sameGivenName('maya', 'mia')).toBe(false);
  });
});
