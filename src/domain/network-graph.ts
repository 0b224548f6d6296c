// The network picture: who led to whom, starting from the user ("you"), and the shortest ways from
// the user into a campaign's target organisations.
//
// Who is in the picture (the rule the page states too): the user; every contact on either side of
// an introduction or referral; and, when a campaign is chosen, the people inside its target
// organisations (the store caps these per organisation, warmest first). Everyone else — typically
// thousands of imported acquaintances with no introduction — stays out, so the picture shows the
// paths that matter instead of a hairball.
//
// Edges: an introduction runs introducer → contact ("referral" when it was given in an interview).
// The user knows directly the close ties and acquaintances nobody introduced: those hang off "you".
// A known contact who is reachable only through a loop of introductions also hangs off "you", since
// the user does know them.
import type { Permission, Tie } from './types.js';

/** The id of the user's own node; never a contact id (those are UUIDs). */
export const YOU = 'you';

export interface GraphContact {
  id: string;
  name: string;
  organisationId: string | null;
  organisation: string | null;
  tie: Tie;
}

export interface GraphIntroduction {
  introducerId: string;
  contactId: string;
  permission: Permission;
  interviewId: string | null;
}

export interface GraphInput {
  contacts: GraphContact[];
  introductions: GraphIntroduction[];
  /** Organisations the chosen campaign aims at (none without a campaign). */
  targetOrganisationIds: string[];
}

export type EdgeKind = 'introduction' | 'referral' | 'knows';

export interface GraphNode {
  id: string;
  name: string;
  organisation: string | null;
  organisationId: string | null;
  /** null for the user. */
  tie: Tie | null;
  isYou: boolean;
  /** Works at one of the campaign's target organisations. */
  isTarget: boolean;
  /** Lies on a shortest path from the user to someone at a target organisation. */
  onTargetPath: boolean;
  /** Edges touching the node, either direction. */
  degree: number;
  /** Steps from the user, or null when no chain of introductions reaches them. */
  distance: number | null;
  /** The node before this one on a shortest path from the user (the warmest when several tie). */
  via: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Permission to use the introducer's name; null for the user's own ties. */
  permission: Permission | null;
  onTargetPath: boolean;
}

export interface NetworkGraphResult {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The whole picture as the API returns it and the web draws it. */
export interface NetworkGraph extends NetworkGraphResult {
  campaign: { id: string; field: string } | null;
  /** The campaign's target organisations, with how many people are there and how many are shown. */
  targets: { organisationId: string; organisation: string; contactsInside: number; shown: number; reached: boolean }[];
  /** True when some introductions were left out because there were too many to draw. */
  truncated: boolean;
  /** At most this many people are shown inside each target organisation. */
  perTarget: number;
}

const isKnown = (tie: Tie) => tie === 'close' || tie === 'acquaintance';
const PERMISSION_RANK: Record<Permission, number> = { granted: 0, 'not-asked': 1, declined: 2 };

export function buildNetworkGraph(input: GraphInput): NetworkGraphResult {
  const targets = new Set(input.targetOrganisationIds);
  const byId = new Map(input.contacts.map((c) => [c.id, c]));
  const inIntroduction = new Set<string>();
  const introductions = input.introductions.filter(
    (i) => byId.has(i.introducerId) && byId.has(i.contactId) && i.introducerId !== i.contactId,
  );
  for (const i of introductions) {
    inIntroduction.add(i.introducerId);
    inIntroduction.add(i.contactId);
  }
  const members = input.contacts
    .filter((c) => inIntroduction.has(c.id) || (c.organisationId !== null && targets.has(c.organisationId)))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const edges: GraphEdge[] = [];
  const introduced = new Set(introductions.map((i) => i.contactId));
  for (const c of members) {
    if (isKnown(c.tie) && !introduced.has(c.id)) edges.push({ from: YOU, to: c.id, kind: 'knows', permission: null, onTargetPath: false });
  }
  for (const i of introductions) {
    edges.push({
      from: i.introducerId,
      to: i.contactId,
      kind: i.interviewId ? 'referral' : 'introduction',
      permission: i.permission,
      onTargetPath: false,
    });
  }

  let distance = distancesFrom(YOU, edges);
  // Known contacts stranded behind a loop of introductions: the user still knows them.
  const stranded = members.filter((c) => isKnown(c.tie) && !distance.has(c.id));
  if (stranded.length) {
    for (const c of stranded) edges.push({ from: YOU, to: c.id, kind: 'knows', permission: null, onTargetPath: false });
    distance = distancesFrom(YOU, edges);
  }

  const incoming = groupBy(edges, (e) => e.to);
  const isTarget = (c: GraphContact) => c.organisationId !== null && targets.has(c.organisationId);

  // Every shortest path into a target: walk back from the reachable target people along edges that
  // step exactly one closer to the user.
  const onPath = new Set(members.filter((c) => isTarget(c) && distance.has(c.id)).map((c) => c.id));
  const queue = [...onPath];
  for (let k = 0; k < queue.length; k++) {
    const v = queue[k]!;
    for (const e of incoming.get(v) ?? []) {
      if (distance.get(e.from) !== distance.get(v)! - 1) continue;
      e.onTargetPath = true;
      if (!onPath.has(e.from)) {
        onPath.add(e.from);
        queue.push(e.from);
      }
    }
  }

  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }

  const nameOf = (id: string) => (id === YOU ? '' : (byId.get(id)?.name ?? ''));
  // One predecessor per node for "how you reach them": on a target path first, then the warmest
  // permission, then by name.
  const viaOf = (id: string): string | null => {
    const d = distance.get(id);
    if (d === undefined || d === 0) return null;
    const options = (incoming.get(id) ?? []).filter((e) => distance.get(e.from) === d - 1);
    options.sort(
      (a, b) =>
        Number(b.onTargetPath) - Number(a.onTargetPath) ||
        (a.permission ? PERMISSION_RANK[a.permission] : -1) - (b.permission ? PERMISSION_RANK[b.permission] : -1) ||
        nameOf(a.from).localeCompare(nameOf(b.from)),
    );
    return options[0]?.from ?? null;
  };

  const nodes: GraphNode[] = [
    {
      id: YOU,
      name: 'You',
      organisation: null,
      organisationId: null,
      tie: null,
      isYou: true,
      isTarget: false,
      onTargetPath: onPath.has(YOU),
      degree: degree.get(YOU) ?? 0,
      distance: 0,
      via: null,
    },
    ...members.map((c): GraphNode => ({
      id: c.id,
      name: c.name,
      organisation: c.organisation,
      organisationId: c.organisationId,
      tie: c.tie,
      isYou: false,
      isTarget: isTarget(c),
      onTargetPath: onPath.has(c.id),
      degree: degree.get(c.id) ?? 0,
      distance: distance.get(c.id) ?? null,
      via: viaOf(c.id),
    })),
  ];
  return { nodes, edges };
}

/** Breadth-first steps from `start` along the edges' direction. */
function distancesFrom(start: string, edges: GraphEdge[]): Map<string, number> {
  const out = groupBy(edges, (e) => e.from);
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let k = 0; k < queue.length; k++) {
    const u = queue[k]!;
    for (const { to: v } of out.get(u) ?? []) {
      if (distance.has(v)) continue;
      distance.set(v, distance.get(u)! + 1);
      queue.push(v);
    }
  }
  return distance;
}

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const group = m.get(k);
    if (group) group.push(t);
    else m.set(k, [t]);
  }
  return m;
}
