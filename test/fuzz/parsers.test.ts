// Properties of the small parsers (issue 8, item 3): dates in contact files, times the user types,
// pay figures in notes, template placeholders, and the keys contacts are matched by. Each takes
// any text without throwing (or with one of our AppErrors) and gives an answer that is well formed.
// The file readers (CSV, LinkedIn ZIP, Google, Outlook, vCard) have their own properties in
// src/formats/properties.test.ts; import.test.ts here runs them through the database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  foldName,
  normaliseEmail,
  normaliseLinkedInUrl,
  normalisePhone,
  parsePersonName,
  personNameKey,
} from '../../src/domain/contact-keys.js';
import { parsePay, readNumber, summarisePay } from '../../src/domain/insights/pay.js';
import { fold, splitName } from '../../src/domain/names.js';
import { checkTemplateText, PLACEHOLDER_NAMES, placeholdersIn, renderTemplate, type FillValues } from '../../src/domain/templates/index.js';
import { localParts, parseUserTime } from '../../src/domain/zoned.js';
import { isEmptyDate, parseDate } from '../../src/formats/dates.js';
import { readBackup } from '../../src/formats/json-backup.js';
import { caseOf, nastyText, params, PROPERTY_MS, timeZone } from './support.js';

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A real calendar date. */
const ymd = fc
  .record({ y: fc.integer({ min: 1900, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));

/** Digits, separators and month names, so most strings come close to being a date. */
const dateish = fc
  .array(
    fc.oneof(
      fc.constantFrom('-', '/', '.', ' ', ',', 'T', 'Z', '+', ':', '--', '0', '00', '29', '30', '31', '02', '13', 'Feb', 'Sept', 'mar.'),
      fc.integer({ min: 0, max: 99999 }).map(String),
      nastyText(6),
    ),
    { maxLength: 8 },
  )
  .map((p) => p.join(''));

describe('dates in contact files (formats/dates.ts)', () => {
  it(
    'any text gives null or a real date, never a throw',
    () => {
      fc.assert(
        fc.property(fc.oneof(dateish, nastyText()), fc.boolean(), (raw, noYear) => {
          const out = caseOf(() => parseDate(raw, noYear));
          caseOf(() => isEmptyDate(raw));
          if (out === null) return;
          expect(typeof out).toBe('string');
          const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(out as string);
          expect(m, out as string).not.toBeNull();
          const month = Number(m![2]);
          const day = Number(m![3]);
          expect(month >= 1 && month <= 12).toBe(true);
          expect(day >= 1 && day <= daysIn(m![1] === '-' ? 2000 : Number(m![1]), month)).toBe(true);
          if (!noYear) expect(m![1]).not.toBe('-');
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'every spelling contact files use reads back the same day',
    () => {
      fc.assert(
        fc.property(ymd, fc.integer({ min: 0, max: 5 }), ({ y, m, d }, style) => {
          const iso = `${y}-${pad(m)}-${pad(d)}`;
          const written = [
            iso,
            `${y}${pad(m)}${pad(d)}`,
            `${d} ${MONTHS[m - 1]} ${y}`,
            `${MONTHS[m - 1]} ${d}, ${y}`,
            `${m}/${d}/${y}`,
            `${pad(d)}.${pad(m)}.${y}`,
          ][style]!;
          // Month-first is ambiguous when both numbers can be a month; the file's reading wins.
          expect(parseDate(written)).toBe(iso);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

describe('times the user types (domain/zoned.ts parseUserTime: --at, --until, schedule)', () => {
  it(
    'any text gives null or a valid instant',
    () => {
      fc.assert(
        fc.property(fc.oneof(dateish, nastyText()), timeZone, (raw, tz) => {
          const out = caseOf(() => parseUserTime(raw, tz));
          if (out !== null) expect(Number.isNaN((out as Date).getTime())).toBe(false);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'a local time without an offset is that wall-clock time in the zone (moved forward only inside a DST gap)',
    () => {
      fc.assert(
        fc.property(
          ymd.filter(({ y }) => y >= 2015 && y <= 2060),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          fc.integer({ min: 0, max: 59 }),
          timeZone,
          fc.constantFrom('T', ' '),
          ({ y, m, d }, h, mi, s, tz, sep) => {
            const typed = `${y}-${pad(m)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}`;
            const out = parseUserTime(typed, tz);
            expect(out).not.toBeNull();
            const p = localParts(out!, tz);
            const shift = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Date.UTC(y, m - 1, d, h, mi, s);
            expect(shift >= 0 && shift <= 3600_000, `${typed} in ${tz} read as ${out!.toISOString()}`).toBe(true);
          },
        ),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'a day the month does not have is refused, with or without an offset',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1900, max: 2099 }),
          fc.integer({ min: 1, max: 12 }),
          fc.constantFrom('', 'T10:00', 'T10:00:00Z', ' 23:59+02:00', 'T00:00-0530'),
          timeZone,
          (y, m, rest, tz) => {
            for (let d = daysIn(y, m) + 1; d <= 31; d++) expect(parseUserTime(`${y}-${pad(m)}-${pad(d)}${rest}`, tz)).toBeNull();
          },
        ),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

describe('pay figures in notes (domain/insights/pay.ts)', () => {
  const payish = fc
    .array(
      fc.oneof(
        fc.constantFrom('€', '$', '£', 'CHF ', 'k', 'K', 'm', ' lakh', '-', '–', ' to ', ' per month', '/hr', ' a year', ' plus bonus'),
        fc.constantFrom('about ', '~', 'between ', 'salary ', 'pay is ', ' and ', '.', ',', ' '),
        fc.integer({ min: 0, max: 10_000_000 }).map(String),
        fc.stringMatching(/^\d{1,3}([.,' ]\d{3}){0,3}([.,]\d{1,2})?$/),
        nastyText(8),
      ),
      { maxLength: 12 },
    )
    .map((p) => p.join(''));

  it(
    'every figure found is a span of the note with a positive whole yearly amount',
    () => {
      fc.assert(
        fc.property(fc.oneof(payish, nastyText(200)), (text) => {
          const found = caseOf(() => parsePay(text));
          expect(Array.isArray(found)).toBe(true);
          let last = -1;
          for (const f of found as ReturnType<typeof parsePay>) {
            expect(f.start >= 0 && f.start < f.end && f.end <= text.length).toBe(true);
            expect(f.start).toBeGreaterThan(last - 1);
            last = f.start;
            expect(f.text).toBe(text.slice(f.start, f.end));
            expect(Number.isSafeInteger(f.yearly) && f.yearly > 0).toBe(true);
            if (f.currency !== null) expect(f.currency).toMatch(/^[A-Z]{3}$/);
          }
          caseOf(() => readNumber(text));
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'a written yearly salary reads as itself',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 20, max: 900 }),
          fc.constantFrom(['€', 'EUR'], ['$', 'USD'], ['£', 'GBP']),
          fc.constantFrom(' per year', ' a year', '/year'),
          (thousands, [sym, code], per) => {
            const text = `They said ${sym}${thousands},000${per}, give or take.`;
            expect(parsePay(text).map((f) => [f.currency, f.yearly])).toEqual([[code, thousands * 1000]]);
          },
        ),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'the summary keeps min ≤ median ≤ max and loses no figure',
    () => {
      const figure = fc.record({
        text: fc.string({ maxLength: 5 }),
        currency: fc.constantFrom('', 'EUR', 'USD', 'GBP'),
        yearly: fc.integer({ min: 1000, max: 5_000_000 }),
        start: fc.constant(0),
        end: fc.constant(1),
      });
      fc.assert(
        fc.property(fc.array(figure, { maxLength: 30 }), fc.option(fc.constantFrom('EUR', 'CHF'), { nil: undefined }), (figures, dflt) => {
          const s = summarisePay(figures as never, dflt);
          if (figures.length === 0) {
            expect(s).toBeNull();
            return;
          }
          expect(s).not.toBeNull();
          expect(s!.min <= s!.median && s!.median <= s!.max).toBe(true);
          expect(s!.count + s!.other.length).toBe(figures.length);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

describe('template placeholders (domain/templates)', () => {
  const name = fc.constantFrom(...PLACEHOLDER_NAMES);
  /** A well-formed template: text, values and (nested) sections. */
  const wellFormed: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.stringMatching(/^[^{}]{0,12}$/),
      name.map((n) => `{${n}}`),
      fc.tuple(fc.constantFrom('#', '^'), name, tie('t')).map(([s, n, inner]) => `{${s}${n}}${inner}{/${n}}`),
      fc.array(tie('t'), { maxLength: 4 }).map((parts) => parts.join('')),
    ),
  })).t;

  it(
    'a well-formed template has no problems, and filled with every value renders with nothing left over',
    () => {
      fc.assert(
        fc.property(wellFormed, fc.stringMatching(/^[^{}]{1,10}$/), (text, value) => {
          expect(checkTemplateText(text, 'body')).toEqual([]);
          const values = Object.fromEntries(PLACEHOLDER_NAMES.map((n) => [n, `${value}!`])) as FillValues;
          const out = renderTemplate(text, values);
          expect(out.unfilled).toEqual([]);
          expect(out.text).not.toMatch(/\{[#^/]?[A-Za-z]/);
          for (const n of placeholdersIn(text)) expect(PLACEHOLDER_NAMES).toContain(n);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'any text: each problem points at its token, and rendering never throws',
    () => {
      const brace = fc.oneof(
        nastyText(),
        fc
          .array(
            fc.oneof(
              nastyText(5),
              name.map((n) => `{${n}}`),
              fc.constantFrom('{#', '{/', '}', '{^x}'),
            ),
            { maxLength: 10 },
          )
          .map((a) => a.join('')),
      );
      fc.assert(
        fc.property(brace, fc.dictionary(name, fc.option(nastyText(10), { nil: null })), (text, values) => {
          const problems = caseOf(() => checkTemplateText(text, 'subject'));
          const lines = text.split('\n');
          for (const p of problems as ReturnType<typeof checkTemplateText>) {
            expect(lines[p.line - 1]!.slice(p.column - 1).startsWith(p.token)).toBe(true);
          }
          const out = caseOf(() => renderTemplate(text, values as FillValues));
          expect(typeof (out as { text: string }).text).toBe('string');
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

describe('the keys contacts are matched by (domain/contact-keys.ts, names.ts)', () => {
  const emailish = fc.oneof(
    fc.emailAddress(),
    fc.tuple(nastyText(10), fc.constantFrom('@', '@@', ' at ', '<', '>', 'mailto:'), nastyText(10)).map((p) => p.join('')),
  );
  const linkedinish = fc.oneof(
    fc.webUrl(),
    fc
      .tuple(
        fc.constantFrom('https://www.linkedin.com/in/', 'linkedin.com/in/', 'http://uk.linkedin.com/pub/', 'www.linkedin.com/company/', ''),
        nastyText(12),
      )
      .map((p) => p.join('')),
  );
  const phoneish = fc.oneof(
    fc.stringMatching(/^\+?[0-9 ().-]{0,20}$/),
    fc.tuple(fc.constantFrom('+44', '+1', '00', '0', 'tel:', 'ext'), nastyText(12)).map((p) => p.join('')),
  );

  it(
    'normalising is idempotent and never throws',
    () => {
      fc.assert(
        fc.property(emailish, linkedinish, phoneish, fc.constantFrom(null, 'GB', 'US', 'FR', 'ZZ', 'gb'), (e, l, p, country) => {
          const email = caseOf(() => normaliseEmail(e));
          if (email !== null) expect(normaliseEmail(email as string)).toBe(email);
          const url = caseOf(() => normaliseLinkedInUrl(l));
          if (url !== null) expect(normaliseLinkedInUrl(url as string)).toBe(url);
          const phone = caseOf(() => normalisePhone(p, country));
          if (phone !== null) {
            expect(phone).toMatch(/^\+\d{4,15}$/);
            expect(normalisePhone(phone as string)).toBe(phone);
          }
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );

  it(
    'names: folding is idempotent, splitting keeps the words, distances are symmetric',
    () => {
      fc.assert(
        fc.property(nastyText(40), nastyText(40), (a, b) => {
          expect(foldName(foldName(a))).toBe(foldName(a));
          expect(fold(fold(a))).toBe(fold(a));
          const split = caseOf(() => splitName(a)) as ReturnType<typeof splitName>;
          for (const part of [split.givenName, split.familyName]) for (const w of part?.split(/\s+/) ?? []) expect(a).toContain(w);
          caseOf(() => parsePersonName(a));
          caseOf(() => parsePersonName({ name: `${a} ${b}`, givenName: a, familyName: b }));
          caseOf(() => personNameKey(a));
          const fa = foldName(a).slice(0, 30);
          const fb = foldName(b).slice(0, 30);
          expect(editDistance(fa, fa)).toBe(0);
          expect(editDistance(fa, fb)).toBe(editDistance(fb, fa));
          expect(editDistance(fa, fb)).toBeLessThanOrEqual(3);
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});

describe('the JSON backup reader (formats/json-backup.ts)', () => {
  const contactish = fc.dictionary(
    fc.constantFrom('id', 'name', 'emails', 'phones', 'tags', 'tie', 'source', 'connectedOn', 'roles', 'organisation', 'givenName'),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyText(20)),
  );
  const backupish = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc
      .record({
        coffeechat: fc.constantFrom('backup', 'nope', 1),
        version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
        contacts: fc.oneof(fc.array(contactish, { maxLength: 6 }), fc.jsonValue({ maxDepth: 1 })),
      })
      .chain((doc) => fc.constantFrom(JSON.stringify(doc), JSON.stringify(doc, null, 1).slice(0, -3))),
  );

  it(
    'any text gives records with names or an import_failed that says where',
    () => {
      fc.assert(
        fc.property(backupish, (text) => {
          const events = caseOf(() => [...readBackup(text)], ['import_failed']);
          if (!Array.isArray(events)) return;
          for (const ev of events as object[]) expect(typeof ev).toBe('object');
        }),
        params(),
      );
    },
    PROPERTY_MS,
  );
});
