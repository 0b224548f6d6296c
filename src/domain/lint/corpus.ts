// Reading the labelled corpus (test/fixtures/lint/*.json) and scoring the linter on it: shared by
// the corpus test and anyone tuning the rules.
import { lintMessage } from './index.js';
import type { LintChannel, LintIntroducer, LintPurpose } from './types.js';

export interface CorpusCase {
  id: string;
  purpose?: LintPurpose;
  channel?: LintChannel;
  introducers?: LintIntroducer[];
  minutes?: number;
  questionMinutes?: Record<string, number>;
  /** A message, or a plan's lines (joined with line breaks). */
  text: string | string[];
  /** Every rule id the linter should report for this case, at any severity. */
  expect: string[];
}

export interface RuleScore {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Miss {
  id: string;
  missing: string[];
  extra: string[];
}

export function scoreCorpus(cases: readonly CorpusCase[], rules: readonly string[]): { scores: RuleScore[]; misses: Miss[] } {
  const counts = new Map(rules.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  for (const c of cases) {
    const text = Array.isArray(c.text) ? c.text.join('\n') : c.text;
    const got = new Set(
      lintMessage(text, {
        purpose: c.purpose,
        channel: c.channel,
        introducers: c.introducers,
        minutes: c.minutes,
        questionMinutes: c.questionMinutes,
      }).findings.map((f) => f.rule),
    );
    const want = new Set(c.expect);
    for (const r of rules) {
      const n = counts.get(r)!;
      if (got.has(r) && want.has(r)) n.tp++;
      else if (got.has(r)) n.fp++;
      else if (want.has(r)) n.fn++;
    }
    const missing = [...want].filter((r) => !got.has(r));
    const extra = [...got].filter((r) => !want.has(r));
    if (missing.length || extra.length) misses.push({ id: c.id, missing, extra });
  }
  const scores = rules.map((rule) => {
    const { tp, fp, fn } = counts.get(rule)!;
    return { rule, tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
  });
  return { scores, misses };
}
