import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePay, readNumber, summarisePay } from './pay.js';
import type { PayFigure } from './types.js';

// Each form as people write it, with the currency and the yearly amount it must come to.
const FORMS: [written: string, currency: string | null, yearly: number][] = [
  ['$85-95k', 'USD', 90_000],
  ['€4.000 per month', 'EUR', 48_000],
  ['about 70k plus bonus', null, 70_000],
  ['£32/hour', 'GBP', 66_560],
  ['55,000–60,000 EUR a year', 'EUR', 57_500],
  ['1.2m SEK', 'SEK', 1_200_000],
  ['$120K base + bonus', 'USD', 120_000],
  ['€2.5k pw', 'EUR', 130_000],
  ['AUD 120k p.a.', 'AUD', 120_000],
  ['around 45 an hour', null, 93_600],
  ['$1,200/week', 'USD', 62_400],
  ['$500 a day', 'USD', 130_000],
  ['NOK 650 000', 'NOK', 650_000],
  ['4,5k€ a month', 'EUR', 54_000],
  ['£28.50 per hour', 'GBP', 59_280],
  ['120 grand', null, 120_000],
  ['2 million yen', 'JPY', 2_000_000],
  ['¥400k a month', 'JPY', 4_800_000],
  ['€45/h', 'EUR', 93_600],
  ['32 €/h', 'EUR', 66_560],
  ['$45 hourly', 'USD', 93_600],
  ['£3,200 monthly', 'GBP', 38_400],
  ['the salary is 4.000', null, 48_000],
  ['70 000 euros', 'EUR', 70_000],
  ['€50k - €60k gross per year', 'EUR', 55_000],
  ['DKK 42.000 per month', 'DKK', 504_000],
  ['between $60k and $70k', 'USD', 65_000],
  ['a monthly salary of €4,000', 'EUR', 48_000],
  ['her day rate is £500', 'GBP', 130_000],
  ["CHF 120'000", 'CHF', 120_000],
  ['USD90k', 'USD', 90_000],
  ['$40 to $50 an hour', 'USD', 93_600],
  ['60-65k', null, 62_500],
  ['~$100k', 'USD', 100_000],
  ['C$95k', 'CAD', 95_000],
  ['₹25 lakh per annum', 'INR', 2_500_000],
  ['€3.000,50 pm', 'EUR', 36_006],
  ['$4,000.50 a month', 'USD', 48_006],
  ['I earn 70,000 plus bonus', null, 70_000],
  ['80k–90k GBP', 'GBP', 85_000],
  ['€4 000 p.m.', 'EUR', 48_000],
  ['roughly 3.5k a month', null, 42_000],
  ['$2k/wk', 'USD', 104_000],
  ['4500 CHF monthly', 'CHF', 54_000],
  ['USD 1.1mn', 'USD', 1_100_000],
];

// Numbers that are not pay: years, durations, counts, shares, dates, times, phone numbers.
const NOT_PAY = [
  'I started in 2019.',
  'She has 5 years of experience.',
  'The call took 20 minutes.',
  'Raises are around 3% a year.',
  'Growth was 15 percent last year.',
  'Call me at +1 (555) 123-4567.',
  'Her number is 555-123-4567, after 3 pm.',
  'The London office is +44 20 7946 0958.',
  'A team of 12 engineers.',
  'There were 3 rounds of interviews.',
  'We met on 12/05/2023 and again on 2023-06-01.',
  'The meeting is at 3 pm, or 11:30 pm at the latest.',
  'About 2,000 employees work there.',
  'Between 2018 and 2020 she worked at a bank.',
  'They hire about 40 people a year.',
  'She manages 8 direct reports and works 4 days a week.',
  'It was 3x more work; they rated it 4.5 out of 5.',
  '2-3 rounds, 40 hours a week, a 45-minute call.',
  'Version 2.0 ships in Q3 2024; see invoice #12345.',
  'The app has 100k users.',
  'A raise of about 3-5% from 2019 to 2021.',
  'It is 9 to 5, and the 12.05.2019 deadline passed.',
];

describe('parsePay', () => {
  it.each(FORMS)('reads %j', (written, currency, yearly) => {
    const found = parsePay(written);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ currency, yearly });
  });

  it.each(NOT_PAY)('finds no pay in %j', (text) => {
    expect(parsePay(text)).toEqual([]);
  });

  it('finds every figure in a note, with its words and where they stand', () => {
    const note = 'Juniors start around €3.500 per month; seniors get 70k and 80k, leads between $120k and $140k.';
    const found = parsePay(note);
    expect(found.map((f) => [f.text, f.currency, f.yearly])).toEqual([
      ['around €3.500 per month', 'EUR', 42_000],
      ['70k', null, 70_000],
      ['80k', null, 80_000],
      ['between $120k and $140k', 'USD', 130_000],
    ]);
    for (const f of found) expect(note.slice(f.start, f.end)).toBe(f.text);
  });

  it('keeps a figure and skips the year or duration around it', () => {
    const found = parsePay('In 2019 I made $60k, 5 years later €80k a year.');
    expect(found.map((f) => [f.currency, f.yearly])).toEqual([
      ['USD', 60_000],
      ['EUR', 80_000],
    ]);
  });

  it('reads a number without period by its size: hourly, daily, monthly or yearly', () => {
    expect(parsePay('$80')[0]?.yearly).toBe(80 * 2080);
    expect(parsePay('€600')[0]?.yearly).toBe(600 * 260);
    expect(parsePay('€4.200')[0]?.yearly).toBe(4200 * 12);
    expect(parsePay('$65,000')[0]?.yearly).toBe(65_000);
    // Kronor and yen are counted in larger numbers: 45,000 SEK is a month's pay.
    expect(parsePay('45 000 SEK')[0]?.yearly).toBe(45_000 * 12);
  });

  it('shares a range’s multiplier only when that makes sense', () => {
    expect(parsePay('$85-95k')[0]?.yearly).toBe(90_000);
    expect(parsePay('$900-1.2k a month')[0]?.yearly).toBe(1050 * 12);
  });

  it('tells thousands separators from decimal marks', () => {
    expect(readNumber('4.000')).toBe(4000);
    expect(readNumber('4,5')).toBe(4.5);
    expect(readNumber('55,000')).toBe(55_000);
    expect(readNumber('1.234.567')).toBe(1_234_567);
    expect(readNumber('4.000,50')).toBe(4000.5);
    expect(readNumber('4,000.50')).toBe(4000.5);
    expect(readNumber("120'000")).toBe(120_000);
    expect(readNumber('28.50')).toBe(28.5);
  });
});

const figure = (yearly: number, currency: string, text = String(yearly)): PayFigure => ({
  interviewId: 'iv',
  contactName: 'Ana',
  text,
  currency,
  yearly,
});

describe('summarisePay', () => {
  it('is null without figures', () => {
    expect(summarisePay([])).toBeNull();
  });

  it('gives count, min, median and max of an odd number of figures', () => {
    const s = summarisePay([figure(90_000, 'USD'), figure(60_000, 'USD'), figure(75_000, 'USD')]);
    expect(s).toMatchObject({ count: 3, min: 60_000, median: 75_000, max: 90_000, currency: 'USD', period: 'year', other: [] });
    expect(s?.figures).toHaveLength(3);
  });

  it('takes the middle two of an even number of figures', () => {
    const s = summarisePay([figure(60_000, 'EUR'), figure(100_000, 'EUR'), figure(70_000, 'EUR'), figure(50_000, 'EUR')]);
    expect(s).toMatchObject({ count: 4, min: 50_000, median: 65_000, max: 100_000 });
  });

  it('summarises the most common currency and lists the others apart', () => {
    const s = summarisePay([figure(60_000, 'EUR'), figure(80_000, 'USD'), figure(70_000, 'EUR'), figure(500_000, 'SEK')]);
    expect(s).toMatchObject({ currency: 'EUR', count: 2, min: 60_000, max: 70_000, median: 65_000 });
    expect(s?.other.map((f) => f.currency)).toEqual(['USD', 'SEK']);
    expect(s?.figures.every((f) => f.currency === 'EUR')).toBe(true);
  });

  it('breaks a tie between currencies alphabetically, whatever the order', () => {
    expect(summarisePay([figure(1, 'USD'), figure(2, 'EUR')])?.currency).toBe('EUR');
    expect(summarisePay([figure(2, 'EUR'), figure(1, 'USD')])?.currency).toBe('EUR');
  });

  it('puts figures without a currency in the default one, else in the most common one', () => {
    const noCurrency = figure(90_000, '');
    const withDefault = summarisePay([figure(60_000, 'EUR'), figure(70_000, 'EUR'), noCurrency, figure(80_000, 'GBP')], 'GBP');
    expect(withDefault).toMatchObject({ currency: 'EUR', count: 2 });
    expect(withDefault?.other.map((f) => [f.currency, f.yearly])).toEqual([
      ['GBP', 90_000],
      ['GBP', 80_000],
    ]);
    const noDefault = summarisePay([figure(60_000, 'EUR'), noCurrency]);
    expect(noDefault).toMatchObject({ currency: 'EUR', count: 2, max: 90_000 });
    expect(noDefault?.figures.map((f) => f.currency)).toEqual(['EUR', 'EUR']);
  });
});

// Pieces that look like pay, shuffled into odd combinations, reach far more of the parser than
// random characters do.
const payish = fc
  .array(
    fc.oneof(
      fc.constantFrom('$', '€', '£', '¥', '₹', 'CHF', 'USD', 'sek', 'k', 'K', 'm', 'mn', 'lakh', ' ', ' ', '-', '–', ' to ', ' and '),
      fc.constantFrom('between ', 'about ', '~', 'per month', '/hr', ' pa', 'p.a.', ' a year', 'plus bonus', '%', 'years', ':', '.', ','),
      fc.constantFrom('85', '4.000', '4,5', '55,000', '2019', '120\u2019000', '0', '000', '999999999', '1.2', '4 000 000 000 000 000'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('parsePay on any text', () => {
  it('never throws, and every figure is finite, positive and points into the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), payish), (text) => {
        for (const f of parsePay(text)) {
          expect(Number.isFinite(f.yearly)).toBe(true);
          expect(f.yearly).toBeGreaterThan(0);
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.text);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gets through 100 KB of notes, and of digit groups that invite backtracking', { timeout: 60_000 }, () => {
    const note = 'She said juniors get $85-95k, about 70k plus bonus in Berlin, since 2019 with a team of 12. ';
    const notes = note.repeat(Math.ceil(100_000 / note.length));
    expect(parsePay(notes)).toHaveLength(2 * Math.ceil(100_000 / note.length));
    const groups = '1 000 '.repeat(20_000);
    expect(Array.isArray(parsePay(groups))).toBe(true);
    const mixed = '$1,2.3-4 to 5k per '.repeat(6_000);
    expect(Array.isArray(parsePay(mixed))).toBe(true);
  });
});
