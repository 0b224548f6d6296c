import { describe, expect, it } from 'vitest';
import { buildNetworkGraph, YOU, type GraphContact, type GraphIntroduction, type NetworkGraphResult } from './network-graph.js';
import type { Tie } from './types.js';

const person = (id: string, tie: Tie, organisationId: string | null = null): GraphContact => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  organisationId,
  organisation: organisationId ? organisationId.toUpperCase() : null,
  tie,
});
const intro = (introducerId: string, contactId: string, over: Partial<GraphIntroduction> = {}): GraphIntroduction => ({
  introducerId,
  contactId,
  permission: 'not-asked',
  interviewId: null,
  ...over,
});

const node = (g: NetworkGraphResult, id: string) => g.nodes.find((n) => n.id === id)!;
const edgeList = (g: NetworkGraphResult, which: (e: NetworkGraphResult['edges'][number]) => boolean = () => true) =>
  g.edges
    .filter(which)
    .map((e) => `${e.from}>${e.to}`)
    .sort();

describe('network graph', () => {
  it('leaves out contacts with no introduction outside the target organisations', () => {
    const g = buildNetworkGraph({
      contacts: [person('tom', 'close'), person('priya', 'friend-of-contact'), person('linkedin', 'acquaintance', 'elsewhere')],
      introductions: [intro('tom', 'priya')],
      targetOrganisationIds: ['acme'],
    });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['priya', 'tom', YOU]);
    expect(edgeList(g)).toEqual(['tom>priya', 'you>tom']);
    expect(node(g, YOU)).toMatchObject({ isYou: true, distance: 0, degree: 1, tie: null });
    expect(node(g, 'priya')).toMatchObject({ distance: 2, via: 'tom', degree: 1, isTarget: false, onTargetPath: false });
  });

  it('marks the path from you into a target organisation, and only that path', () => {
    const g = buildNetworkGraph({
      contacts: [person('tom', 'close'), person('priya', 'cold', 'acme'), person('grace', 'close'), person('omar', 'cold')],
      introductions: [intro('tom', 'priya', { permission: 'granted' }), intro('grace', 'omar')],
      targetOrganisationIds: ['acme'],
    });
    expect(g.nodes.filter((n) => n.onTargetPath).map((n) => n.id)).toEqual([YOU, 'priya', 'tom']);
    expect(edgeList(g, (e) => e.onTargetPath)).toEqual(['tom>priya', 'you>tom']);
    expect(node(g, 'priya')).toMatchObject({ isTarget: true, distance: 2 });
    expect(node(g, 'omar').onTargetPath).toBe(false);
    expect(g.edges.find((e) => e.to === 'priya')).toMatchObject({ kind: 'introduction', permission: 'granted' });
  });

  it('keeps every shortest path when a contact has two introducers, and names the warmer one as the way in', () => {
    const g = buildNetworkGraph({
      contacts: [person('ann', 'friend-of-contact'), person('bob', 'close'), person('kim', 'cold', 'acme'), person('zed', 'cold')],
      introductions: [intro('ann', 'kim'), intro('bob', 'kim', { permission: 'granted' }), intro('zed', 'ann')],
      targetOrganisationIds: ['acme'],
    });
    // Ann was introduced by Zed, whom you do not know: she is reached through no one, and so is Zed.
    expect(node(g, 'ann').distance).toBeNull();
    expect(node(g, 'kim')).toMatchObject({ distance: 2, via: 'bob', degree: 2 });
    expect(edgeList(g, (e) => e.onTargetPath)).toEqual(['bob>kim', 'you>bob']);

    const both = buildNetworkGraph({
      contacts: [person('ann', 'acquaintance'), person('bob', 'close'), person('kim', 'cold', 'acme')],
      introductions: [intro('ann', 'kim'), intro('bob', 'kim', { permission: 'granted' })],
      targetOrganisationIds: ['acme'],
    });
    expect(edgeList(both, (e) => e.onTargetPath)).toEqual(['ann>kim', 'bob>kim', 'you>ann', 'you>bob']);
    expect(node(both, 'kim').via).toBe('bob');
  });

  it('prefers the shortest way in over a longer one through the same people', () => {
    const g = buildNetworkGraph({
      contacts: [person('ann', 'close'), person('bob', 'cold'), person('kim', 'cold', 'acme')],
      introductions: [intro('ann', 'bob'), intro('bob', 'kim'), intro('ann', 'kim')],
      targetOrganisationIds: ['acme'],
    });
    expect(edgeList(g, (e) => e.onTargetPath)).toEqual(['ann>kim', 'you>ann']);
    expect(node(g, 'bob').onTargetPath).toBe(false);
  });

  it('survives cycles of introductions, and links known people stranded in one to you', () => {
    const cold = buildNetworkGraph({
      contacts: [person('a', 'cold'), person('b', 'cold', 'acme')],
      introductions: [intro('a', 'b'), intro('b', 'a')],
      targetOrganisationIds: ['acme'],
    });
    expect(node(cold, 'b')).toMatchObject({ isTarget: true, onTargetPath: false, distance: null, via: null });
    expect(edgeList(cold)).toEqual(['a>b', 'b>a']);

    const known = buildNetworkGraph({
      contacts: [person('a', 'acquaintance'), person('b', 'close', 'acme'), person('c', 'cold')],
      introductions: [intro('a', 'b'), intro('b', 'a'), intro('b', 'c')],
      targetOrganisationIds: ['acme'],
    });
    expect(edgeList(known, (e) => e.kind === 'knows')).toEqual(['you>a', 'you>b']);
    expect(node(known, 'c')).toMatchObject({ distance: 2, via: 'b' });
    expect(node(known, 'b')).toMatchObject({ distance: 1, onTargetPath: true });
  });

  it('shows isolated people inside a target organisation, unreached', () => {
    const g = buildNetworkGraph({
      contacts: [person('lone', 'cold', 'acme'), person('friend', 'acquaintance', 'acme'), person('other', 'acquaintance', 'elsewhere')],
      introductions: [],
      targetOrganisationIds: ['acme'],
    });
    expect(g.nodes.map((n) => n.id)).toEqual([YOU, 'friend', 'lone']);
    expect(node(g, 'lone')).toMatchObject({ isTarget: true, onTargetPath: false, degree: 0, distance: null });
    expect(node(g, 'friend')).toMatchObject({ isTarget: true, onTargetPath: true, distance: 1, via: YOU });
    expect(g.edges).toEqual([{ from: YOU, to: 'friend', kind: 'knows', permission: null, onTargetPath: true }]);
  });

  it('calls an introduction given in an interview a referral, and ignores introductions to people not in the input', () => {
    const g = buildNetworkGraph({
      contacts: [person('maya', 'acquaintance'), person('daniel', 'friend-of-contact')],
      introductions: [intro('maya', 'daniel', { interviewId: 'iv1', permission: 'granted' }), intro('maya', 'gone')],
      targetOrganisationIds: [],
    });
    expect(g.edges.map((e) => e.kind).sort()).toEqual(['knows', 'referral']);
    expect(g.nodes.some((n) => n.onTargetPath || n.isTarget)).toBe(false);
  });

  it('is only you when there is nothing to show', () => {
    const g = buildNetworkGraph({ contacts: [person('x', 'acquaintance')], introductions: [], targetOrganisationIds: [] });
    expect(g.nodes.map((n) => n.id)).toEqual([YOU]);
    expect(g.edges).toEqual([]);
  });
});
