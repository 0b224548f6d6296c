// Answers gathered per question across the campaign's interviews, side by side with who said
// them. Questions come in the bank's order (the order a conversation usually flows in), then the
// user's own, then any other id; answers within a question oldest first. The store may give only
// the most recent answers of each question, with `totals` saying how many there are in all.
import { BUILT_IN_QUESTIONS, fillField } from '../questions/index.js';
import type { AnswerNote, InterviewFact, QuestionText } from './rows.js';
import type { QuestionAnswers } from './types.js';

export function answersByQuestion(
  notes: readonly AnswerNote[],
  interviews: readonly InterviewFact[],
  ownQuestions: readonly QuestionText[],
  field: string,
  totals?: Readonly<Record<string, number>>,
): QuestionAnswers[] {
  const names = new Map(interviews.map((i) => [i.id, i.contactName]));
  const known = new Map<string, { topic: string; text: string; rank: number }>();
  BUILT_IN_QUESTIONS.forEach((q, n) => known.set(q.id, { topic: q.topic, text: q.text, rank: n }));
  ownQuestions.forEach((q, n) => known.set(q.id, { topic: q.topic, text: q.text, rank: BUILT_IN_QUESTIONS.length + n }));

  const groups = new Map<string, AnswerNote[]>();
  for (const note of notes) {
    const list = groups.get(note.questionId);
    if (list) list.push(note);
    else groups.set(note.questionId, [note]);
  }
  // A question whose answers were all left out still counts (never the case with a limit of 1 or more).
  for (const id of Object.keys(totals ?? {})) if (!groups.has(id)) groups.set(id, []);
  const rank = (id: string) => known.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
  const ids = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return ids.map((questionId) => {
    const q = known.get(questionId);
    const list = [...groups.get(questionId)!].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    return {
      questionId,
      topic: q?.topic ?? questionId,
      question: q ? fillField(q.text, field) : null,
      total: totals?.[questionId] ?? list.length,
      answers: list.map((n) => ({ interviewId: n.interviewId, contactName: names.get(n.interviewId) ?? '', text: n.text })),
    };
  });
}
