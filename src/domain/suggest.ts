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
  contacts: SuggestContact[];
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
const SENIOR = /\b(senior|sr|lead|head|principal|director|chief|vp|vice president|manager|partner|founder|staff)\b/i;
const STOP = new Set(['and', 'or', 'in', 'of', 'the', 'for', 'a', 'an', 'to', 'at', 'on', 'with']);

const words = (text: string): string[] => foldedWords(text).filter((w) => w.length > 1 && !STOP.has(w));

/** Crude stemming, enough that "researcher" matches "research" and "designs" matches "design". */
const stem = (w: string) => w.replace(/(ers|er|ing|s)$/, '');

export function suggest(input: SuggestInput, limit: number): Suggestion[] {
  const fieldStems = new Set(words(input.field).map(stem));
  const byId = new Map(input.contacts.map((c) => [c.id, c]));
  const known = (id: string) => {
    const c = byId.get(id);
    return !!c && !c.doNotContact && (c.tie === 'close' || c.tie === 'acquaintance');
  };
  const introsTo = new Map<string, { introducerId: string; permission: Permission }[]>();
  for (const i of input.introductions) introsTo.set(i.contactId, [...(introsTo.get(i.contactId) ?? []), i]);
  const targetOf = new Map(input.targets.map((t) => [t.organisationId, t]));
  // People the user knows, by organisation: a way into a target for its other employees.
  const knownAt = new Map<string, SuggestContact>();
  for (const c of input.contacts) if (c.organisationId && known(c.id) && !knownAt.has(c.organisationId)) knownAt.set(c.organisationId, c);
  const recentCut = new Date(input.now.getTime() - 30 * DAY).toISOString();
  const yearCut = new Date(input.now.getTime() - 365 * DAY).toISOString();

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
      score = 100;
      reasons.push(`${name} introduced you and said you may use their name`);
      via = { contactId: granted.introducerId, name };
    } else if (c.tie === 'friend-of-contact' || mutual) {
      score = 80;
      if (mutual) {
        const name = byId.get(mutual.introducerId)!.name;
        reasons.push(`${name}, whom you know, knows them and could introduce you`);
        via = { contactId: mutual.introducerId, name };
      } else reasons.push('a friend of one of your contacts');
    } else if (c.tie === 'acquaintance') {
      score = 60;
      reasons.push('an acquaintance: looser ties often know of openings your close circle does not');
    } else if (c.tie === 'close') {
      score = 50;
      reasons.push('someone close to you, easy to ask');
    } else if (c.organisationIsAssociation || c.tags.some((t) => /association|guild|society/i.test(t))) {
      score = 30;
      reasons.push(`a member of ${c.organisationIsAssociation && c.organisation ? c.organisation : 'a professional association'}`);
    } else if (c.title && SENIOR.test(c.title) && relevantTitle) {
      score = 30;
      reasons.push(`a senior person in the field (${c.title})`);
    } else {
      score = 10;
      reasons.push('a cold contact: ask only with a clear, specific reason');
    }

    if (relevant) {
      score += 15;
      reasons.push(
        `works close to the field${c.title ? ` (${c.title}${c.organisation ? `, ${c.organisation}` : ''})` : c.organisation ? ` (${c.organisation})` : ''}`,
      );
    }
    if (target) {
      score += target.motivation * 4 + target.posting * 2;
      reasons.push(`at ${c.organisation ?? 'a target organisation'}, one of your targets (motivation ${target.motivation}/3)`);
      const colleague = c.organisationId ? knownAt.get(c.organisationId) : undefined;
      if (!via && colleague && colleague.id !== c.id && !known(c.id)) {
        via = { contactId: colleague.id, name: colleague.name };
        reasons.push(`${colleague.name}, whom you know, works there too and could introduce you`);
      }
    }
    if (c.lastTouchAt && c.lastTouchAt >= yearCut) {
      score += 5;
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
  return out.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}
