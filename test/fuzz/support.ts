// Shared settings of the property tests (issue 8, item 3). CI runs 200 cases per property;
// `npm run fuzz` sets FUZZ_RUNS for long runs. A case that throws anything but one of our own
// AppErrors, or takes longer than CASE_MS, fails the property (a hang or a quadratic blow-up).
import fc from 'fast-check';
import { expect } from 'vitest';
import { AppError, ERROR_CODES, type ErrorCode } from '../../src/domain/errors.js';

const fromEnv = Number(process.env.FUZZ_RUNS);
/** Cases per property: 200 unless FUZZ_RUNS says otherwise. */
export const RUNS = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 200;
/** The longest one case may take. Generous: the machine is shared; a hang takes forever. */
export const CASE_MS = 3000;
/** Vitest's limit for one property: every case at its worst, plus room. */
export const PROPERTY_MS = Math.max(60_000, RUNS * 200);

/** fast-check parameters for every property: the run count, and a timeout per async case. */
export const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, timeout: CASE_MS });

/**
 * Runs one case: returns the value, or the AppError it failed with when its code is allowed.
 * Any other throw (TypeError, RangeError, a library's own error) fails the property, and so does
 * a case slower than CASE_MS (a synchronous loop cannot be interrupted, so it is measured).
 */
export function caseOf<T>(run: () => T, allowed: readonly ErrorCode[] = []): T | AppError {
  const started = performance.now();
  try {
    return run();
  } catch (e) {
    return ownError(e, allowed);
  } finally {
    expect(performance.now() - started, 'one case took too long').toBeLessThan(CASE_MS);
  }
}

/** The async twin of `caseOf`. */
export async function caseOfAsync<T>(run: () => Promise<T>, allowed: readonly ErrorCode[] = []): Promise<T | AppError> {
  const started = performance.now();
  try {
    return await run();
  } catch (e) {
    return ownError(e, allowed);
  } finally {
    expect(performance.now() - started, 'one case took too long').toBeLessThan(CASE_MS);
  }
}

function ownError(e: unknown, allowed: readonly ErrorCode[]): AppError {
  if (!(e instanceof AppError)) throw e;
  expect(Object.keys(ERROR_CODES)).toContain(e.code);
  expect(allowed, `unexpected ${e.code}: ${e.message}`).toContain(e.code);
  expect(e.message.trim()).not.toBe('');
  expect(e.message).not.toMatch(/\n\s+at /); // never a stack trace
  return e;
}

/** Text that mixes the characters parsers trip on: quotes, separators, controls, surrogates, emoji. */
export const nastyText = (maxLength = 60): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.string({ maxLength: 8 }) },
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            ' ',
            '\n',
            '\r\n',
            '\t',
            '\u0000',
            '\uFEFF',
            '\u00A0',
            '\u200B',
            '\uD800',
            '\uDFFF',
            '"',
            "'",
            '{',
            '}',
            '{{',
            '[',
            ']',
            '____',
            '{#',
            '{/',
            '{^',
            ',',
            ';',
            ':',
            '.',
            '-',
            '+',
            '/',
            '\\',
            '€',
            '£',
            '$',
            'k',
            'K',
            '%',
            '0',
            '9',
            '1,000',
            '1.5',
            '12',
            '2024',
            'é',
            'İ',
            'ß',
            '👩‍💻',
          ),
        },
      ),
      { maxLength: Math.ceil(maxLength / 3) },
    )
    .map((parts) => parts.join('').slice(0, maxLength * 3));

/** A valid instant between 1900 and 2100, as a Date. */
export const instant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
/** The same, as the stored ISO text. */
export const isoInstant = instant.map((d) => d.toISOString());

/** Time zones with DST in both hemispheres, half hours, a date-line jump, and UTC. */
export const timeZone = fc.constantFrom(
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'Pacific/Chatham',
  'America/St_Johns',
);
