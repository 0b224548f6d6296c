// The built-in question bank, in coffeechat's own words. Ids are stable (CONTRACTS.md, "Question
// bank ids"); the order is the order a conversation usually flows in, and plans keep it.
import { SITUATIONS, type InsightKind, type Situation } from '../types.js';
import type { BankQuestion, QuestionKind } from './types.js';

const ALL: Situation[] = [...SITUATIONS];

function q(id: string, kind: QuestionKind, minutes: number, situations: Situation[], insights: InsightKind[], text: string): BankQuestion {
  return { id, topic: id, kind, text, minutes, situations, insights, builtIn: true };
}

export const BUILT_IN_QUESTIONS: readonly BankQuestion[] = [
  q('why-field', 'topic', 2, ALL, ['industry'], 'What drew you to {field} in the first place, and what has kept you in it?'),
  q(
    'how-in',
    'topic',
    2,
    ALL,
    ['search-tips', 'job-market'],
    'How did you get your start in {field}? What was the step that opened the door?',
  ),
  q(
    'highlights',
    'topic',
    3,
    ALL,
    ['industry', 'search-tips'],
    'Looking back, which moves in your career stand out for you, and what made you decide to take them?',
  ),
  q(
    'path',
    'topic',
    3,
    ['career-change', 'new-graduate', 're-entering'],
    ['search-tips', 'job-market'],
    'If someone with a background like mine wanted to get into {field} today, what route would you suggest?',
  ),
  q(
    'education',
    'topic',
    2,
    ['career-change', 'new-graduate', 're-entering'],
    ['job-market', 'search-tips'],
    'Would more training or a qualification make a difference in {field}? If so, which programmes or courses are worth the time?',
  ),
  q('differently', 'topic', 2, ALL, ['search-tips'], 'If you were starting out in {field} again, what would you do differently?'),
  q('strengths', 'topic', 2, ALL, ['job-market', 'resume'], 'Which strengths matter most for doing well in this kind of work?'),
  q(
    'resume',
    'topic',
    3,
    ALL,
    ['resume'],
    'Would you be willing to glance at my résumé and tell me what stands out, and what looks thin for {field}?',
  ),
  q('typical-day', 'topic', 2, ALL, ['industry'], 'What does a typical week look like for you? Where does most of your time go?'),
  q(
    'pay',
    'topic',
    2,
    ALL,
    ['job-market'],
    'What is a realistic salary range for someone starting in {field}, and how does it tend to grow?',
  ),
  q('best', 'topic', 2, ALL, ['industry'], 'What do you enjoy most about your work?'),
  q('worst', 'topic', 2, ALL, ['industry'], 'What are the hardest or most frustrating parts of the job?'),
  q(
    'second-choice',
    'topic',
    2,
    ['career-change', 'new-graduate'],
    ['industry'],
    'If you had not gone into {field}, what would you most likely be doing instead?',
  ),
  q('recommend', 'topic', 2, ALL, ['industry'], 'Would you recommend {field} to a friend or someone in your family? Why, or why not?'),
  q('adapting', 'topic', 3, ALL, ['industry'], 'How is {field} adapting to new technology, to the economy and to new competitors?'),
  q(
    'opportunities',
    'topic',
    2,
    ALL,
    ['industry', 'job-market'],
    'Which parts of {field} are growing, and where do you see new opportunities?',
  ),
  q('threats', 'topic', 2, ALL, ['industry'], 'What worries people in {field} right now? What could shrink or disrupt it?'),
  q(
    'skills-fit',
    'topic',
    3,
    ALL,
    ['resume', 'job-market'],
    'From what you know of my background, which of my skills would carry over, and which ones should I build next?',
  ),
  q('why-leave', 'topic', 2, ALL, ['industry', 'job-market'], 'When people leave {field}, what usually drives them out?'),
  q('five-years', 'topic', 2, ALL, ['industry', 'job-market'], 'How do you expect {field} to change over the next five years?'),
  q('trends', 'tiara', 2, ALL, ['industry'], 'Which trends in {field} are you watching most closely at the moment?'),
  q(
    'insights',
    'tiara',
    2,
    ALL,
    ['industry', 'search-tips'],
    'What do you know now about this work that you wish someone had told you at the start?',
  ),
  q('advice', 'tiara', 2, ALL, ['search-tips'], 'What advice would you give someone in my position who wants to move into {field}?'),
  q(
    'resources',
    'tiara',
    2,
    ALL,
    ['search-tips', 'contacts'],
    'Which newsletters, groups, events or courses would you pay attention to if you were in my place?',
  ),
  q(
    'assignments',
    'tiara',
    2,
    ALL,
    ['search-tips'],
    'Is there a small project or task I could take on to test whether this work suits me?',
  ),
  q(
    'who-else',
    'topic',
    2,
    ALL,
    ['contacts'],
    'Is there anyone else you think I should talk to? And would you be comfortable with me mentioning your name?',
  ),
  q(
    'prep-about-me',
    'prep',
    1,
    ALL,
    [],
    'Tell me about yourself: in three or four sentences, where you are now, what you have done, and what brings you to this conversation.',
  ),
  q('prep-why-field', 'prep', 1, ALL, [], 'Why {field}? What pulls you toward it, and what have you already done to explore it?'),
  q('prep-why-role', 'prep', 1, ALL, [], 'Why this kind of role? Which parts of the work match what you do well and enjoy?'),
  q('prep-why-org', 'prep', 1, ALL, [], 'Why this organisation? What have you learned about it that makes you want to know more?'),
];

/**
 * How readily a question earns a place in a suggested plan before coverage and situation are
 * weighed: the openers and the questions nearly everyone finds useful rank above the niche ones.
 */
export const SUGGESTION_WEIGHT: Readonly<Record<string, number>> = {
  'why-field': 3,
  'how-in': 3,
  'typical-day': 2.5,
  advice: 2.5,
  best: 2,
  worst: 2,
  path: 2,
  strengths: 2,
  'skills-fit': 2,
  differently: 2,
  insights: 2,
  trends: 1.5,
  education: 1.5,
  'five-years': 1.5,
  opportunities: 1.5,
  resources: 1.5,
  highlights: 1.5,
  'second-choice': 1,
  threats: 1,
  adapting: 1,
  recommend: 1,
  pay: 1,
  resume: 1,
  'why-leave': 1,
  assignments: 1,
};

/**
 * The questions each situation especially calls for (PRODUCT.md, "The loop", step 1): a career
 * changer weighs education and a second choice; a new graduate needs the way in.
 */
export const SITUATION_FOCUS: Readonly<Record<Situation, readonly string[]>> = {
  'career-change': ['education', 'second-choice', 'skills-fit', 'how-in'],
  'new-graduate': ['how-in', 'path', 'typical-day', 'strengths'],
  're-entering': ['adapting', 'skills-fit', 'education', 'five-years'],
  'next-job': ['opportunities', 'why-leave', 'pay', 'highlights'],
};

const BY_ID = new Map(BUILT_IN_QUESTIONS.map((b) => [b.id, b]));

export function builtInQuestion(id: string): BankQuestion | undefined {
  return BY_ID.get(id);
}
