// The chain of introductions from the user to a person: who introduced them, who introduced that
// introducer, and so on, until someone the user knows directly (close or acquaintance) or no one.

export interface ChainLink {
  id: string;
  name: string;
  tie: string;
}

/**
 * Walks `introducerOf` up from `start`; returns the chain from the user's side down to `start`.
 * Stops at a contact the user knows directly, at a contact nobody introduced, or at a loop.
 */
export function introductionChain(start: ChainLink, introducerOf: (id: string) => ChainLink | null, maxLength = 20): ChainLink[] {
  const chain = [start];
  const seen = new Set([start.id]);
  let cur = start;
  while (chain.length < maxLength && cur.tie !== 'close' && cur.tie !== 'acquaintance') {
    const up = introducerOf(cur.id);
    if (!up || seen.has(up.id)) break;
    chain.push(up);
    seen.add(up.id);
    cur = up;
  }
  return chain.reverse();
}
