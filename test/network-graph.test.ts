// The network picture as an operation and a route, on both databases: who is drawn, how they are
// joined, the paths into a campaign's targets, and the cap on people inside a target.
import { expect, it } from 'vitest';
import { addIntroduction } from '../src/app/introductions.js';
import { networkGraph, PER_TARGET } from '../src/app/network-graph.js';
import { addTarget, updateTarget } from '../src/app/targets.js';
import { YOU } from '../src/domain/network-graph.js';
import { createServerApp } from '../src/server/app.js';
import { buildCampaign, buildContact, buildInterview } from './factories.js';
import { codeOf, eachDialect } from './harness.js';

eachDialect('network graph', (t) => {
  it('draws introductions and referrals from you, leaving out contacts with neither', async () => {
    const tom = await buildContact(t(), { name: 'Tom Lindqvist', tie: 'close' });
    const priya = await buildContact(t(), { name: 'Priya Raman', tie: 'friend-of-contact', organisation: 'CareLoop' });
    const daniel = await buildContact(t(), { name: 'Daniel Ferreira', tie: 'cold' });
    for (let i = 0; i < 5; i++) await buildContact(t(), { tie: 'acquaintance', organisation: 'Somewhere Else' });
    await addIntroduction(t(), { introducerId: tom.id, contactId: priya.id, permission: 'granted' });
    const interview = await buildInterview(t(), { contactId: priya.id });
    await addIntroduction(t(), { introducerId: priya.id, contactId: daniel.id, interviewId: interview.id });

    const g = await networkGraph(t(), {});
    expect(g.campaign).toBeNull();
    expect(g.nodes.map((n) => n.name)).toEqual(['You', 'Daniel Ferreira', 'Priya Raman', 'Tom Lindqvist']);
    expect(g.edges).toEqual([
      { from: YOU, to: tom.id, kind: 'knows', permission: null, onTargetPath: false },
      { from: tom.id, to: priya.id, kind: 'introduction', permission: 'granted', onTargetPath: false },
      { from: priya.id, to: daniel.id, kind: 'referral', permission: 'not-asked', onTargetPath: false },
    ]);
    expect(g.nodes.find((n) => n.id === daniel.id)).toMatchObject({ distance: 3, via: priya.id, organisation: null, tie: 'cold' });
    expect(g.nodes.find((n) => n.id === priya.id)).toMatchObject({ organisation: 'CareLoop', degree: 2, isTarget: false });
    expect(g.truncated).toBe(false);
  });

  it("highlights the shortest paths into a campaign's targets and shows the people inside them", async () => {
    const campaign = await buildCampaign(t());
    const maya = await buildContact(t(), { name: 'Maya Okafor', tie: 'acquaintance', organisation: 'Riverside Clinic' });
    const kenji = await buildContact(t(), { name: 'Kenji Watanabe', tie: 'cold', organisation: 'Northbridge Health' });
    const lone = await buildContact(t(), { name: 'Lone Insider', tie: 'cold', organisation: 'Northbridge Health' });
    const ruledOut = await buildContact(t(), { name: 'Ruled Out Person', tie: 'acquaintance', organisation: 'Old Target' });
    const grace = await buildContact(t(), { name: 'Grace Kim', tie: 'close' });
    const omar = await buildContact(t(), { name: 'Omar Haddad', tie: 'cold' });
    await addIntroduction(t(), { introducerId: maya.id, contactId: kenji.id, permission: 'granted' });
    await addIntroduction(t(), { introducerId: grace.id, contactId: omar.id });
    await addTarget(t(), { campaignId: campaign.id, organisation: 'Northbridge Health' });
    const old = await addTarget(t(), { campaignId: campaign.id, organisation: 'Old Target' });
    await updateTarget(t(), old.id, { status: 'ruled-out' });

    const g = await networkGraph(t(), { campaignId: campaign.id });
    expect(g.campaign).toEqual({ id: campaign.id, field: campaign.field });
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.has(ruledOut.id)).toBe(false);
    expect(byId.get(lone.id)).toMatchObject({ isTarget: true, onTargetPath: false, distance: null, degree: 0 });
    expect(byId.get(kenji.id)).toMatchObject({ isTarget: true, onTargetPath: true, distance: 2, via: maya.id });
    expect(g.nodes.filter((n) => n.onTargetPath).map((n) => n.name)).toEqual(['You', 'Kenji Watanabe', 'Maya Okafor']);
    expect(g.edges.filter((e) => e.onTargetPath).map((e) => [e.from, e.to])).toEqual([
      [YOU, maya.id],
      [maya.id, kenji.id],
    ]);
    expect(g.targets).toEqual([
      {
        organisationId: byId.get(kenji.id)!.organisationId,
        organisation: 'Northbridge Health',
        contactsInside: 2,
        shown: 2,
        reached: true,
      },
    ]);
    expect(byId.get(omar.id)?.onTargetPath).toBe(false);
  });

  it('shows at most PER_TARGET people inside a target, warmest first', async () => {
    const campaign = await buildCampaign(t());
    await addTarget(t(), { campaignId: campaign.id, organisation: 'Big Employer' });
    for (let i = 0; i < PER_TARGET + 3; i++) await buildContact(t(), { tie: 'cold', organisation: 'Big Employer' });
    const friend = await buildContact(t(), { name: 'Zoe Zimmer', tie: 'close', organisation: 'Big Employer' });

    const g = await networkGraph(t(), { campaignId: campaign.id });
    expect(g.nodes.length).toBe(1 + PER_TARGET);
    expect(g.targets[0]).toMatchObject({ contactsInside: PER_TARGET + 4, shown: PER_TARGET, reached: true });
    expect(g.nodes.find((n) => n.id === friend.id)).toMatchObject({ onTargetPath: true, distance: 1 });
  });

  it('refuses an unknown campaign and a malformed one, through the operation and the route', async () => {
    expect(await codeOf(networkGraph(t(), { campaignId: 'missing' }))).toBe('not_found');
    expect(await codeOf(networkGraph(t(), { campaignId: 'x'.repeat(65) }))).toBe('invalid_input');
    const app = createServerApp({ deps: t(), userId: t().userId });
    const missing = await app.request('http://127.0.0.1:5454/api/v1/network/graph?campaignId=missing');
    expect(missing.status).toBe(404);
    const empty = await app.request('http://127.0.0.1:5454/api/v1/network/graph?campaignId=');
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ campaign: null, nodes: [{ id: YOU, name: 'You' }], edges: [], targets: [] });
  });
});
