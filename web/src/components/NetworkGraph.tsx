// The drawing of the network picture: React renders the SVG from a layout computed before the
// first paint (NetworkLayout.ts); d3-zoom handles the wheel, dragging, pinching and the zoom
// buttons. Names are placed so that none overlaps another: in the overview only the people that
// matter at a glance (you, the selection and its neighbours, the ways into targets, the best
// connected) are candidates; zoomed in, anyone whose name fits.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { GraphEdge, GraphNode } from '../../../src/domain/network-graph';
import { fitTransform, layoutGraph, placeLabels, radiusOf, type Point } from './NetworkLayout';

/** The drawing's size before the page has been measured. */
const START_SIZE = { w: 800, h: 600 };
/** How many of the best-connected people are named in the overview. */
const TOP_DEGREE_LABELS = 12;
/** Zoomed in this far past the fitted view, anyone may be named. */
const DETAIL_ZOOM = 1.5;
const STEP = 1.5;
const EDGE_WORDS = { knows: 'you know them', introduction: 'introduced', referral: 'referred in an interview' } as const;

export interface NetworkGraphHandle {
  /** Pans the view so that the node is in the middle. */
  centerOn(id: string): void;
}

export function NetworkGraph({
  nodes,
  edges,
  selected,
  highlighting,
  onSelect,
  describe,
  ref,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected: string | null;
  /** A campaign is chosen: paths into its targets stand out and the rest steps back. */
  highlighting: boolean;
  onSelect: (id: string) => void;
  /** One sentence for the SVG's description. */
  describe: string;
  ref?: Ref<NetworkGraphHandle>;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  // One unit of the drawing is one CSS pixel, so names are the same size on a phone and a laptop.
  const [size, setSize] = useState(START_SIZE);
  const [labels, setLabels] = useState<string[]>([]);

  const positions = useMemo(() => layoutGraph(nodes, edges), [nodes, edges]);
  const fit = useMemo(() => fitTransform(positions.values(), size.w, size.h), [positions, size]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);

  // Name candidates, most important first; the first `always` are named whatever the zoom.
  const candidates = useMemo(() => {
    const neighbours = new Set<string>();
    for (const e of edges) {
      if (e.from === selected) neighbours.add(e.to);
      if (e.to === selected) neighbours.add(e.from);
    }
    const rank = (n: GraphNode) =>
      n.isYou
        ? 0
        : n.id === selected
          ? 1
          : neighbours.has(n.id)
            ? 2
            : highlighting && n.onTargetPath
              ? 3
              : highlighting && n.isTarget
                ? 4
                : 5;
    const all = [...nodes].sort((a, b) => rank(a) - rank(b) || b.degree - a.degree || a.name.localeCompare(b.name));
    const always = all.filter((n) => rank(n) <= 1).length;
    const important = all.filter(
      (n, i) => rank(n) <= 3 || nodes.length <= 40 || (i < always + neighbours.size + TOP_DEGREE_LABELS && n.degree >= 2),
    );
    return { all, important, always };
  }, [nodes, edges, selected, highlighting]);
  // Everyone who can be reached with Tab: the overview's candidates, so the tab order stays short.
  const focusable = useMemo(() => new Set(candidates.important.map((n) => n.id)), [candidates]);

  const relabel = useCallback(() => {
    const t = transformRef.current;
    const detail = t.k >= fit.k * DETAIL_ZOOM - 1e-9;
    const next = placeLabels(detail ? candidates.all : candidates.important, candidates.always, positions, t, size);
    setLabels((cur) => (cur.length === next.length && cur.every((id, i) => id === next[i]) ? cur : next));
  }, [candidates, positions, fit, size]);
  const relabelRef = useRef(relabel);
  relabelRef.current = relabel;
  useEffect(() => relabel(), [relabel]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => {
      const w = Math.round(box.clientWidth);
      if (w <= 0) return;
      const h = Math.round(Math.max(320, Math.min(w * 0.75, window.innerHeight * 0.75)));
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let frame = 0;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.15, 12])
      .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => {
        transformRef.current = e.transform;
        const layer = layerRef.current;
        layer?.setAttribute('transform', e.transform.toString());
        // Names and line widths keep one on-screen size whatever the zoom.
        layer?.style.setProperty('--net-k-inv', String(1 / e.transform.k));
        if (!frame) {
          frame = requestAnimationFrame(() => {
            frame = 0;
            relabelRef.current();
          });
        }
      });
    select(svg).call(z);
    zoomRef.current = z;
    return () => {
      cancelAnimationFrame(frame);
      select(svg).on('.zoom', null);
    };
  }, []);

  useEffect(() => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.transform, fit);
  }, [fit]);

  const zoomBy = (factor: number) => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.scaleBy, factor);
  };
  const reset = () => {
    if (svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.transform, fit);
  };
  useImperativeHandle(ref, () => ({
    centerOn(id) {
      const p = positions.get(id);
      if (p && svgRef.current && zoomRef.current) select(svgRef.current).call(zoomRef.current.translateTo, p.x, p.y);
    },
  }));

  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    const z = zoomRef.current;
    if (!svg || !z) return;
    const pan: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    const by = pan[e.key];
    if (e.key === '+' || e.key === '=') zoomBy(STEP);
    else if (e.key === '-') zoomBy(1 / STEP);
    else if (e.key === '0') reset();
    else if (by && e.target === svg) select(svg).call(z.translateBy, by[0] / transformRef.current.k, by[1] / transformRef.current.k);
    else return;
    e.preventDefault();
  };

  return (
    <div className="net-figure" ref={boxRef}>
      <div className="net-zoom" role="group" aria-label="Zoom">
        <button type="button" className="button button--small" onClick={() => zoomBy(STEP)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="button button--small" onClick={() => zoomBy(1 / STEP)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="button button--small" onClick={reset}>
          Reset view
        </button>
      </div>
      <svg
        ref={svgRef}
        className={'net-svg' + (highlighting ? ' net-svg--highlighting' : '')}
        viewBox={`0 0 ${size.w} ${size.h}`}
        style={{ height: size.h }}
        role="group"
        aria-labelledby="net-title"
        aria-describedby="net-desc"
        tabIndex={0}
        onKeyDown={onKey}
        data-network
      >
        <title id="net-title">Network picture: who led to whom</title>
        <desc id="net-desc">
          {describe} Use the zoom buttons, or with the picture focused press plus, minus, 0 and the arrow keys. The list below the picture
          says the same in words.
        </desc>
        <defs>
          <Arrowhead id="net-arrow" size={8} className="net-arrow" />
          <Arrowhead id="net-arrow-path" size={11} className="net-arrow net-arrow--path" />
        </defs>
        <g ref={layerRef} data-zoom-layer>
          <Shapes
            nodes={nodes}
            edges={edges}
            positions={positions}
            byId={byId}
            selected={selected}
            focusable={focusable}
            onSelect={onSelect}
          />
          <g className="net-labels">
            {labels.map((id) => {
              const n = byId.get(id);
              const p = positions.get(id);
              if (!n || !p) return null;
              return (
                <text
                  key={id}
                  transform={`translate(${p.x + radiusOf(n)},${p.y})`}
                  x="0.3em"
                  dy="0.35em"
                  className={'net-label' + (n.isYou || n.id === selected ? ' net-label--strong' : '')}
                  data-label
                  onClick={() => onSelect(id)}
                >
                  {n.name}
                </text>
              );
            })}
          </g>
        </g>
      </svg>
    </div>
  );
}

/** An arrowhead marker for the edges; the ones on a path into a target are drawn larger. */
function Arrowhead({ id, size, className }: { id: string; size: number; className: string }) {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth={size} markerHeight={size} orient="auto">
      <path d="M0,0 L10,5 L0,10 z" className={className} />
    </marker>
  );
}

/** Edges and people; unchanged while the user zooms, so React leaves them alone. */
const Shapes = memo(function Shapes({
  nodes,
  edges,
  positions,
  byId,
  selected,
  focusable,
  onSelect,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  positions: Map<string, Point>;
  byId: Map<string, GraphNode>;
  selected: string | null;
  focusable: Set<string>;
  onSelect: (id: string) => void;
}) {
  return (
    <>
      <g className="net-edges">
        {edges.map((e) => {
          const a = positions.get(e.from);
          const b = positions.get(e.to);
          const to = byId.get(e.to);
          if (!a || !b || !to) return null;
          const dx = b.x - a.x;
          const dy = b.y - a.y;
          const len = Math.hypot(dx, dy) || 1;
          const cut = radiusOf(to) + 2;
          const touching = selected !== null && (e.from === selected || e.to === selected);
          return (
            <line
              key={`${e.from}>${e.to}`}
              x1={a.x}
              y1={a.y}
              x2={b.x - (dx / len) * cut}
              y2={b.y - (dy / len) * cut}
              className={`net-edge net-edge--${e.kind}${e.onTargetPath ? ' is-path' : ''}${touching ? ' is-touching' : ''}`}
              markerEnd={e.kind === 'knows' ? undefined : e.onTargetPath ? 'url(#net-arrow-path)' : 'url(#net-arrow)'}
              data-on-path={e.onTargetPath ? 'true' : undefined}
            >
              <title>{`${byId.get(e.from)?.name ?? ''} → ${to.name}: ${EDGE_WORDS[e.kind]}`}</title>
            </line>
          );
        })}
      </g>
      <g className="net-nodes">
        {nodes.map((n) => {
          const p = positions.get(n.id)!;
          const r = radiusOf(n);
          const isSelected = n.id === selected;
          const classes = ['net-node'];
          if (n.isYou) classes.push('net-node--you');
          if (n.onTargetPath) classes.push('is-path');
          if (n.isTarget) classes.push('is-target');
          if (n.distance === null) classes.push('is-unreached');
          if (isSelected) classes.push('is-selected');
          const where = n.organisation ? `, ${n.organisation}` : '';
          const status = n.isTarget ? ', at a target organisation' : n.onTargetPath ? ', on a way into a target' : '';
          return (
            <g
              key={n.id}
              className={classes.join(' ')}
              transform={`translate(${p.x},${p.y})`}
              role="button"
              tabIndex={isSelected || focusable.has(n.id) ? 0 : -1}
              aria-label={`${n.name}${where}${status}`}
              aria-pressed={isSelected}
              data-node-id={n.id}
              data-on-path={n.onTargetPath ? 'true' : undefined}
              data-target={n.isTarget ? 'true' : undefined}
              onClick={() => onSelect(n.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(n.id);
                }
              }}
            >
              <title>{n.name + where}</title>
              {isSelected ? <circle r={r + 6} className="net-node__halo" /> : null}
              {n.isTarget ? (
                <rect x={-r} y={-r} width={2 * r} height={2 * r} transform="rotate(45)" className="net-node__shape" />
              ) : (
                <circle r={r} className="net-node__shape" />
              )}
              {n.onTargetPath && !n.isYou ? <circle r={Math.max(2, r - 3.5)} className="net-node__dot" /> : null}
            </g>
          );
        })}
      </g>
    </>
  );
});
