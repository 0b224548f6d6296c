// What every insights chart shares: a measured width (SVG text stays at its real size on a phone),
// the frame with a title, a one-sentence summary the drawing points to with aria-describedby, and
// the same figures as a table behind "Show as a table".
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';

/** Series styles: a colour, a dash pattern and a marker shape each, so colour is never the only cue. */
export const SERIES_STYLES = [
  { tone: 1, dash: undefined, marker: 'circle' },
  { tone: 2, dash: '7 4', marker: 'square' },
  { tone: 3, dash: '2 3', marker: 'triangle' },
  { tone: 4, dash: '9 3 2 3', marker: 'diamond' },
] as const;
export type SeriesStyle = (typeof SERIES_STYLES)[number];

/** The width of the element, followed as it resizes; 0 until measured. */
export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      // A frame later, so that a resize caused by the new drawing never loops back into this observer.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setWidth(Math.floor(el.clientWidth)));
    };
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
  return [ref, width];
}

export interface ChartIds {
  title: string;
  summary: string;
}

/** A chart with its title, summary sentence, optional legend and note, and its table equivalent. */
export function ChartFigure({
  title,
  summary,
  table,
  legend,
  note,
  className,
  children,
}: {
  title: string;
  summary: string;
  table: ReactNode;
  legend?: ReactNode;
  note?: ReactNode;
  className?: string;
  children: (width: number, ids: ChartIds) => ReactNode;
}) {
  const base = useId();
  const ids = { title: `${base}-title`, summary: `${base}-summary` };
  const [ref, width] = useWidth<HTMLDivElement>();
  return (
    <figure className={`ins-chart${className ? ` ${className}` : ''}`} aria-labelledby={ids.title}>
      <h3 id={ids.title} className="ins-chart__title">
        {title}
      </h3>
      <p id={ids.summary} className="ins-chart__summary">
        {summary}
      </p>
      {legend}
      <div ref={ref} className="ins-chart__plot">
        {width > 0 ? children(width, ids) : null}
      </div>
      {note}
      <details className="ins-chart__table">
        <summary>Show as a table</summary>
        {table}
      </details>
    </figure>
  );
}

/** A plain data table in a scrollable, keyboard-reachable frame. */
export function DataTable({
  caption,
  head,
  rows,
  numeric = [],
}: {
  caption: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  /** Indexes of the columns that hold numbers (right-aligned). */
  numeric?: number[];
}) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table ins-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={numeric.includes(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {c}
                  </th>
                ) : (
                  <td key={i} className={numeric.includes(i) ? 'num' : undefined}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Cuts a label to about `chars` characters; the full text stays in the table and the SVG title. */
export function clip(text: string, chars: number): string {
  if (text.length <= chars) return text;
  return text.slice(0, Math.max(1, chars - 1)).trimEnd() + '…';
}

export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** A marker shape centred on (x, y), in the series' colour. */
export function Marker({ shape, x, y, size = 4 }: { shape: SeriesStyle['marker']; x: number; y: number; size?: number }) {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} />;
    case 'triangle':
      return <path d={`M${x},${y - size * 1.2}L${x + size * 1.1},${y + size * 0.8}L${x - size * 1.1},${y + size * 0.8}Z`} />;
    case 'diamond':
      return <path d={`M${x},${y - size * 1.3}L${x + size * 1.1},${y}L${x},${y + size * 1.3}L${x - size * 1.1},${y}Z`} />;
  }
}

/** The legend of a line chart: each series' line, marker and name. */
export function Legend({ items }: { items: { key: string; label: string; style: SeriesStyle }[] }) {
  return (
    <ul className="ins-legend">
      {items.map((it) => (
        <li key={it.key}>
          <svg width="30" height="14" aria-hidden="true" focusable="false" className={`ins-tone-${it.style.tone}`}>
            <line x1="1" x2="29" y1="7" y2="7" className="ins-line" strokeDasharray={it.style.dash} />
            <g className="ins-marker">
              <Marker shape={it.style.marker} x={15} y={7} />
            </g>
          </svg>
          {it.label}
        </li>
      ))}
    </ul>
  );
}
