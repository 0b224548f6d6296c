// Rules about the message as a whole: its length, whether it asks, how much time it asks for,
// what it opens with, whom it is about, and a résumé pushed in a first request.
import { isGreeting, isSignOff, matches, type Piece } from './text.js';

// "Would you be open to…", "Could you…", "I'd be grateful if you…": asking without a question mark.
const ASKS =
  /\?|\b(?:would|could|can|will|might) you\b|\bwould (?:it|there) be\b|\bwould you be (?:willing|open|available|free)\b|\bi(?:'d| would) be (?:grateful|thankful|glad|delighted) if\b|\bi(?:'d| would) (?:appreciate|value|welcome) (?:it if|the chance|a chance|any|your|\d|a few|some|twenty|fifteen|ten|half)\b|\b(?:i was|i am|i'm) (?:wondering|hoping) (?:if|whether|you|to|we)\b|\blet me know (?:if|whether|when|what)\b|\bif you(?:'d| would)? (?:be|have|are|were) (?:open|willing|free|available|up for|able)\b|\bif you have (?:time|a moment|\d+|a few|fifteen|twenty|ten)\b|\bplease (?:let|suggest|send|tell|reply|pick)\b|\bare you (?:free|available|open)\b|\bcan we\b|\bcould we\b|\bshall we\b|\bhappy to (?:work around|fit around|meet)\b/;

export function asks(norm: string): boolean {
  return ASKS.test(norm);
}

const NUMBER_WORDS: Record<string, number> = {
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  'twenty-five': 25,
  thirty: 30,
  'forty-five': 45,
  forty: 40,
  sixty: 60,
  ninety: 90,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
};
const NUM = `(?:\\d{1,3}|five|ten|fifteen|twenty(?:-five)?|thirty|forty(?:-five)?|sixty|ninety|a|an|one|two)`;
const DURATION = new RegExp(
  `\\b(?:(half an?) hour|(${NUM})(?:\\s*(?:-|\\u2013|to|or)\\s*(${NUM}))?[\\s-]*(minutes?|mins?|hours?|hrs?)\\b)|\\b(?:(quarter of an) hour)`,
  'g',
);

const minutesOf = (n: string | undefined): number => (n === undefined ? NaN : /^\d+$/.test(n) ? Number(n) : (NUMBER_WORDS[n] ?? NaN));

export interface TimeAsk {
  start: number;
  end: number;
  minutes: number;
}

/** The lengths of time the message names, in minutes ("20 minutes", "15–20 min", "half an hour"). */
export function timeAsks(norm: string): TimeAsk[] {
  const out: TimeAsk[] = [];
  for (const m of matches(DURATION, norm)) {
    let minutes: number;
    if (m[1]) minutes = 30;
    else if (m[5]) minutes = 15;
    else {
      const unit = m[4]!.startsWith('h') ? 60 : 1;
      const low = minutesOf(m[2]);
      const high = m[3] === undefined ? low : minutesOf(m[3]);
      minutes = Math.max(low, high) * unit;
    }
    if (!Number.isFinite(minutes) || minutes <= 0) continue;
    // "a few minutes", "in an hour from here", "years": none of these is a request for time.
    if (/\bfew\s*$/.test(norm.slice(Math.max(0, m.index - 6), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, minutes });
  }
  return out;
}

const REASON =
  /\b(?:suggested|recommended|referred|mentioned|told me|pointed me|put me in touch|introduced|gave me your (?:name|details|email)|passed (?:on|along) your|said you|thought you|we met|we spoke|we chatted|met you|meeting you|fellow|alum|alumn[ai]|alumnus|graduate of|same (?:school|university|program|programme|course|team|company)|read your|saw your|heard (?:you|your)|watched your|listened to your|enjoyed your|your (?:article|talk|post|book|podcast|presentation|paper|panel|essay|interview|newsletter|thread|session|keynote|work on|piece|blog)|i(?:'m| am) writing (?:because|to|as|since)|writing to (?:ask|you)|reaching out (?:because|to|as|since)|i(?:'m| am) reaching out|member of|both (?:members|volunteer|work|studied|attended|went|belong)|mutual|friend|colleague|worked (?:together|with you)|studied together|classmate|neighbou?r|cousin|former|at the (?:conference|meetup|event|talk|panel|workshop|fair|summit)|\bvia\b|through (?:the|our|a|my)|connected on|on linkedin)\b/;
const PLEASANTRY =
  /^(?:i hope (?:this|you|all|your|the)|hope (?:you|this|all|your)|i trust (?:you|this)|how are you|happy (?:new year|monday|friday)|thanks for (?:connecting|accepting))\b/;

const GREETS = /^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)|hiya)\b/;

/**
 * The opening: the first sentence after the greeting and a pleasantry. A greeting that runs on in
 * the same sentence ("Hi Sam, we met at…") or asks who is on the phone ("Hello, is this Ms. Patel?")
 * is read together with the sentence after it.
 */
export function opening(sentences: Piece[]): Piece[] {
  let i = 0;
  while (i < sentences.length && isGreeting(sentences[i]!)) i++;
  if (i < sentences.length - 1 && PLEASANTRY.test(sentences[i]!.text)) i++;
  const first = sentences[i];
  if (!first) return [];
  const next = sentences[i + 1];
  return GREETS.test(first.text) && next ? [first, next] : [first];
}

// Writing to someone the user already knows (an intro request), the reason is what must come first.
const REASON_TO_A_FRIEND =
  /\b(?:i(?:'m| am) (?:exploring|considering|researching|looking into|thinking about|learning about|hoping to)|a (?:small |quick )?(?:favour|favor)|you know|introduc(?:e|ing|tion))\b/;

export function statesConnection(opening: Piece[], introducerNames: readonly string[], toAFriend = false): boolean {
  if (toAFriend && opening.some((s) => REASON_TO_A_FRIEND.test(s.text))) return true;
  return opening.some(
    (s) =>
      REASON.test(s.text) ||
      introducerNames.some((n) => n.length > 1 && new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(s.text)),
  );
}

const SELF = /\b(?:i|me|my|mine|myself|i'm|i've|i'd|i'll)\b/g;
const OTHER = /\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)\b/g;

/** How much of the message is about the sender: first-person and second-person words counted. */
export function selfFocus(sentences: Piece[]): { self: number; other: number } {
  let self = 0;
  let other = 0;
  for (const s of sentences) {
    if (isGreeting(s) || isSignOff(s)) continue;
    self += (s.text.match(SELF) ?? []).length;
    other += (s.text.match(OTHER) ?? []).length;
  }
  return { self, other };
}

const ATTACHED: RegExp[] = [
  /\b(?:i(?:'ve| have)? (?:attached|enclosed|included)|attaching|i attach|i(?:'m| am) attaching|please (?:find|see) (?:attached|enclosed)|find (?:attached|enclosed)|here(?:'s| is) my|i(?:'m| am) sending (?:you )?my|i(?:'ll| will) send (?:you )?my|i(?:'d| would) like to send (?:you )?my)\b[^.?!\n]{0,30}?\b(?:cv|r[eé]sum[eé]|resume)(?![\p{L}])/gu,
  /\b(?:my |the )?(?:cv|r[eé]sum[eé]|resume) (?:is |are )?(?:attached|enclosed|below|included)\b|\b(?:cv|r[eé]sum[eé]|resume) (?:attached|enclosed)\b/gu,
  /\b(?:attached|enclosed)(?: (?:is|you'll find|please find))? (?:my |a copy of my |the )?(?:cv|r[eé]sum[eé]|resume)(?![\p{L}])/gu,
];
const NEG = /\b(?:not|won't|didn't|haven't|no need to|rather than|instead of)\b[^.?!]{0,20}$/;

/** Where a first request attaches or pushes a résumé. */
export function attachedResume(norm: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const re of ATTACHED) {
    for (const m of matches(re, norm)) {
      if (NEG.test(norm.slice(Math.max(0, m.index - 40), m.index))) continue;
      if (out.some((o) => m.index < o.end && m.index + m[0].length > o.start)) continue;
      out.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
