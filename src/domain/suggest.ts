// Whom to ask first (CONTRACTS.md, "Suggest"): a ranked list with the reasons in words. Warmth
// decides most — introductions with permission, then friends of contacts, then acquaintances
// (moderately weak ties help job moves most), close ties, association members and senior people
// in the field, then cold contacts — adjusted by relevance to the field, target priority and how
// recently the relationship was active.
import { foldedWords } from './names.js';
import type { InterviewStatus, Permission, TargetStatus, Tie } from './types.js';

export interface SuggestContact {
  id: string;
  name: string;
  tie: Tie;
  doNotContact: boolean;
  organisationId: string | null;
  organisation: string | null;
  organisationIsAssociation: boolean;
  title: string | null;
  tags: string[];
  lastTouchAt: string | null;
}

export interface SuggestTarget {
  organisationId: string;
  motivation: number;
  posting: number;
  status: TargetStatus;
}

export interface SuggestInput {
  field: string;
  now: Date;
  /** The contacts to rank: the whole network, or a pre-selection that holds everyone who could make the list. */
  contacts: SuggestContact[];
  /** Contacts who may be named as the way in (introducers, colleagues at a target) but are not ranked. */
  others?: SuggestContact[];
  introductions: { introducerId: string; contactId: string; permission: Permission }[];
  /** Status of each contact's interview in this campaign, if any. */
  inCampaign: Map<string, InterviewStatus>;
  /** Contacts with a `requested` interview in any campaign. */
  requestedAnywhere: Set<string>;
  targets: SuggestTarget[];
}

export interface Suggestion {
  contactId: string;
  name: string;
  score: number;
  reasons: string[];
  /** The mutual contact to ask for an introduction, when the best path runs through one. */
  via: string | null;
  viaContactId: string | null;
  /** Their interview's status in this campaign when they are already on the board (a prospect). */
  inCampaign: InterviewStatus | null;
}

const DAY = 24 * 3600 * 1000;

/**
 * The points a suggestion's score is made of. The store's pre-selection computes an upper bound of
 * the score in SQL from the same numbers, so they live here, once.
 */
export const POINTS = {
  granted: 100,
  /** A friend of a contact, or someone a contact the user knows knows. */
  friend: 80,
  acquaintance: 60,
  close: 50,
  /** An association member, or a senior person in the field, who is otherwise cold. */
  member: 30,
  cold: 10,
  relevant: 15,
  recent: 5,
} as const;

/** The score of someone with nothing but their tie to go on: the least their score can be. */
export const tiePoints: Record<Tie, number> = {
  'friend-of-contact': POINTS.friend,
  acquaintance: POINTS.acquaintance,
  close: POINTS.close,
  cold: POINTS.cold,
};

/** What a target organisation adds to the score of the people who work there, per point of its priority. */
export const TARGET_POINTS = { motivation: 4, posting: 2 } as const;
export const targetPoints = (t: { motivation: number; posting: number }) =>
  t.motivation * TARGET_POINTS.motivation + t.posting * TARGET_POINTS.posting;

/** The tag words that make someone an association member (matched anywhere in a tag, any case). */
export const MEMBER_TAG_WORDS = ['association', 'guild', 'society'] as const;
const MEMBER_TAG = new RegExp(MEMBER_TAG_WORDS.join('|'), 'i');

/** Touches at or after `recent` exclude a contact; touches at or after `year` earn the recency points. */
export function touchCuts(now: Date): { recent: string; year: string } {
  return {
    recent: new Date(now.getTime() - 30 * DAY).toISOString(),
    year: new Date(now.getTime() - 365 * DAY).toISOString(),
  };
}

const SENIOR = /\b(senior|sr|lead|head|principal|director|chief|vp|vice president|manager|partner|founder|staff)\b/i;
const STOP = new Set(['and', 'or', 'in', 'of', 'the', 'for', 'a', 'an', 'to', 'at', 'on', 'with']);

const words = (text: string): string[] => foldedWords(text).filter((w) => w.length > 1 && !STOP.has(w));

/** Crude stemming, enough that "researcher" matches "research" and "designs" matches "design". */
const stem = (w: string) => w.replace(/(ers|er|ing|s)$/, '');

/**
 * Prefixes that every word relevant to `field` starts with (a word starts with its own stem), so a
 * prefix search for them finds everyone relevant, and some more. A stem can be empty ("ers"): then
 * the words it matches are "er", "ers" and "ing".
 */
export function relevancePrefixes(field: string): string[] {
  const out = new Set<string>();
  for (const w of words(field)) {
    const s = stem(w);
    for (const p of s ? [s] : ['er', 'ing']) out.add(p);
  }
  return [...out];
}

/** The order of equal scores: by name, then by id so that the order never depends on the input's. */
export function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function suggest(input: SuggestInput, limit: number): Suggestion[] {
  const fieldStems = new Set(words(input.field).map(stem));
  const everyone = [...input.contacts, ...(input.others ?? [])];
  const byId = new Map<string, SuggestContact>();
  for (const c of everyone) if (!byId.has(c.id)) byId.set(c.id, c);
  const known = (id: string) => {
    const c = byId.get(id);
    return !!c && !c.doNotContact && (c.tie === 'close' || c.tie === 'acquaintance');
  };
  const introsTo = new Map<string, { introducerId: string; permission: Permission }[]>();
  for (const i of input.introductions) introsTo.set(i.contactId, [...(introsTo.get(i.contactId) ?? []), i]);
  const targetOf = new Map(input.targets.map((t) => [t.organisationId, t]));
  // People the user knows, by organisation: a way into a target for its other employees (the
  // first by name, so that the choice does not depend on the order the store read them in).
  const knownAt = new Map<string, SuggestContact>();
  for (const c of byId.values()) {
    if (!c.organisationId || !known(c.id)) continue;
    const first = knownAt.get(c.organisationId);
    if (!first || byName(c, first) < 0) knownAt.set(c.organisationId, c);
  }
  const { recent: recentCut, year: yearCut } = touchCuts(input.now);

  const out: Suggestion[] = [];
  for (const c of input.contacts) {
    if (c.doNotContact || input.requestedAnywhere.has(c.id)) continue;
    const status = input.inCampaign.get(c.id);
    if (status && status !== 'prospect') continue;
    if (c.lastTouchAt && c.lastTouchAt >= recentCut) continue;
    const target = c.organisationId ? targetOf.get(c.organisationId) : undefined;
    if (target?.status === 'ruled-out') continue;

    const reasons: string[] = [];
    let via: { contactId: string; name: string } | null = null;
    const intros = introsTo.get(c.id) ?? [];
    const granted = intros.find((i) => i.permission === 'granted' && byId.has(i.introducerId));
    const mutual = intros.find((i) => known(i.introducerId));
    const relevantTitle = c.title ? words(c.title).some((w) => fieldStems.has(stem(w))) : false;
    const relevant = relevantTitle || words(`${c.organisation ?? ''} ${c.tags.join(' ')}`).some((w) => fieldStems.has(stem(w)));

    let score: number;
    if (granted) {
      const name = byId.get(granted.introducerId)!.name;
      score = POINTS.granted;
      reasons.push(`${name} introduced you and said you may use their name`);
      via = { contactId: granted.introducerId, name };
    } else if (c.tie === 'friend-of-contact' || mutual) {
      score = POINTS.friend;
      if (mutual) {
        const name = byId.get(mutual.introducerId)!.name;
        reasons.push(`${name}, whom you know, knows them and could introduce you`);
        via = { contactId: mutual.introducerId, name };
      } else reasons.push('a friend of one of your contacts');
    } else if (c.tie === 'acquaintance') {
      score = POINTS.acquaintance;
      reasons.push('an acquaintance: looser ties often know of openings your close circle does not');
    } else if (c.tie === 'close') {
      score = POINTS.close;
      reasons.push('someone close to you, easy to ask');
    } else if (c.organisationIsAssociation || c.tags.some((t) => MEMBER_TAG.test(t))) {
      score = POINTS.member;
      reasons.push(`a member of ${c.organisationIsAssociation && c.organisation ? c.organisation : 'a professional association'}`);
    } else if (c.title && SENIOR.test(c.title) && relevantTitle) {
      score = POINTS.member;
      reasons.push(`a senior person in the field (${c.title})`);
    } else {
      score = POINTS.cold;
      reasons.push('a cold contact: ask only with a clear, specific reason');
    }

    if (relevant) {
      score += POINTS.relevant;
      reasons.push(
        `works close to the field${c.title ? ` (${c.title}${c.organisation ? `, ${c.organisation}` : ''})` : c.organisation ? ` (${c.organisation})` : ''}`,
      );
    }
    if (target) {
      score += targetPoints(target);
      reasons.push(`at ${c.organisation ?? 'a target organisation'}, one of your targets (motivation ${target.motivation}/3)`);
      const colleague = c.organisationId ? knownAt.get(c.organisationId) : undefined;
      if (!via && colleague && colleague.id !== c.id && !known(c.id)) {
        via = { contactId: colleague.id, name: colleague.name };
        reasons.push(`${colleague.name}, whom you know, works there too and could introduce you`);
      }
    }
    if (c.lastTouchAt && c.lastTouchAt >= yearCut) {
      score += POINTS.recent;
      reasons.push('you have been in touch within the year');
    }
    out.push({
      contactId: c.id,
      name: c.name,
      score,
      reasons,
      via: via?.name ?? null,
      viaContactId: via?.contactId ?? null,
      inCampaign: status ?? null,
    });
  }
  return out
    .sort((a, b) => b.score - a.score || byName({ name: a.name, id: a.contactId }, { name: b.name, id: b.contactId }))
    .slice(0, limit);
}
