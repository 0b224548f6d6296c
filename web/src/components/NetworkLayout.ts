// Geometry of the network picture, apart from drawing it: the force layout (run to rest in one go,
// so it never jitters and the same data always lands in the same place), the view that fits it,
// and which names fit on screen without overlapping.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import type { GraphNode } from '../../../src/domain/network-graph';

export interface Point {
  x: number;
  y: number;
}
type SimNode = SimulationNodeDatum & { id: string };

export const radiusOf = (n: GraphNode) => (n.isYou ? 13 : 5 + Math.min(6, Math.sqrt(n.degree) * 1.5));

/** Positions for every node, computed synchronously with a fixed number of ticks. */
export function layoutGraph(nodes: GraphNode[], edges: { from: string; to: string }[]): Map<string, Point> {
  const sim: SimNode[] = nodes.map((n) => (n.isYou ? { id: n.id, fx: 0, fy: 0 } : { id: n.id }));
  const radius = new Map(nodes.map((n) => [n.id, radiusOf(n)]));
  const links = edges.map((e) => ({ source: e.from, target: e.to }));
  const many = nodes.length > 150;
  const ticks = many ? 200 : 300;
  const simulation = forceSimulation(sim)
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((d) => d.id)
        .distance(many ? 28 : 55)
        .strength(0.6),
    )
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(many ? -45 : -160)
        .distanceMax(many ? 260 : 420)
        .theta(many ? 1.1 : 0.9),
    )
    .force(
      'collide',
      forceCollide<SimNode>((d) => (radius.get(d.id) ?? 5) + 3),
    )
    // A gentle pull to the middle keeps unreached people and small islands in view.
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.04))
    // Cool from 1 to the resting threshold in exactly `ticks` steps (fewer for a big picture, where
    // repulsion dominates the cost of each step).
    .alphaDecay(1 - Math.pow(0.001, 1 / ticks))
    .stop();
  for (let i = 0; i < ticks; i++) simulation.tick();
  return new Map(sim.map((s) => [s.id, { x: s.x ?? 0, y: s.y ?? 0 }]));
}

/** The transform that fits every node into a w × h view, never enlarging a small graph past 1.6×. */
export function fitTransform(points: Iterable<Point>, w: number, h: number): ZoomTransform {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  if (!Number.isFinite(x0)) return zoomIdentity.translate(w / 2, h / 2);
  // Names sit to the right of their node: leave them more room on that side.
  const [left, right, pad] = [30, Math.min(120, w * 0.25), 30];
  const k = Math.min(1.6, (w - left - right) / Math.max(1, x1 - x0), (h - 2 * pad) / Math.max(1, y1 - y0));
  return zoomIdentity.translate(left + (w - left - right) / 2 - (k * (x0 + x1)) / 2, h / 2 - (k * (y0 + y1)) / 2).scale(k);
}

export const LABEL_PX = 12;
/** An estimate of a name's width on screen, without measuring text. */
const labelWidth = (name: string) => name.length * LABEL_PX * 0.6 + 6;

/**
 * Which names to show: candidates in priority order, skipping any that would leave the view or
 * overlap a name already placed. The first `always` candidates are placed regardless.
 */
export function placeLabels(
  candidates: GraphNode[],
  always: number,
  positions: Map<string, Point>,
  t: ZoomTransform,
  view: { w: number; h: number },
): string[] {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const out: string[] = [];
  candidates.forEach((n, i) => {
    const p = positions.get(n.id);
    if (!p) return;
    const [sx, sy] = t.apply([p.x, p.y]);
    const x0 = sx + radiusOf(n) * t.k + LABEL_PX * 0.3;
    const box = { x0, y0: sy - LABEL_PX * 0.7, x1: x0 + labelWidth(n.name), y1: sy + LABEL_PX * 0.7 };
    if (i >= always) {
      if (box.x1 < 0 || box.x0 > view.w || box.y1 < 0 || box.y0 > view.h) return;
      if (placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) return;
    }
    placed.push(box);
    out.push(n.id);
  });
  return out;
}
