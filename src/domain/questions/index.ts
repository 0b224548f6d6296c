// The question bank: built-in questions (TIARA and preparation prompts included) and the rules
// every layer shares about them.
import type { Situation } from '../types.js';
import type { BankQuestion } from './types.js';

export * from './types.js';
export { BUILT_IN_QUESTIONS, builtInQuestion } from './builtin.js';

/** A question as it is asked: `{field}` becomes the campaign's field. */
export function fillField(text: string, field: string): string {
  return text.replaceAll('{field}', field.trim() || 'this field');
}

/** Whether a question may be asked in a plan (preparation prompts are the user's own talking points). */
export const askable = (q: BankQuestion): boolean => q.kind !== 'prep';

export const suits = (q: BankQuestion, situation: Situation): boolean => q.situations.includes(situation);

/** Question text is one line in a plan (the linter reads a plan one question per line). */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
