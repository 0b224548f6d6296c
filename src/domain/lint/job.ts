// asks-for-job: a request for a job, an opening, a referral to a position, or whether they are
// hiring. Keywords alone would flag "how did you get your first job?", so each candidate is read
// in its clause: an ask (could you / is there / I'm looking for / keep me in mind) aimed at a job
// that is not the reader's own, not in the past, and not negated ("I'm not asking for a job").
import { clauses, matches, type Piece } from './text.js';

const NEGATION = /\b(?:not|never|no|nor|without|rather than|instead of|nothing|neither)\b|n't\b|\bcannot\b/;
// Phrases that contain a negation word but do not negate the ask that follows them.
const HEDGES =
  /\b(?:not sure (?:if|whether)|no idea (?:if|whether)|not certain (?:if|whether)|(?:i )?don't know (?:if|whether)|i don't suppose|don't hesitate|not too (?:much|big|busy)|if not|why not|not only|no pressure|no worries|no rush|no obligation|not a problem|no problem)\b/g;

/** Is there a negation in `text` before `at`, other than a hedge? */
function negatedBefore(text: string, at: number): boolean {
  return NEGATION.test(text.slice(0, at).replace(HEDGES, (h) => ' '.repeat(h.length)));
}

// About the reader's own past or about the past in general: "how did you get your first job?".
const PAST =
  /\b(?:did you|have you ever|had you|when you|how you|once you|before you|after you|you (?:got|landed|found|moved|took|started|joined|applied|chose|switched|left|were|had|went|made|used to)|your (?:first|last|previous|current|old|past|early|earlier|own)|have there been|were there|was there|back then|when i was|i (?:had|lost|left|quit))\b/;

// Words that make the sentence a question about how things work rather than an ask.
const INFO_BETWEEN =
  /\b(?:how|what|which|why|where|when|who|whom|recommend|describe|explain|understand|imagine|compare|think about|tell me about|talk about|share|learn|hear|like about|see in|advice|advise|insight|perspective|tips|pointers|suggestions|thoughts|ideas|guidance|resources|strategies|lessons|stories|experience)\b/;

// Ways of asking: anything that turns a job noun after it into a request.
const FRAME =
  /\b(?:could|would|can|will|might) you\b|\bwould (?:it|there) be\b|\bis (?:there|it possible)\b|\bare there\b|\b(?:are|is) any\b|\bdo you (?:have|know of|happen to)\b|\bhave you got\b|\bdoes your (?:team|company|firm|group|organi[sz]ation|department)\b|^any\b|\bany chance\b|\bi(?:'m| am) (?:currently |actively |now )?(?:looking|searching|hoping|seeking|applying|asking)\b|\bi (?:seek|want|need)\b|\bi(?:'d| would) (?:like|love|welcome|appreciate|be grateful)\b|\bhelp me\b|\bconsider me\b|\b(?:wondering|wonder|curious|know|ask|asking) (?:if|whether)\b|\bplease\b|\blet me know\b|\bi was hoping\b|\b(?:could|can|may|might) i\b|\bwould be (?:great|wonderful|appreciated|helpful|amazing|brilliant|lovely|a huge help)\b/g;

const JOB_NOUN = /\b(?:jobs?|roles?|positions?|internships?|placements?|employment|opportunit(?:y|ies)|openings?|vacanc(?:y|ies))\b/g;
// Nouns that are an ask on their own once the sentence asks anything at all.
const OPENING =
  /\b(?:openings?|vacanc(?:y|ies)|open (?:roles?|positions?|jobs?|reqs?|headcount|spots?)|job opportunit(?:y|ies)|(?:roles?|positions?|jobs?) (?:that are |currently )?(?:open|available))\b/g;
const INDEFINITE = new Set(['a', 'an', 'any', 'some', 'another']);
const DEFINITE = new Set([
  'the',
  'your',
  'my',
  'his',
  'her',
  'their',
  'our',
  'this',
  'that',
  'these',
  'those',
  'each',
  'every',
  'which',
  'what',
  'such',
]);
const FOR_ME = /^\s*(?:\p{L}+\s+){0,3}?for (?:me|someone like me|a person like me|people like me)\b/u;
const AT_YOURS = /^\s*(?:on|in|at|with|within) (?:your|the) (?:team|company|firm|group|organi[sz]ation|department|office)\b/;
// "a job like yours": admiring their job, not asking for one.
const LIKE_THEIRS = /^\s*like (?:yours|your|theirs|hers|his|that)\b/;

const HIRING =
  /\b(?:is|are|'s|'re|be|am)\s+(?:[\p{L}'-]+\s+){0,3}?(?:hiring|recruiting|taking on (?:new )?(?:people|staff|anyone|graduates|juniors|interns|apprentices))\b(?!\s+(?:process(?:es)?|managers?|teams?|freeze|practices|decisions?|criteria|committee|bar|season|cycle|pipeline|trends|market|landscape|side|going|done|works?|agenc(?:y|ies)|firms?))|\b(?:anyone|anybody|someone|who) (?:who(?:'s| is) )?(?:hiring|recruiting)\b/gu;

// Asks that need no frame around them.
const DIRECT: RegExp[] = [
  /\bkeep me (?:in mind|on your radar|posted (?:on|about|if) (?:any |an? )?(?:openings?|roles?|positions?|jobs?|vacanc))/g,
  /\b(?:bear|hold) me in mind\b|\bthink of me (?:if|when|for|should)\b/g,
  /\b(?:if|when|should|as soon as|whenever) (?:anything|something|a (?:role|position|job|spot|seat|vacancy)|an (?:opening|opportunity|internship)|any (?:roles?|positions?|jobs?|openings?|vacancies))(?: \p{L}+)? (?:opens?|comes?|pops?|turns?|frees?) up\b/gu,
  /\bif you (?:hear|know|learn) of (?:anything|something|(?:any|an?) (?:\p{L}+ ){0,2}?(?:openings?|roles?|positions?|jobs?|vacanc(?:y|ies)|internships?|opportunit(?:y|ies)))\b(?! (?:useful|helpful|good|worth|to read|i should read))/gu,
  /\bput in a (?:good |kind |quick )?word\b|\bvouch for me\b|\bconsider me for\b/g,
  /\b(?:refer|recommend|nominate|put) me (?:forward |up )?for\b|\b(?:refer|recommend) me to (?:the |your |a )?(?:hiring|recruit|hr\b)/g,
  /\brefer me internally\b|\b(?:internal|employee) referral\b|\b(?:be|act as|serve as) (?:my|a) (?:referral|referee)\b|\bsubmit (?:a|my) referral\b/g,
  /\breferral (?:for|to) (?:a|an|the|this|that|any|your|one of)\b[^.?!]{0,25}?\b(?:roles?|positions?|jobs?|openings?|vacanc(?:y|ies)|internships?)\b/g,
  // Passing the résumé on: to the hiring side explicitly, or "along"/"internally" with a verb that implies a third party.
  /\b(?:pass(?:ing)?|forward(?:ing)?|send(?:ing)?|shar(?:e|ing)|hand(?:ing)?|giv(?:e|ing)|get(?:ting)?|put(?:ting)?|submit(?:ting)?|circulat(?:e|ing)|show(?:ing)?|rout(?:e|ing)|flag(?:ging)?)\b[^.?!]{0,25}?\bmy (?:cv|r[eé]sum[eé]|application|portfolio)(?![\p{L}])[^.?!]{0,12}?(?:\bin front of\b|\b(?:on )?to (?:the |your |a |any )?(?:whoever|someone|anyone|somebody|hiring|recruit|hr\b|people who|manager|team)|\bwith (?:the |your )?(?:hiring|recruit|hr\b|manager|team|people who))/gu,
  /\b(?:pass(?:ing)?|forward(?:ing)?|shar(?:e|ing)|circulat(?:e|ing)|rout(?:e|ing)|flag(?:ging)?)\b[^.?!]{0,25}?\bmy (?:cv|r[eé]sum[eé]|application|portfolio)(?![\p{L}])[^.?!]{0,12}?\b(?:along|around|internally|through|on)\b/gu,
  /\b(?:pass(?:ing)?|forward(?:ing)?|send(?:ing)?|giv(?:e|ing)|put(?:ting)?)\b[^.?!]{0,20}?\bmy (?:name|details|profile)\b[^.?!]{0,20}?\b(?:to|with) (?:the |your |a )?(?:hiring|recruit|hr\b)/gu,
  /\bintroduce me to (?:the |your |a |an )?(?:hiring|recruit|hr\b)/g,
  /\b(?:cv|r[eé]sum[eé]) (?:to|with|in front of) (?:the |your )?(?:hiring|recruit|hr\b)/g,
  /\b(?:help|get) me (?:get |land |secure |find |obtain |into )?(?:a|an) (?:foot in the door|interview|job|role|position|offer|internship)\b/g,
  /\bhelp (?:me )?with my job (?:search|hunt)\b/g,
  /\b(?:job|role|position|place|spot|opening|room|anything|something) (?:open |available )?for (?:me|someone like me)\b/g,
  /\b(?:love|like|want|hoping|hope|chance) to (?:join|work (?:for|at)) (?:you|your (?:team|company|firm|group|organi[sz]ation))\b/g,
  /\b(?:(?:could|can|should|may|might|how (?:can|do|should|would|could)) i|like to|want to|help me|way to|way i could) apply (?:for|to|at) (?:a|an|the|any|your|one of)\b/g,
  /\bi(?:'m| am|'ve been| have been)\s+(?:currently |actively |now |also )?(?:looking|searching|hunting)\s+for (?:a |an |my next |my first |a new |new |any |some )?(?:[\p{L}-]+ ){0,2}?(?:jobs?|roles?|positions?|work|employment|internships?|opportunit(?:y|ies))\b/gu,
];

// Asks that count unless the clause is a how/what/why question ("what would make you hire someone like me?").
const DIRECT_UNLESS_ASKING_HOW: RegExp[] = [/\bhire (?:me|someone like me|people like me|a person like me)\b/g];

/** The clause of `s` (split into `parts`) that holds index `at` (sentence-relative). */
function clauseAt(s: Piece, parts: Piece[], at: number): Piece {
  const abs = s.start + at;
  return parts.find((c) => abs >= c.start && abs < c.end) ?? s;
}

/** Is the job noun at `at` (sentence-relative) an indefinite one, or one asked "for me"? */
function isSought(text: string, at: number, end: number): boolean {
  const after = text.slice(end);
  if (FOR_ME.test(after)) return true;
  if (LIKE_THEIRS.test(after)) return false;
  const before = text
    .slice(Math.max(0, at - 60), at)
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean)
    .slice(-4)
    .reverse();
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    if (INDEFINITE.has(w)) return true;
    if (w === 'next' && before[i + 1] === 'my') return true;
    if (DEFINITE.has(w)) return false;
  }
  return AT_YOURS.test(after) || /\b(?:open|available)\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(0, at));
}

function framedBefore(text: string, at: number): { end: number } | null {
  let last: { end: number } | null = null;
  for (const m of matches(FRAME, text)) {
    if (m.index >= at) break;
    last = { end: m.index + m[0].length };
  }
  return last;
}

/** Where the message asks for a job: one span per clause that does. */
export function jobAsks(sentences: Piece[]): Piece[] {
  const found = new Map<number, Piece>();
  for (const s of sentences) {
    const t = s.text;
    const question = t.includes('?');
    const parts = clauses(s);
    const flag = (at: number) => {
      const c = clauseAt(s, parts, at);
      if (!found.has(c.start)) found.set(c.start, c);
    };
    const inClause = (at: number) => {
      const c = clauseAt(s, parts, at);
      return { text: c.text, at: s.start + at - c.start };
    };

    for (const re of DIRECT) {
      for (const m of matches(re, t)) {
        const c = inClause(m.index);
        if (!negatedBefore(c.text, c.at)) flag(m.index);
      }
    }

    for (const re of DIRECT_UNLESS_ASKING_HOW) {
      for (const m of matches(re, t)) {
        const c = inClause(m.index);
        const before = c.text.slice(0, c.at);
        if (!negatedBefore(c.text, c.at) && !/\b(?:how|what|why|when)\b/.test(before) && !PAST.test(before)) flag(m.index);
      }
    }

    for (const m of matches(HIRING, t)) {
      const c = inClause(m.index);
      const before = c.text.slice(0, c.at);
      if (!question && !framedBefore(t, m.index)) continue;
      if (negatedBefore(c.text, c.at) || PAST.test(before) || /\b(?:how|why|what|when)\b/.test(before)) continue;
      flag(m.index);
    }

    const framed = question || !matches(FRAME, t).next().done;
    for (const m of matches(OPENING, t)) {
      const c = inClause(m.index);
      const before = c.text.slice(0, c.at);
      if (!framed) continue;
      if (negatedBefore(c.text, c.at) || PAST.test(before) || /\b(?:how|why|when|where)\b/.test(before)) continue;
      if (/\b(?:the|your|my|his|her|their|our)\s+$/.test(before)) continue;
      flag(m.index);
    }

    for (const m of matches(JOB_NOUN, t)) {
      const frame = framedBefore(t, m.index);
      if (!frame) continue;
      const c = inClause(m.index);
      const before = c.text.slice(0, c.at);
      if (INFO_BETWEEN.test(t.slice(frame.end, m.index)) || INFO_BETWEEN.test(before)) continue;
      if (negatedBefore(c.text, c.at) || PAST.test(before)) continue;
      if (!isSought(t, m.index, m.index + m[0].length)) continue;
      flag(m.index);
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
