// Lint figure: one 150-word first request (with a job ask, a name and a time ask to find) through
// the whole linter, beside splitting the same text into words — the least any linter must do.
import { lintMessage, type LintOptions } from '../src/domain/lint/index.js';
import type { Figure } from './report.js';
import { compareInProcess, percentileFigures, type InProcessOptions } from './stats.js';

const MESSAGE = `Hi Carys,
My former colleague Dylan Price suggested I contact you about your work in flood risk. I spent six years as a surveyor, first on
housing sites around Swansea and later on road schemes in the valleys, and over the last year I have been reading everything I
can find about how councils model river flooding, which is how I came across your reports on the Teifi catchment and the public
meetings you ran afterwards. I would love to hear how you moved from engineering into policy advice, what a normal month looks
like, which parts of the job surprised you most when you started, and what you would read if you were starting again today.
Would you have 20 minutes for a call in the next few weeks? I could also send a short list of questions beforehand if that helps.
Are there any openings on your team?
Thank you,
Rhys`;

const OPTIONS: LintOptions = {
  introducers: [
    { name: 'Dylan Price', permission: 'not-asked' },
    { name: 'Ana Ruiz', permission: 'granted' },
  ],
};

export async function lintFigures(quick: boolean, log: (s: string) => void): Promise<Figure[]> {
  const words = lintMessage(MESSAGE).wordCount;
  // A different text each call (a number appended) so nothing can be cached between calls.
  const inputs = (i: number) => `${MESSAGE} ${i % 97}`;
  const o: InProcessOptions = quick ? { warmup: 20, rounds: 3, perRound: 100 } : { warmup: 300, rounds: 7, perRound: 500 };
  log(`Measuring lint of a ${words}-word message…`);
  const r = await compareInProcess(
    inputs,
    (text) => lintMessage(text, OPTIONS),
    (text) => text.split(/\s+/).filter(Boolean).length,
    o,
  );
  log(`  lint p50 ${r.subject.p50.toFixed(3)} ms p99 ${r.subject.p99.toFixed(3)} ms · word split p50 ${r.baseline.p50.toFixed(3)} ms`);
  return percentileFigures('lint.150-words', r, 'splitting the same text into words', { max: 2 });
}
