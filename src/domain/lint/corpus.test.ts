// The labelled corpus (test/fixtures/lint/*.json): every rule's precision and recall, printed, with
// floors: errors must be right (precision ≥ 0.95) and catch what they should (recall ≥ 0.9).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreCorpus, type CorpusCase } from './corpus.js';
import { LINT_RULES, LINT_PURPOSES } from './index.js';

const DIR = fileURLToPath(new URL('../../../test/fixtures/lint/', import.meta.url));
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const cases: CorpusCase[] = files.flatMap((f) => (JSON.parse(readFileSync(DIR + f, 'utf8')) as { cases: CorpusCase[] }).cases);
const rules = LINT_RULES.map((r) => r.id);

describe('lint corpus', () => {
  it('is large, labelled with known rules and purposes, and has unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(160);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      for (const r of c.expect) expect(rules, c.id).toContain(r);
      if (c.purpose) expect(LINT_PURPOSES, c.id).toContain(c.purpose);
    }
    // Balanced: plenty of clean cases, and several positives for every rule.
    expect(cases.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(60);
    for (const r of rules) expect(cases.filter((c) => c.expect.includes(r)).length, r).toBeGreaterThanOrEqual(4);
  });

  it('scores every rule, errors above their floors', () => {
    const { scores, misses } = scoreCorpus(cases, rules);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
    const table = [
      `${'rule'.padEnd(27)} ${'severity'.padEnd(8)}  tp  fp  fn  precision  recall`,
      ...scores.map((s) => {
        const sev = LINT_RULES.find((r) => r.id === s.rule)!.severity;
        return `${s.rule.padEnd(27)} ${sev.padEnd(8)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}    ${pct(s.precision)} ${pct(s.recall)}`;
      }),
      `${cases.length} cases from ${files.join(', ')}`,
      ...misses.map((m) => `  ${m.id}: missing [${m.missing.join(', ')}] extra [${m.extra.join(', ')}]`),
    ];
    console.log(`Lint corpus, per rule:\n${table.join('\n')}`);
    for (const s of scores) {
      const severity = LINT_RULES.find((r) => r.id === s.rule)!.severity;
      if (severity === 'error') {
        expect(s.precision, `${s.rule} precision`).toBeGreaterThanOrEqual(0.95);
        expect(s.recall, `${s.rule} recall`).toBeGreaterThanOrEqual(0.9);
      } else {
        expect(s.precision, `${s.rule} precision`).toBeGreaterThanOrEqual(0.8);
        expect(s.recall, `${s.rule} recall`).toBeGreaterThanOrEqual(0.75);
      }
    }
  });
});
