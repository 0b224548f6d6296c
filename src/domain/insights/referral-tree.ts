// The referral tree of a campaign: its interviewees who did not come through a referral in it
// are the roots; below each person, whom they referred during their interview. Depth is the
// longest chain, nodes the number of people; a branch "led to an outcome" when anyone in it did.
import type { InterviewFact, IntroductionFact, OutcomeFact } from './rows.js';
import type { ReferralNode, ReferralTree } from './types.js';

export function referralTree(
  interviews: readonly InterviewFact[],
  introductions: readonly IntroductionFact[],
  outcomes: readonly OutcomeFact[],
): ReferralTree {
  const interviewOf = new Map<string, InterviewFact>();
  for (const i of interviews) if (!interviewOf.has(i.contactId)) interviewOf.set(i.contactId, i);
  const direct = new Map<string, number>();
  for (const o of outcomes) {
    for (const c of o.credits) if (c.depth === 0) direct.set(c.interviewId, (direct.get(c.interviewId) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const i of interviews) names.set(i.contactId, i.contactName);
  const children = new Map<string, string[]>();
  const referred = new Set<string>();
  const sorted = [...introductions].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  for (const r of sorted) {
    names.set(r.introducerId, names.get(r.introducerId) ?? r.introducerName);
    names.set(r.contactId, names.get(r.contactId) ?? r.contactName);
    if (r.introducerId === r.contactId) continue;
    const list = children.get(r.introducerId) ?? [];
    if (!list.includes(r.contactId)) list.push(r.contactId);
    children.set(r.introducerId, list);
    referred.add(r.contactId);
  }

  const seen = new Set<string>();
  let depth = 0;
  // Each person appears once (the first way they were reached); a cycle is cut where it closes.
  const build = (contactId: string, level: number): ReferralNode => {
    seen.add(contactId);
    depth = Math.max(depth, level);
    const interview = interviewOf.get(contactId) ?? null;
    const built: ReferralNode[] = [];
    for (const c of children.get(contactId) ?? []) if (!seen.has(c)) built.push(build(c, level + 1));
    const outcomes = interview ? (direct.get(interview.id) ?? 0) : 0;
    return {
      contactId,
      name: names.get(contactId) ?? '',
      interviewId: interview?.id ?? null,
      status: interview?.status ?? null,
      outcomes,
      ledToOutcome: outcomes > 0 || built.some((k) => k.ledToOutcome),
      children: built,
    };
  };

  const roots: ReferralNode[] = [];
  for (const i of interviews) {
    if (!referred.has(i.contactId) && !seen.has(i.contactId)) roots.push(build(i.contactId, 0));
  }
  // Introducers who are not interviewees, and people caught only in a cycle, start trees of their own.
  for (const r of sorted) {
    for (const id of [r.introducerId, r.contactId]) {
      if (!seen.has(id) && (!referred.has(id) || id === r.contactId)) roots.push(build(id, 0));
    }
  }
  return { depth, nodes: seen.size, roots };
}
