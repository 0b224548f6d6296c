import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords, LINT_RULES, lintMessage, type LintOptions, type LintPurpose } from './index.js';

const rulesOf = (text: string, o?: LintOptions) => lintMessage(text, o).findings.map((f) => f.rule);
const spanOf = (text: string, rule: string, o?: LintOptions) => {
  const f = lintMessage(text, o).findings.find((x) => x.rule === rule);
  return f && text.slice(f.start, f.end);
};

const GOOD =
  'Hi Maya,\nTom Reyes suggested I write to you. I am moving into service design and your housing work is what I admire. Would you have 20 minutes for a call next week?\nThanks,\nSam';

describe('lintMessage', () => {
  it('finds nothing in a sound first request', () => {
    expect(lintMessage(GOOD)).toEqual({ wordCount: 35, findings: [] });
  });

  it('counts runs of non-space characters, not placeholders', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  one\ttwo\nthree  ')).toBe(3);
    expect(countWords('Hi {name}, I met {contact.first} at {event}.')).toBe(4);
    expect(countWords('Hi {name},')).toBe(1);
    expect(countWords('e-mail — done')).toBe(3);
    expect(lintMessage('Hi {name}, hello').wordCount).toBe(2);
  });

  it('gives UTF-16 spans, end exclusive, on the text as given', () => {
    const text = 'Hi 😀 José,\nCould you pass my CV to the hiring manager?';
    const f = lintMessage(text).findings.find((x) => x.rule === 'asks-for-job')!;
    expect(text.slice(f.start, f.end)).toBe('Could you pass my CV to the hiring manager?');
    expect(f.end).toBe(text.length);
    const named = lintMessage('Thanks! José Álvarez said hi.', {
      purpose: 'thank-you',
      introducers: [{ name: 'Jose Alvarez', permission: 'not-asked' }],
    });
    expect(named.findings.map((x) => [x.rule, x.start, x.end])).toEqual([['name-without-permission', 8, 20]]);
  });

  it('spans a rule about the whole message from 0 to its length', () => {
    const text = 'Hi Jo,\nWe met at the fair. I liked your talk a lot.';
    for (const rule of ['no-question', 'no-time-ask']) {
      const f = lintMessage(text).findings.find((x) => x.rule === rule)!;
      expect([f.start, f.end], rule).toEqual([0, text.length]);
    }
  });

  it('catches placeholders in braces, square brackets and blanks, but not links', () => {
    const text = 'Hi {contact.first}, we met at [Event] on ____. See [my work](https://example.org).';
    const spans = lintMessage(text)
      .findings.filter((f) => f.rule === 'unfilled-placeholder')
      .map((f) => text.slice(f.start, f.end));
    expect(spans).toEqual(['{contact.first}', '[Event]', '____']);
    expect(spanOf('What I did next: […]', 'unfilled-placeholder', { purpose: 'update' })).toBe('[…]');
    expect(rulesOf('See note [1] and [my notes](https://example.org).', { purpose: 'update' })).toEqual([]);
  });

  it('applies rules per purpose (CONTRACTS.md table)', () => {
    const noAsk = 'Hi Jo,\nMy name is Sam. I have attached my CV. Is your company hiring?';
    expect(new Set(rulesOf(noAsk))).toEqual(new Set(['asks-for-job', 'connection-not-first', 'no-time-ask', 'attachment-resume']));
    expect(rulesOf(noAsk, { purpose: 'follow-up' })).toEqual(['asks-for-job']);
    expect(rulesOf('Thanks for your time. Sorry, I have no questions.', { purpose: 'thank-you' })).toEqual([]);
    expect(rulesOf('Just checking in.', { purpose: 'follow-up' })).toEqual(['no-question']);
    for (const purpose of ['thank-you', 'update', 'thank-introducer'] as LintPurpose[]) {
      expect(rulesOf('Hi [Name], are you hiring?', { purpose }), purpose).toEqual(
        ['unfilled-placeholder', 'asks-for-job'].sort().reverse(),
      );
    }
    for (const r of LINT_RULES) expect(r.purposes.length, r.id).toBeGreaterThan(0);
  });

  it('reports too-long by words (info over 75, warning over 100) and on LinkedIn by characters', () => {
    const words = (n: number) => `Hi Jo, we met at the fair. Would you have 20 minutes? ${'word '.repeat(n - 12)}`.trim();
    expect(lintMessage(words(75)).findings.find((f) => f.rule === 'too-long')).toBeUndefined();
    expect(lintMessage(words(76)).findings.find((f) => f.rule === 'too-long')?.severity).toBe('info');
    expect(lintMessage(words(101)).findings.find((f) => f.rule === 'too-long')?.severity).toBe('warning');
    const note = 'Hi Jo, we met at the fair. Would you have 20 minutes for a call? ' + 'x'.repeat(240);
    expect(note.length).toBeGreaterThan(300);
    expect(rulesOf(note, { channel: 'linkedin' })).toContain('too-long');
    expect(rulesOf(note.slice(0, 300), { channel: 'linkedin' })).not.toContain('too-long');
    expect(rulesOf(words(90), { channel: 'linkedin' })).toContain('too-long');
  });

  it('asks for a small, specific amount of time', () => {
    const ask = (t: string) => lintMessage(`Hi Jo, we met at the fair. ${t}`).findings.find((f) => f.rule === 'no-time-ask');
    expect(ask('Could we talk for 20 minutes?')).toBeUndefined();
    expect(ask('Could we talk for half an hour?')).toBeUndefined();
    expect(ask('Could we talk for 15-20 mins?')).toBeUndefined();
    expect(ask('Could we grab a coffee?')?.severity).toBe('info');
    expect(ask('Could we talk for a few minutes?')?.severity).toBe('info');
    const long = ask('Could we meet for an hour?')!;
    expect(long.severity).toBe('warning');
    expect(`Hi Jo, we met at the fair. Could we meet for an hour?`.slice(long.start, long.end)).toBe('an hour');
  });

  it('holds up on the job-ask phrasings of the issue', () => {
    for (const t of [
      'Any openings on your team?',
      'Could you pass my CV to the hiring manager?',
      'Is your company hiring?',
      'Keep me in mind if anything opens up.',
      'Would you refer me for the role?',
      'Could you put in a good word for me?',
    ])
      expect(rulesOf(t, { purpose: 'thank-you' }), t).toEqual(['asks-for-job']);
    for (const t of [
      "I'd love to hear how you moved into this job.",
      "I'm not asking you for a job.",
      'What do you like about your work?',
      'How did you get your first job in the field?',
    ])
      expect(rulesOf(t, { purpose: 'thank-you' }), t).toEqual([]);
  });

  it('reads asks in context: indefinite, not negated, not theirs, not a how/what question', () => {
    const job = (t: string) => rulesOf(t, { purpose: 'thank-you' }).includes('asks-for-job');
    for (const t of [
      'Is there a role for me on your team?',
      'Please let me know if any positions open up.',
      'Would you mind passing my name along to the recruiter?',
      'Could you introduce me to the hiring manager?',
      'Are there any internships at your firm for next summer?',
      "I don't suppose you have any openings?",
      'Do you know anyone who is hiring?',
    ])
      expect(job(t), t).toBe(true);
    for (const t of [
      'Do you have any tips on finding a job in UX?',
      'What would you look for in a candidate for a role like yours?',
      'I would love a job like yours one day.',
      'Happy to send my résumé along if it helps.',
      'I applied for the analyst role at your company last year and did not get it.',
      'Is the hiring process long?',
      'How often do openings come up in your group?',
      'If you know of any good books on the field, I would love to hear of them.',
    ])
      expect(job(t), t).toBe(false);
  });

  it('names an introducer only as a whole word, folded, and only when permission is missing', () => {
    const intro = (permission: 'granted' | 'not-asked' | 'declined') => ({
      introducers: [{ name: 'Grace Lee', permission }],
      purpose: 'thank-you' as const,
    });
    expect(spanOf('Grace said you would not mind.', 'name-without-permission', intro('not-asked'))).toBe('Grace');
    expect(spanOf('GRACE LEE said hello.', 'name-without-permission', intro('declined'))).toBe('GRACE LEE');
    expect(rulesOf('Grace said you would not mind.', intro('granted'))).toEqual([]);
    expect(rulesOf('Thanks for the grace period. Leeway helps.', intro('not-asked'))).toEqual([]);
    expect(rulesOf('Grace said hi.', { purpose: 'thank-you' })).toEqual([]);
    expect(lintMessage('Grace said hi.', intro('declined')).findings[0]!.message).toMatch(/asked you not to use their name/);
  });

  it('reads a question plan line by line', () => {
    const plan = ['1. What does your company do?', '2. What career should I choose?', '3. Who else should I talk to?'].join('\n');
    const r = lintMessage(plan, { purpose: 'questions' });
    expect(r.findings.map((f) => [f.rule, plan.slice(f.start, f.end)])).toEqual([
      ['researchable-question', 'What does your company do?'],
      ['asks-career-direction', 'What career should I choose?'],
    ]);
    expect(rulesOf('What do you enjoy?', { purpose: 'questions' })).toEqual(['missing-referral-question']);
  });

  it('checks a plan against the agreed minutes less four, with given minutes per question', () => {
    const lines = Array.from({ length: 8 }, (_, i) => `Question number ${i + 1}?`).concat('Who else should I talk to?');
    const plan = lines.join('\n');
    expect(rulesOf(plan, { purpose: 'questions' })).toEqual([]);
    expect(rulesOf(plan, { purpose: 'questions', minutes: 30 })).toEqual([]);
    const over = lintMessage(plan, { purpose: 'questions', minutes: 20 }).findings[0]!;
    expect(over.rule).toBe('over-time');
    expect(plan.slice(over.start, over.end)).toBe('Who else should I talk to?');
    const withIds = 'why-field: Why this field?\nwho-else: Who else should I talk to?';
    expect(rulesOf(withIds, { purpose: 'questions', minutes: 10, questionMinutes: { 'why-field': 4, 'who-else': 2 } })).toEqual([]);
    expect(rulesOf(withIds, { purpose: 'questions', minutes: 10, questionMinutes: { 'why-field': 5, 'who-else': 2 } })).toEqual([
      'over-time',
    ]);
  });

  it('says why, and suggests a fix, for every finding', () => {
    const text =
      'Hi {name},\nMy name is Sam. I have attached my CV. Is your company hiring? What does your company do? Could we meet for an hour?';
    for (const f of lintMessage(text).findings) {
      expect(f.message.length, f.rule).toBeGreaterThan(20);
      expect(f.fix, f.rule).toBeTruthy();
    }
  });

  it('never throws, and keeps spans within the text and findings in order, for any input', () => {
    const purposes: LintPurpose[] = ['request', 'intro-request', 'follow-up', 'thank-you', 'update', 'thank-introducer', 'questions'];
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            'I',
            ' ',
            '\n',
            '.',
            '?',
            '{',
            '}',
            '[',
            ']',
            '_',
            'é',
            '\u0301',
            '😀',
            'x',
            'job',
            'Maya',
            ' could you ',
            ' hiring',
            ' 20 minutes',
          ),
        }),
        fc.constantFrom(...purposes),
        fc.constantFrom('email' as const, 'linkedin' as const, 'phone' as const),
        fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
        (text, purpose, channel, minutes) => {
          const r = lintMessage(text, { purpose, channel, minutes, introducers: [{ name: 'Maya Okafor', permission: 'not-asked' }] });
          expect(r.wordCount).toBeGreaterThanOrEqual(0);
          let last = 0;
          for (const f of r.findings) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeGreaterThanOrEqual(f.start);
            expect(f.end).toBeLessThanOrEqual(text.length);
            expect(f.start).toBeGreaterThanOrEqual(last);
            last = f.start;
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
