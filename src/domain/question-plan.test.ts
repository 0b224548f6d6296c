import { describe, expect, it } from 'vitest';
import { lintMessage } from './lint/index.js';
import { budgetOf, coverageOf, lintPlan, referralLast, suggestPlan, usedMinutes, type CoverageNote } from './question-plan.js';
import { BUILT_IN_QUESTIONS, builtInQuestion, fillField, type BankQuestion } from './questions/index.js';
import { SITUATIONS } from './types.js';

const bank = BUILT_IN_QUESTIONS;
const field = 'UX research in healthcare';
const ids = (qs: { id: string }[]) => qs.map((q) => q.id);

describe('the built-in bank', () => {
  it('has every id CONTRACTS.md names, each its own topic', () => {
    const wanted = [
      'why-field', 'how-in', 'highlights', 'path', 'education', 'differently', 'strengths', 'resume', 'typical-day', 'pay', 'best',
      'worst', 'second-choice', 'recommend', 'adapting', 'opportunities', 'threats', 'skills-fit', 'why-leave', 'five-years', 'who-else',
      'trends', 'insights', 'advice', 'resources', 'assignments', 'prep-about-me', 'prep-why-field', 'prep-why-role', 'prep-why-org',
    ]; // prettier-ignore
    expect(ids([...bank]).sort()).toEqual([...wanted].sort());
    for (const q of bank) {
      expect(q.topic).toBe(q.id);
      expect(q.minutes).toBeGreaterThan(0);
      expect(q.situations.length).toBeGreaterThan(0);
    }
    expect(bank.filter((q) => q.kind === 'tiara').map((q) => q.id)).toEqual(['trends', 'insights', 'advice', 'resources', 'assignments']);
    expect(bank.filter((q) => q.kind === 'prep').every((q) => q.id.startsWith('prep-'))).toBe(true);
  });

  it('asks nothing the linter objects to, and its referral question is recognised as one', () => {
    for (const q of bank.filter((b) => b.kind !== 'prep')) {
      const { findings } = lintMessage(fillField(q.text, field), { purpose: 'questions' });
      const rules = findings.map((f) => f.rule).filter((r) => r !== 'missing-referral-question');
      expect([q.id, rules]).toEqual([q.id, []]);
    }
    expect(lintMessage(builtInQuestion('who-else')!.text, { purpose: 'questions' }).findings).toEqual([]);
  });

  it('fills {field}', () => {
    expect(fillField(builtInQuestion('why-field')!.text, field)).toContain('drew you to UX research in healthcare');
  });
});

describe('suggestPlan', () => {
  it('fits the budget (minutes − 4) and ends with who-else, for every situation and length', () => {
    for (const situation of SITUATIONS) {
      for (const minutes of [10, 15, 20, 30, 45]) {
        const plan = suggestPlan({ situation, field, minutes, bank });
        expect(usedMinutes(plan)).toBeLessThanOrEqual(budgetOf(minutes));
        expect(plan.at(-1)!.id).toBe('who-else');
        expect(plan.filter((q) => q.id === 'who-else')).toHaveLength(1);
        expect(plan.some((q) => q.id.startsWith('prep-'))).toBe(false);
        expect(new Set(ids(plan)).size).toBe(plan.length);
      }
    }
    // 20 minutes leave 16: enough for several questions, and the budget is used well.
    const twenty = suggestPlan({ situation: 'next-job', field, minutes: 20, bank });
    expect(usedMinutes(twenty)).toBeGreaterThanOrEqual(15);
    expect(twenty.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps who-else even when nothing else fits', () => {
    expect(ids(suggestPlan({ situation: 'career-change', field, minutes: 6, bank }))).toEqual(['who-else']);
    expect(ids(suggestPlan({ situation: 'career-change', field, minutes: 5, bank }))).toEqual(['who-else']);
  });

  it('chooses by situation: education and a second choice for a career changer, the way in for a new graduate', () => {
    const change = ids(suggestPlan({ situation: 'career-change', field, minutes: 20, bank }));
    expect(change).toEqual(expect.arrayContaining(['education', 'second-choice', 'how-in']));
    const graduate = ids(suggestPlan({ situation: 'new-graduate', field, minutes: 20, bank }));
    expect(graduate).toEqual(expect.arrayContaining(['how-in', 'path']));
    const nextJob = ids(suggestPlan({ situation: 'next-job', field, minutes: 20, bank }));
    expect(nextJob).not.toContain('education');
    expect(nextJob).not.toContain('second-choice');
    expect(nextJob).not.toContain('path');
  });

  it('substitutes the field and keeps the bank’s conversational order', () => {
    const plan = suggestPlan({ situation: 'career-change', field, minutes: 30, bank });
    expect(plan.every((q) => !q.text.includes('{field}'))).toBe(true);
    const order = ids([...bank]);
    const positions = ids(plan).map((id) => order.indexOf(id));
    expect(positions.slice(0, -1)).toEqual([...positions.slice(0, -1)].sort((a, b) => a - b));
  });

  it('skips what three earlier interviews answered and favours the insight kinds still thin', () => {
    const earlier: CoverageNote[] = [];
    for (const interviewId of ['a', 'b', 'c']) {
      earlier.push({ interviewId, questionId: 'how-in', kinds: ['search-tips'] });
      earlier.push({ interviewId, questionId: 'why-field', kinds: ['industry'] });
      earlier.push({ interviewId, questionId: 'typical-day', kinds: ['industry'] });
      earlier.push({ interviewId, questionId: null, kinds: ['industry'] }); // one interview counts once
    }
    // Two interviews answered education: a repeat, but not yet enough to skip.
    earlier.push({ interviewId: 'a', questionId: 'education', kinds: [] }, { interviewId: 'b', questionId: 'education', kinds: [] });
    const coverage = coverageOf(earlier);
    expect(coverage.answered).toMatchObject({ 'how-in': 3, 'why-field': 3, education: 2 });
    expect(coverage.kinds).toEqual({ industry: 3, 'search-tips': 3, 'job-market': 0, resume: 0, contacts: 0 });

    const before = suggestPlan({ situation: 'career-change', field, minutes: 20, bank });
    const after = suggestPlan({ situation: 'career-change', field, minutes: 20, bank, coverage });
    expect(ids(before)).toEqual(expect.arrayContaining(['how-in', 'why-field']));
    for (const answered of ['how-in', 'why-field', 'typical-day']) expect(ids(after)).not.toContain(answered);
    expect(ids(after)).toContain('education');
    expect(after.at(-1)!.id).toBe('who-else');
    // Résumé and job-market insights were never noted, so those questions come forward.
    const yields = (plan: { id: string }[], kind: string) =>
      plan.filter((q) => builtInQuestion(q.id)?.insights.includes(kind as never)).length;
    expect(yields(after, 'resume')).toBeGreaterThan(yields(before, 'resume'));
    expect(yields(after, 'industry')).toBeLessThan(yields(before, 'industry'));
  });

  it('offers the user’s own questions that suit the situation', () => {
    const own: BankQuestion = {
      id: '0199-own',
      topic: 'hiring',
      kind: 'own',
      text: 'How do small clinics in {field} find researchers?',
      minutes: 2,
      situations: ['career-change'],
      insights: [],
      builtIn: false,
    };
    const plan = suggestPlan({ situation: 'career-change', field, minutes: 20, bank: [...bank, own] });
    expect(plan.find((q) => q.id === own.id)?.text).toBe('How do small clinics in UX research in healthcare find researchers?');
    expect(plan.at(-1)!.id).toBe('who-else');
    expect(ids(suggestPlan({ situation: 'next-job', field, minutes: 20, bank: [...bank, own] }))).not.toContain(own.id);
  });
});

describe('referralLast and lintPlan', () => {
  it('moves who-else last, keeping the rest in order', () => {
    expect(ids(referralLast([{ id: 'who-else' }, { id: 'pay' }, { id: 'best' }]))).toEqual(['pay', 'best', 'who-else']);
  });

  it('flags a plan without the referral question and one over time, pointing at the question', () => {
    const plan = suggestPlan({ situation: 'career-change', field, minutes: 20, bank });
    expect(lintPlan(plan, 20)).toEqual([]);
    const noReferral = plan.filter((q) => q.id !== 'who-else');
    expect(lintPlan(noReferral, 20).map((f) => [f.rule, f.questionIndex])).toEqual([['missing-referral-question', null]]);
    // The same plan in 12 minutes (8 for questions) runs over from the question that no longer fits.
    const over = lintPlan(plan, 12).find((f) => f.rule === 'over-time')!;
    let used = 0;
    const firstOut = plan.findIndex((q) => (used += q.minutes) > 8);
    expect(over.questionIndex).toBe(firstOut);
    expect(over.message).toContain(`${usedMinutes(plan)} minutes`);
  });

  it('points a finding about free text at its question', () => {
    const plan = [
      { id: 'why-field', topic: 'why-field', text: 'What drew you to this work?', minutes: 2 },
      { id: 'custom', topic: 'custom', text: 'Are you hiring at the moment?', minutes: 2 },
      { id: 'who-else', topic: 'who-else', text: builtInQuestion('who-else')!.text, minutes: 2 },
    ];
    expect(lintPlan(plan, 20).map((f) => [f.rule, f.questionIndex])).toEqual([['asks-for-job', 1]]);
  });
});
