// Rules about what the user asks: questions research would answer, asking them to choose the
// user's career, the "who else should I talk to?" question, and whether a plan fits the time.
import { matches, type Piece } from './text.js';

const ORG =
  '(?:company|firm|organi[sz]ation|organisation|agency|startup|start-up|business|employer|team|department|group|lab|studio|practice|school|charity|nonprofit|non-profit)';

const RESEARCHABLE: RegExp[] = [
  new RegExp(
    `\\bwhat (?:exactly )?(?:does|do) (?:your|the|this|that|you guys'?) ${ORG}s? (?:actually |exactly |even )?do\\b(?! (?:differently|well|better|about|when|to|that|for (?:people|someone|new)))`,
    'g',
  ),
  new RegExp(
    `\\bwhat (?:your|the) ${ORG} (?:actually |exactly |really )?does\\b(?! (?:differently|well|better|about|when|for (?:people|someone|new)))`,
    'g',
  ),
  new RegExp(`\\bwhat (?:kind|sort|type) of (?:work|business) (?:does|do) (?:your|the) ${ORG}s? do\\b`, 'g'),
  /\bwhat (?:is it|exactly is it)(?: that)? you do\b(?! (?:on a|day|in a typical|differently|best))/g,
  /\bwhat (?:do|did) you do (?:for a living|for work)\b|\bwhat(?: is|'s) your (?:job )?title\b|\bwhat do you do(?: exactly)?\s*(?:\?|$)/g,
  /\bwhat does an? [\p{L} -]{2,30}? do\s*(?:\?|$)/gu,
  new RegExp(
    `\\bwhere (?:is|are) (?:your|the) ${ORG}s? (?:based|located|headquartered)\\b|\\bwhere (?:is|are) you(?:r office)? (?:based|located)\\b`,
    'g',
  ),
  new RegExp(`\\bhow (?:many|big) (?:(?:employees|people|staff) (?:does|do|are there|work)|is (?:your|the) ${ORG})`, 'g'),
  new RegExp(
    `\\b(?:when|who|how long ago) (?:was|were|founded|started) (?:your|the) ${ORG}(?: (?:founded|started|created|set up))?\\b|\\bwho (?:founded|owns|started|runs) (?:your|the) ${ORG}\\b`,
    'g',
  ),
  new RegExp(
    `\\bwhat (?:products|services|industry|sector|market)s? (?:does|do|is|are) (?:your|the) ${ORG}\\b|\\bwhat (?:products|services) do you (?:sell|offer|make)\\b`,
    'g',
  ),
  new RegExp(
    `\\bwhat(?: is|'s) (?:your|the) ${ORG}'?s? (?:mission|name|address|website|stock price|revenue)\\b|\\bis (?:your|the) ${ORG} (?:public|publicly traded|listed)\\b`,
    'g',
  ),
  /\bwhere did you (?:go to (?:school|college|university)|study|graduate)\b|\bhow long have you (?:worked|been) (?:there|at)\b|\bwhat (?:school|university|college) did you (?:go to|attend)\b/g,
];

const CAREER_DIRECTION: RegExp[] = [
  /\bwhat should i do (?:with|about) my (?:life|career|future)\b/g,
  /\bwhat (?:career|job|field|path|direction|industry|major|line of work) should i (?:choose|pick|go into|pursue|take|follow|get into|do|aim for|go for)\b/g,
  /\b(?:which|what) (?:career|field|path|job|industry|direction) (?:is|would be) (?:right|best|the right one|a good fit) for me\b/g,
  /\b(?:decide|choose|pick|plan) (?:my|a) (?:career|path|future|next step) for me\b|\btell me (?:what|which) (?:career|job|field|path)(?: i should| to)\b/g,
  /\b(?:what do you think|do you think) i should do (?:with my|next|for a living|with my life)\b/g,
  /\bwhat (?:job|kind of job|career) should i (?:get|look for|apply for|aim for)\b/g,
  /\bshould i (?:become|be) an? [\p{L} -]{2,30}?(?: or\b|\?|$)|\bshould i (?:quit|leave|switch|change|stay in) (?:my|careers|fields|jobs|this)\b|\bshould i (?:go into|pursue|choose|switch to|move into) [\p{L} -]{2,30}?(?: or\b|\?|$)/gu,
  /\bis (?:this|[\p{L}]+) (?:the right )?(?:career|field|path|job) (?:right )?for me\b|\bwhat (?:am i|i am) (?:best )?suited (?:for|to)\b|\bwhat (?:would|do) you (?:think|say) i(?:'m| am) (?:good at|cut out for)\b/gu,
];

/** Spans where a piece asks what research would answer. */
export function researchable(pieces: Piece[]): Piece[] {
  return hits(pieces, RESEARCHABLE);
}

/** Spans where a piece asks the reader to decide the user's career. */
export function careerDirection(pieces: Piece[]): Piece[] {
  return hits(pieces, CAREER_DIRECTION);
}

function hits(pieces: Piece[], res: RegExp[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    if (res.some((re) => !matches(re, p.text).next().done)) out.push(p);
  }
  return out;
}

// "Who else should I talk to?" in its many forms: a person word and a meeting word in one question.
const PERSON = /\b(?:who|whom|anyone|anybody|someone|somebody|people|person|others|colleagues?|contacts?|names?|peers|one or two|folks)\b/;
const MEET =
  /\b(?:talk(?:ing)?|speak(?:ing)?|meet(?:ing)?|contact(?:ing)?|reach(?:ing)? out|reach|chat(?:ting)?|introduc(?:e|ing|tion)|connect(?:ing)?|put me in touch|learn from|point me|pass (?:me|my name)|refer me|recommend (?:i|that i|me)|suggest (?:i|that i)|should i (?:ask|approach|call|email|write))\b/;
const REFERRAL_ALONE =
  /\bwho else\b[^?]*\b(?:should|could|would|might)\b|\banyone else (?:i|you)\b|\bnames? of (?:people|others|anyone|colleagues)\b/;

export function isReferralQuestion(line: string): boolean {
  return (PERSON.test(line) && MEET.test(line)) || REFERRAL_ALONE.test(line);
}

const ID_PREFIX = /^([a-z0-9][a-z0-9-]{1,40}):\s+/;

/** Minutes a question of a plan will take: a given figure for its id or text, else by its length. */
export function questionMinutes(line: Piece, original: string, given: Record<string, number> | undefined): number {
  const id = ID_PREFIX.exec(line.text)?.[1];
  const exact = original.slice(line.start, line.end).trim();
  if (given) {
    if (id !== undefined && given[id] !== undefined) return given[id];
    if (given[exact] !== undefined) return given[exact];
  }
  const words = line.text.split(/\s+/).length;
  const asks = (line.text.match(/\?/g) ?? []).length;
  // Most questions with their answer take about two minutes; long or compound ones take three.
  return words > 25 || asks > 1 || /\band (?:what|how|why|where|which|who)\b/.test(line.text) ? 3 : 2;
}
