// Pay figures in free-text notes ("$85-95k", "€4.000 per month", "about 70k plus bonus"), each
// turned into a yearly amount so the figures of a campaign can be compared.
//
// The pipeline, in order:
//   1. one regular expression finds *candidates*: an optional hedge ("about", "~", "between"), an
//      amount (a number with its separators and a k/m/lakh multiplier, a currency before or after),
//      optionally a second amount making a range, then an optional pay period and "plus bonus";
//   2. the parts are read into numbers (separators are ambiguous across countries, see readNumber);
//   3. a candidate is kept only when something says it is money: a currency, a multiplier, a pay
//      period, or a pay word nearby ("salary", "about", "plus bonus") on a number of 1,000 or more.
//      Years, durations, counts, percentages, dates, times and phone numbers are turned away;
//   4. the amount (a range's midpoint) is made yearly from the period; with no period written, the
//      magnitude decides (see periodByMagnitude).
// This reads the common ways people write pay, in English and with European number styles; it does
// not understand sentences, and an odd phrasing is missed rather than guessed.
import type { PayFigure, PaySummary } from './types.js';

export interface ParsedPay {
  /** The words as written, from `start` to `end` of the text. */
  text: string;
  /** ISO 4217 code, or null when the note names no currency. */
  currency: string | null;
  /** The amount per year; a range counts as its midpoint. */
  yearly: number;
  start: number;
  end: number;
}

type Period = 'hour' | 'day' | 'week' | 'month' | 'year';

/** Working time behind the yearly conversions: 40 h × 52 weeks, 5 days × 52 weeks. */
const PER_YEAR: Record<Period, number> = { hour: 2080, day: 260, week: 52, month: 12, year: 1 };

// --- currencies ---------------------------------------------------------------------------------

// "$" alone is taken as US dollars and "¥" as yen: the most common readings, not certain ones.
const SYMBOLS: Record<string, string> = {
  us$: 'USD',
  $: 'USD',
  c$: 'CAD',
  ca$: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  nz$: 'NZD',
  s$: 'SGD',
  hk$: 'HKD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};
const CODES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'INR', 'JPY', 'CNY', 'SGD', 'HKD', 'PLN'];
// Written out after the amount ("70,000 euros"). "Dollars" is read as US dollars, like "$".
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  quid: 'GBP',
  yen: 'JPY',
  rupees: 'INR',
  francs: 'CHF',
};

// Longest first so "US$" wins over "$" and "CA$" over "C$".
const symbolPattern = Object.keys(SYMBOLS)
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/\$/g, '\\$'))
  .join('|');
const codePattern = CODES.join('|');
const PREFIX_CURRENCY = `(?:${symbolPattern}|(?:${codePattern})\\b|(?:${codePattern})(?=\\d))`;
const POSTFIX_CURRENCY = `(?:(?:${codePattern}|${Object.keys(CURRENCY_WORDS).join('|')})\\b|${symbolPattern})`;

function currencyOf(written: string | undefined): string | null {
  if (!written) return null;
  const key = written.toLowerCase();
  return SYMBOLS[key] ?? CURRENCY_WORDS[key] ?? (CODES.includes(key.toUpperCase()) ? key.toUpperCase() : null);
}

// --- numbers ------------------------------------------------------------------------------------

// Grouped thousands ("55,000", "4.000", "4 000", "120'000", "4.000,50") are tried before a plain
// number ("85", "4,5", "28.50"). A space only ever groups exactly three digits, so "12 people" and
// "4 000" are told apart. The trailing look-ahead refuses a number that runs on into more digits
// ("555 123 4567", "12.05.2019", "11:30", "12/05"), which is what phone numbers, dates and times do.
// Bounded repeats keep a long run of digit groups from costing quadratic time.
const GROUPED = `\\d{1,3}(?:[,.'’\\u00a0\\u202f ]\\d{3}){1,4}(?:[.,]\\d{1,2})?`;
const PLAIN = `\\d{1,9}(?:[.,]\\d{1,6})?`;
const NUMBER = `(?:${GROUPED}|${PLAIN})(?!\\d)`;
const RUNS_ON = `(?!\\s?[.,/:]?\\d)`;
// A range's upper end may not run on with a dash either: "555-123-4567", "2019-05-12".
const RUNS_ON_DASH = `(?!\\s?[-–—.,/:]?\\d)`;

// k/m right after the digits; words may stand apart ("2 million", "25 lakh").
const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  grand: 1e3,
  m: 1e6,
  mn: 1e6,
  mm: 1e6,
  mio: 1e6,
  million: 1e6,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  crore: 1e7,
  crores: 1e7,
};
const MULTIPLIER = `(?:(?:k|mn|mm|m|mio)(?![\\p{L}\\p{N}])|\\s?(?:thousand|grand|million|lakhs?|lacs?|crores?)\\b)`;

/**
 * A number as written, where "." and "," mean different things across countries. Both present: the
 * last one is the decimal mark ("4.000,50", "4,000.50"). One kind, more than once: thousands
 * ("1.234.567"). Once: before exactly three digits it groups thousands ("4.000", "55,000"),
 * otherwise it is a decimal mark ("4,5k", "28.50").
 */
export function readNumber(written: string): number {
  const s = written.replace(/[\s'’\u00a0\u202f]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    normal = s.split(grouping).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = s.split(mark);
    const thousands = parts.length > 2 || parts[1]?.length === 3;
    normal = thousands ? parts.join('') : parts.join('.');
  } else {
    normal = s;
  }
  return Number(normal);
}

// --- periods ------------------------------------------------------------------------------------

// After the amount: "per month", "a year", "/hr", "pm", "p.a.", "monthly", possibly with "gross",
// "net" or "base" between ("€4.000 gross per month"). Single letters ("h", "d", "m", "y") only
// count after a slash or "per", where they cannot be anything else.
const PER = `(?:/|per\\s*|pro\\s*)`;
const EVERY = `(?:an?|each|every)\\s+`;
const PERIOD_WORDS = [
  `(?<hour>${PER}(?:hour|hr|h)|${EVERY}(?:hour|hr)|p/?h|hourly)`,
  `(?<day>${PER}(?:day|d)|${EVERY}day|daily|p/?d)`,
  `(?<week>${PER}(?:week|wk|w)|${EVERY}week|weekly|p\\.?w\\.?)`,
  `(?<month>${PER}(?:month|mth|mo|m)|${EVERY}month|monthly|pcm|p\\.?m\\.?)`,
  `(?<year>${PER}(?:year|yr|y|annum|a)|${EVERY}year|yearly|annually|annual|p\\.?a\\.?)`,
];
const PERIOD_FILLER = `(?:(?:gross|net|base|brutto|netto|before\\s+tax|after\\s+tax|pre-?tax|salary|total|ote)\\s*)?`;
const PERIOD = `(?:\\s*${PERIOD_FILLER}(?:${PERIOD_WORDS.join('|')})(?![\\p{L}\\p{N}]))`;

// Before the amount in the same sentence: "monthly salary of €4,000", "day rate £500".
const PERIOD_BEFORE: [RegExp, Period][] = [
  [/\b(?:hourly|per hour|an hour)\b/i, 'hour'],
  [/\b(?:daily|day rate|per day)\b/i, 'day'],
  [/\b(?:weekly|per week)\b/i, 'week'],
  [/\b(?:monthly|per month)\b/i, 'month'],
  [/\b(?:annual|annually|yearly|per year|per annum)\b/i, 'year'],
];

// --- the candidate pattern ------------------------------------------------------------------------

// Hedges kept in the figure's text: "about 70k" reads as what was said.
const HEDGE = `(?:(?<hedge>about|around|approx(?:imately|\\.)?|roughly|circa|ca\\.|~|≈|between)\\s*)`;
const END = (n: string, runsOn: string) => `(?<${n}Cur>${PREFIX_CURRENCY})?\\s?(?<${n}Num>${NUMBER})${runsOn}(?<${n}Mul>${MULTIPLIER})?`;
const RANGE_SEP = `(?<sep>\\s*[-–—]\\s*|\\s+(?:to|and)\\s+)`;
const TAIL =
  `\\+?(?:\\s?(?<postCur>${POSTFIX_CURRENCY})(?!\\s*\\d))?` +
  `(?<period>${PERIOD})?` +
  `(?<bonus>\\s*(?:plus|\\+|and|with)\\s+(?:a\\s+)?(?:bonus(?:es)?|equity|stock|commission|benefits|rsus?)\\b)?`;
// Nothing that glues onto a word, a number or an identifier may precede the figure ("Q3", "#12",
// "+44", "11:30", "v2.0"); a dash only when it follows a digit ("2019-05").
const BEFORE = `(?<![\\p{L}\\p{N}_:/.,#@+])(?<!\\p{N}[-–—])`;
const AFTER = `(?![\\p{L}\\p{N}%])`;

const FIGURE_RE = new RegExp(`${BEFORE}${HEDGE}?${END('low', RUNS_ON)}(?:${RANGE_SEP}${END('high', RUNS_ON_DASH)})?${TAIL}${AFTER}`, 'giu');
// The same without a range, for when the range reading is refused ("70k and 80k" without "between").
const SINGLE_RE = new RegExp(`${BEFORE}${HEDGE}?${END('low', RUNS_ON)}${TAIL}${AFTER}`, 'iuy');

// Words right after a number that make it a count, a duration or a share, not money.
const NOT_MONEY_AFTER = new RegExp(
  '^\\s*(?:[-–]\\s*)?(?:%|(?:' +
    [
      'years?',
      'yrs?',
      'y\\.?o',
      'months?',
      'mos',
      'weeks?',
      'wks?',
      'days?',
      'hours?',
      'hrs',
      'minutes?',
      'mins?',
      'seconds?',
      'secs?',
      'percent',
      'per\\s+cent',
      'pct',
      'points?',
      'pts',
      'people',
      'persons?',
      'employees?',
      'staff',
      'engineers?',
      'developers?',
      'devs?',
      'designers?',
      'members?',
      'users?',
      'customers?',
      'clients?',
      'rounds?',
      'interviews?',
      'calls?',
      'meetings?',
      'times',
      'steps?',
      'stages?',
      'applications?',
      'applicants?',
      'candidates?',
      'compan(?:y|ies)',
      'teams?',
      'reports?',
      'projects?',
      'offers?',
      'jobs?',
      'roles?',
      'positions?',
      'openings?',
      'hires?',
      'followers?',
      'connections?',
      'countries',
      'cities',
      'offices?',
      'questions?',
      'emails?',
      'messages?',
      'km',
      'miles?',
      'kg',
    ].join('|') +
    ')\\b)',
  'iu',
);

// Pay words in the same sentence before a bare number, or right after it.
const PAY_WORDS_BEFORE =
  /\b(?:salary|salaries|pay|paid|pays|paying|earn|earns|earned|earning|earnings|make|makes|making|made|base|starting|starts|start|offer|offered|comp|compensation|package|ote|tc|range|band|rate|wage|wages|income|gross|net)\b/i;
const PAY_WORDS_AFTER = /^\s*(?:gross|net|base|brutto|netto|before\s+tax|after\s+tax|pre-?tax|ote|salary)\b/i;

// --- reading a candidate ------------------------------------------------------------------------

interface End {
  currency: string | null;
  value: number;
  multiplier: number | null;
  /** A whole number that looks like a year, written without separators ("2019"). */
  yearLike: boolean;
}

function readEnd(groups: Record<string, string | undefined>, name: 'low' | 'high'): End | null {
  const num = groups[`${name}Num`];
  if (num === undefined) return null;
  const mulWord = groups[`${name}Mul`]?.trim().toLowerCase();
  return {
    currency: currencyOf(groups[`${name}Cur`]),
    value: readNumber(num),
    multiplier: mulWord ? (MULTIPLIERS[mulWord] ?? null) : null,
    yearLike: /^(?:19|20)\d\d$/.test(num),
  };
}

/**
 * A range written with one multiplier ("$85-95k", "80k-90") shares it when that makes the two ends
 * closest; "$900-1.2k" keeps 900 as it is.
 */
function rangeValues(low: End, high: End): [number, number] {
  const own = (e: End) => e.value * (e.multiplier ?? 1);
  if ((low.multiplier === null) === (high.multiplier === null)) return [own(low), own(high)];
  const shared = low.multiplier ?? high.multiplier ?? 1;
  const asWritten: [number, number] = [own(low), own(high)];
  const sharing: [number, number] = [low.value * shared, high.value * shared];
  const spread = ([a, b]: [number, number]) => Math.max(a, b) / Math.max(Math.min(a, b), Number.MIN_VALUE);
  return spread(sharing) < spread(asWritten) ? sharing : asWritten;
}

/** No period written: pay is rarely quoted per hour above 200, per day above 1,000, per month above 20,000 (in dollar-sized units). */
function periodByMagnitude(amount: number, currency: string | null): Period {
  // Rough orders of magnitude, not exchange rates: 1,000,000 yen is a month's pay, 1,000 dollars is not.
  const scale = currency ? (CURRENCY_SCALE[currency] ?? 1) : 1;
  if (amount < 200 * scale) return 'hour';
  if (amount < 1000 * scale) return 'day';
  if (amount < 20000 * scale) return 'month';
  return 'year';
}
const CURRENCY_SCALE: Record<string, number> = { JPY: 100, INR: 50, SEK: 10, NOK: 10, DKK: 10, CNY: 5, HKD: 5, PLN: 3 };

/** A yearly amount below this is not a salary (a time like "3 pm", a price); above the next, not one either. */
const MIN_YEARLY = 1000;
const MAX_YEARLY = 1e9;

function periodOf(groups: Record<string, string | undefined>): Period | null {
  for (const p of ['hour', 'day', 'week', 'month', 'year'] as const) if (groups[p] !== undefined) return p;
  return null;
}

/** The same sentence, up to 40 characters back: where a period or pay word before a figure is looked for. */
function sentenceBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - 40), start);
  const cut = Math.max(
    window.lastIndexOf('\n'),
    window.lastIndexOf(';'),
    window.lastIndexOf('!'),
    window.lastIndexOf('?'),
    window.lastIndexOf('. '),
  );
  return window.slice(cut + 1);
}

function periodBefore(text: string, start: number): Period | null {
  const before = sentenceBefore(text, start);
  let found: Period | null = null;
  let at = -1;
  for (const [re, period] of PERIOD_BEFORE) {
    const m = new RegExp(re.source, 'gi');
    for (const hit of before.matchAll(m)) {
      if (hit.index > at) {
        at = hit.index;
        found = period;
      }
    }
  }
  return found;
}

type Verdict = { figure: ParsedPay } | { retrySingle: true } | null;

function judge(text: string, m: RegExpExecArray): Verdict {
  const g = m.groups ?? {};
  const low = readEnd(g, 'low');
  if (!low) return null;
  const high = readEnd(g, 'high');
  const start = m.index;
  const end = start + m[0].length;

  // "and" makes a range only after "between"; "70k and 80k" are two figures.
  if (high && g.sep?.trim().toLowerCase() === 'and' && g.hedge?.toLowerCase() !== 'between') return { retrySingle: true };

  const currency = low.currency ?? high?.currency ?? currencyOf(g.postCur);
  const hasMultiplier = low.multiplier !== null || (high?.multiplier ?? null) !== null;
  const written = periodOf(g);
  const after = text.slice(end, end + 40);

  if (!written && NOT_MONEY_AFTER.test(after)) return null;
  // A year is money only when it says so ("$2019" is odd, but "2019" alone is a year).
  if (!currency && !hasMultiplier && !written && (low.yearLike || high?.yearLike)) return null;

  let lowValue: number;
  let highValue: number;
  if (high) {
    [lowValue, highValue] = rangeValues(low, high);
    // A range wider than ×3 or running backwards is two unrelated numbers, not a pay band.
    if (!(highValue >= lowValue) || highValue > lowValue * 3) return { retrySingle: true };
  } else {
    lowValue = highValue = low.value * (low.multiplier ?? 1);
  }
  const amount = (lowValue + highValue) / 2;

  // A bare number ("about 70,000", "70,000 plus bonus", "salary is 4.000") needs a pay word and
  // to be large enough not to be a count.
  if (!currency && !hasMultiplier && !written) {
    const hedged = g.hedge !== undefined && g.hedge.toLowerCase() !== 'between';
    const payWord = hedged || g.bonus !== undefined || PAY_WORDS_BEFORE.test(sentenceBefore(text, start)) || PAY_WORDS_AFTER.test(after);
    if (!payWord || amount < 1000) return null;
  }

  const period = written ?? periodBefore(text, start) ?? periodByMagnitude(amount, currency);
  const yearly = Math.round(amount * PER_YEAR[period]);
  if (!Number.isFinite(yearly) || yearly < MIN_YEARLY || yearly > MAX_YEARLY) return null;
  return { figure: { text: text.slice(start, end), currency, yearly, start, end } };
}

/** Every pay figure in a note, in the order written. */
export function parsePay(text: string): ParsedPay[] {
  const found: ParsedPay[] = [];
  const re = new RegExp(FIGURE_RE.source, FIGURE_RE.flags);
  const single = new RegExp(SINGLE_RE.source, SINGLE_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let verdict = judge(text, m);
    let matchEnd = m.index + m[0].length;
    if (verdict && 'retrySingle' in verdict) {
      single.lastIndex = m.index;
      const s = single.exec(text);
      verdict = s ? judge(text, s) : null;
      if (verdict && 'retrySingle' in verdict) verdict = null;
      // Go on right after the first amount, so the second one of "70k and 80k" is read too.
      matchEnd = s ? s.index + s[0].length : m.index + 1;
    }
    if (verdict && 'figure' in verdict) found.push(verdict.figure);
    re.lastIndex = Math.max(matchEnd, m.index + 1);
  }
  return found;
}

// --- the summary --------------------------------------------------------------------------------

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2) return sorted[mid]!;
  return (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Count, min, median and max of the figures in the most common currency; those in other currencies
 * are listed apart, not converted (no exchange rates here). A figure with no currency ('') takes
 * `defaultCurrency`; with no default either, it is counted in the most common currency, since the
 * speaker most likely meant the one everyone else used. Ties between currencies go alphabetically
 * so the answer does not depend on the order of the notes.
 */
export function summarisePay(figures: readonly PayFigure[], defaultCurrency?: string): PaySummary | null {
  if (figures.length === 0) return null;
  const resolved = figures.map((f) => (f.currency === '' && defaultCurrency ? { ...f, currency: defaultCurrency } : f));
  const counts = new Map<string, number>();
  for (const f of resolved) if (f.currency !== '') counts.set(f.currency, (counts.get(f.currency) ?? 0) + 1);
  const [main] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0] ?? [''];
  const inMain = resolved.filter((f) => f.currency === main || f.currency === '').map((f) => ({ ...f, currency: main }));
  const yearly = inMain.map((f) => f.yearly).sort((a, b) => a - b);
  return {
    count: inMain.length,
    min: yearly[0]!,
    median: median(yearly),
    max: yearly[yearly.length - 1]!,
    currency: main,
    period: 'year',
    other: resolved.filter((f) => f.currency !== main && f.currency !== ''),
    figures: inMain,
  };
}
