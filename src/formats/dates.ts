// Dates as contact files write them, turned into YYYY-MM-DD (or --MM-DD for a birthday without year).

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function daysIn(month: number, year: number | null): number {
  if (month === 2) {
    // Without a year, 29 February is a real birthday.
    if (year === null) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function build(year: number | null, month: number, day: number): string | null {
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return null;
  if (year !== null && (!Number.isInteger(year) || year < 1 || year > 9999)) return null;
  if (day > daysIn(month, year)) return null;
  return year === null ? `--${pad(month)}-${pad(day)}` : `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  // Two-digit years: contact files are recent, so 00–69 are this century.
  return n < 70 ? 2000 + n : 1900 + n;
}

/** Whether a date string means "no date" in Outlook's dialect (`0/0/00`). */
export function isEmptyDate(raw: string): boolean {
  return /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(raw.trim());
}

/**
 * Reads the date spellings contact files use: ISO (`2024-03-12`, `20240312`, with or without a time),
 * `--03-12`/`--0312` (no year), `12 Mar 2024`, `Mar 12, 2024`, `3/12/2024` (month first, as US
 * Outlook and LinkedIn write it, unless the first number cannot be a month) and `12.03.2024`.
 * Returns null for anything else or an impossible date; never guesses beyond that.
 */
export function parseDate(raw: string, allowNoYear = false): string | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s))) {
    return build(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s))) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^--(\d{2})-?(\d{2})$/.exec(s))) return allowNoYear ? build(null, Number(m[1]), Number(m[2])) : null;
  if ((m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{2}|\d{4})$/.exec(s))) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    return month === undefined ? null : build(fullYear(m[3] ?? ''), month, Number(m[1]));
  }
  if ((m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s))) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    return month === undefined ? null : build(Number(m[3]), month, Number(m[2]));
  }
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3] ?? '');
    return a > 12 ? build(year, b, a) : build(year, a, b);
  }
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s))) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}
