import { describe, expect, it } from 'vitest';
import { introductionChain, type ChainLink } from './chain.js';

const people: Record<string, ChainLink> = {
  me: { id: 'tom', name: 'Tom', tie: 'close' },
  maya: { id: 'maya', name: 'Maya', tie: 'friend-of-contact' },
  kenji: { id: 'kenji', name: 'Kenji', tie: 'cold' },
  loop: { id: 'loop', name: 'Loop', tie: 'cold' },
};

describe('introduction chain', () => {
  it('runs from someone the user knows down to the person', () => {
    const up: Record<string, string> = { kenji: 'maya', maya: 'tom' };
    const chain = introductionChain(people.kenji!, (id) => (up[id] ? Object.values(people).find((p) => p.id === up[id])! : null));
    expect(chain.map((c) => c.name)).toEqual(['Tom', 'Maya', 'Kenji']);
  });

  it('is just the person when they are known directly or nobody introduced them', () => {
    expect(introductionChain(people.me!, () => people.maya!).map((c) => c.id)).toEqual(['tom']);
    expect(introductionChain(people.kenji!, () => null).map((c) => c.id)).toEqual(['kenji']);
  });

  it('stops at a loop', () => {
    const chain = introductionChain(people.kenji!, (id) => (id === 'kenji' ? people.loop! : people.kenji!));
    expect(chain.map((c) => c.id)).toEqual(['loop', 'kenji']);
  });
});
