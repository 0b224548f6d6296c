import { describe, expect, it } from 'vitest';
import { normaliseOrganisation, sortKey, splitName } from './names.js';

describe('names', () => {
  it('splits a full name at the last space', () => {
    expect(splitName('Ana María López')).toEqual({ givenName: 'Ana María', familyName: 'López' });
    expect(splitName('  Prince ')).toEqual({ givenName: 'Prince', familyName: null });
  });

  it('treats variants of one organisation name as the same', () => {
    const same = ['ACME, Inc.', 'Acme', 'acme inc', 'Acme Corporation', 'ACME Ltd.'];
    for (const s of same) expect(normaliseOrganisation(s)).toBe('acme');
    expect(normaliseOrganisation('Société Générale SA')).toBe('societe generale');
    expect(normaliseOrganisation('Johnson & Johnson')).toBe('johnson and johnson');
    expect(normaliseOrganisation('Inc')).toBe('inc');
    expect(normaliseOrganisation('Acme Health')).not.toBe(normaliseOrganisation('Acme'));
  });

  it('sorts without regard to case or accents', () => {
    expect(sortKey('Émile Zola') < sortKey('Fatima')).toBe(true);
  });
});
