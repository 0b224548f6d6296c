// The do's-and-don'ts linter: pure, no I/O. One call reads the text once into sentences (or plan
// lines) and runs the rules that apply to the purpose (CONTRACTS.md, "Linter").
import { jobAsks } from './job.js';
import { mentions } from './mentions.js';
import { unfilled } from './placeholders.js';
import { careerDirection, isReferralQuestion, questionMinutes, researchable } from './questions.js';
import { applies } from './rules.js';
import { asks, attachedResume, opening, selfFocus, statesConnection, timeAsks } from './shape.js';
import { countWords, normalise, planLines, sentences, type Piece } from './text.js';
import type { LintFinding, LintOptions, LintResult } from './types.js';

export { LINT_RULES, type LintRule } from './rules.js';
export { countWords } from './text.js';
export * from './types.js';

const JOB_FIX = 'Ask for their advice and story instead, e.g. "How did people on your team find their way into this work?"';

export function lintMessage(text: string, options: LintOptions = {}): LintResult {
  const purpose = options.purpose ?? 'request';
  const channel = options.channel ?? 'email';
  const norm = normalise(text);
  const wordCount = countWords(text);
  const findings: LintFinding[] = [];
  const on = (rule: string) => applies(rule, purpose);
  const whole = { start: 0, end: text.length };
  if (norm.trim() === '') return { wordCount, findings };

  const questions = purpose === 'questions';
  const pieces: Piece[] = questions ? planLines(norm) : sentences(norm);
  const quote = (p: { start: number; end: number }) => text.slice(p.start, p.end);

  if (on('unfilled-placeholder')) {
    for (const u of unfilled(text)) {
      findings.push({
        rule: 'unfilled-placeholder',
        severity: 'error',
        message: `"${u.token}" is still a placeholder: the reader would see it as it is.`,
        start: u.start,
        end: u.end,
        fix: 'Replace it with the real words, or remove it.',
      });
    }
  }

  if (on('name-without-permission') && options.introducers) {
    for (const m of mentions(text, options.introducers)) {
      const name = m.introducer.name;
      const why =
        m.introducer.permission === 'declined'
          ? `${name} asked you not to use their name.`
          : `you have not recorded ${name}'s permission to use their name.`;
      findings.push({
        rule: 'name-without-permission',
        severity: 'error',
        message: `This names ${quote(m)}, but ${why} Naming someone without asking can cost you both their trust.`,
        start: m.start,
        end: m.end,
        fix:
          m.introducer.permission === 'declined'
            ? 'Leave the name out and say how you found them instead.'
            : `Ask ${name} first ("May I mention your name when I write to them?"), or leave the name out.`,
      });
    }
  }

  if (on('asks-for-job')) {
    for (const p of jobAsks(pieces)) {
      findings.push({
        rule: 'asks-for-job',
        severity: 'error',
        message:
          'This asks for a job, an opening or a referral. An informational interview asks for advice: asking for a job puts the reader on the spot and usually ends the conversation.',
        start: p.start,
        end: p.end,
        fix: JOB_FIX,
      });
    }
  }

  if (on('researchable-question')) {
    for (const p of researchable(pieces)) {
      findings.push({
        rule: 'researchable-question',
        severity: 'warning',
        message: 'Their website, LinkedIn or a quick search answers this; asking it suggests you did not prepare.',
        start: p.start,
        end: p.end,
        fix: 'Look it up first and ask what only they can tell you, e.g. "What surprised you most when you joined?"',
      });
    }
  }

  if (on('asks-career-direction')) {
    for (const p of careerDirection(pieces)) {
      findings.push({
        rule: 'asks-career-direction',
        severity: 'warning',
        message: 'This asks them to choose your career for you; they can share what they know, but the decision is yours.',
        start: p.start,
        end: p.end,
        fix: 'Ask about their experience instead, e.g. "What would you look at if you were weighing this move?"',
      });
    }
  }

  if (questions) {
    if (on('missing-referral-question') && !pieces.some((p) => isReferralQuestion(p.text))) {
      findings.push({
        rule: 'missing-referral-question',
        severity: 'warning',
        message: 'No question asks who else you should talk to; each conversation is how you reach the next person.',
        ...whole,
        fix: 'End with "Who else would you suggest I talk to, and may I mention that you sent me?"',
      });
    }
    if (on('over-time') && options.minutes !== undefined && Number.isFinite(options.minutes)) {
      const budget = options.minutes - 4;
      let used = 0;
      let over: Piece | undefined;
      let total = 0;
      for (const p of pieces) {
        const m = questionMinutes(p, text, options.questionMinutes);
        total += m;
        if (!over && used + m > budget) over = p;
        used += m;
      }
      if (over) {
        findings.push({
          rule: 'over-time',
          severity: 'warning',
          message: `These questions need about ${total} minutes, but ${options.minutes} agreed minutes leave ${Math.max(0, budget)} for questions (two for the opening, two for the close). From here on they will not fit.`,
          start: over.start,
          end: text.length,
          fix: 'Keep the questions that matter most and the "who else should I talk to?" question; drop or merge the rest.',
        });
      }
    }
  } else {
    messageShape(text, norm, pieces, wordCount, channel, options, findings, on);
  }

  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { wordCount, findings };
}

function messageShape(
  text: string,
  norm: string,
  sentences: Piece[],
  wordCount: number,
  channel: string,
  options: LintOptions,
  findings: LintFinding[],
  on: (rule: string) => boolean,
): void {
  const whole = { start: 0, end: text.length };
  if (on('too-long')) {
    if (channel === 'linkedin') {
      const chars = [...text.trim()].length;
      if (chars > 300) {
        findings.push({
          rule: 'too-long',
          severity: 'warning',
          message: `A LinkedIn note holds at most 300 characters; this one has ${chars}.`,
          ...whole,
          fix: 'Keep who you are, how you are connected and the ask; move the rest to a later message.',
        });
      }
    } else if (wordCount > 75) {
      const over = wordCount > 100;
      findings.push({
        rule: 'too-long',
        severity: over ? 'warning' : 'info',
        message: over
          ? `This has ${wordCount} words; a busy person reads a request of under 100 words, and skims or skips a longer one.`
          : `This has ${wordCount} words; under 75 reads at a glance.`,
        ...whole,
        fix: 'Keep the connection, one line about you and the ask; cut the rest.',
      });
    }
  }

  if (on('no-question') && !asks(norm)) {
    findings.push({
      rule: 'no-question',
      severity: 'warning',
      message: 'The message never actually asks for anything, so the reader does not know what to reply.',
      ...whole,
      fix: 'End with a clear ask, e.g. "Would you be open to a 20-minute call in the next few weeks?"',
    });
  }

  if (on('no-time-ask')) {
    const times = timeAsks(norm);
    const long = times.find((t) => t.minutes > 30);
    if (long) {
      findings.push({
        rule: 'no-time-ask',
        severity: 'warning',
        message: `Asking for ${long.minutes} minutes is a lot from a stranger; 20 to 30 minutes is easy to say yes to.`,
        start: long.start,
        end: long.end,
        fix: '20 minutes',
      });
    } else if (times.length === 0) {
      findings.push({
        rule: 'no-time-ask',
        severity: 'info',
        message: 'Say how much time you are asking for: a small, specific amount ("20 minutes") is easier to agree to.',
        ...whole,
        fix: 'Would you have 20 minutes for a call in the next couple of weeks?',
      });
    }
  }

  if (on('connection-not-first')) {
    const first = opening(sentences);
    const names = (options.introducers ?? []).flatMap((i) => normalise(i.name).split(/\s+/));
    if (first.length > 0 && !statesConnection(first, names, options.purpose === 'intro-request')) {
      findings.push({
        rule: 'connection-not-first',
        severity: 'info',
        message: 'Open with how you are connected or why you are writing to them; it is what makes a stranger keep reading.',
        start: first[0]!.start,
        end: first[first.length - 1]!.end,
        fix: 'e.g. "Maya Okafor suggested I write to you" or "I enjoyed your talk at the spring meetup".',
      });
    }
  }

  if (on('about-me')) {
    const { self, other } = selfFocus(sentences);
    if (self >= 8 && self > 2 * other + 2) {
      findings.push({
        rule: 'about-me',
        severity: 'info',
        message: `Most of this is about you (${self} words such as "I" and "my", ${other} such as "you" and "your"). Say more about them and why you chose them.`,
        ...whole,
        fix: 'Cut your background to one sentence and add one about their work.',
      });
    }
  }

  if (on('attachment-resume')) {
    for (const r of attachedResume(norm)) {
      findings.push({
        rule: 'attachment-resume',
        severity: 'warning',
        message: 'A résumé in a first request reads as a job application; offer it later, if they ask or after you have talked.',
        ...r,
        fix: 'Leave the résumé out of the first message.',
      });
    }
  }
}
