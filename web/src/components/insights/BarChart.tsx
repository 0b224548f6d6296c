// Horizontal bars drawn from a d3 linear scale: the label on its own line above each bar (so long
// labels and narrow screens never collide), the value written just past the bar's end. A flagged
// bar (a thin kind, a small sample) is hatched and says why in words.
import { useId } from 'react';
import { scaleLinear } from 'd3-scale';
import { clip, type ChartIds } from './chart-kit';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** What is written past the bar, e.g. "40% (2 of 5)". */
  valueText: string;
  /** Why the bar is hatched, in words ("thin", "small sample"); none = a solid bar. */
  flag?: string | null;
}

const ROW = 46;
const BAR = 16;
const VALUE_ROOM = 118;

export function BarChart({ bars, width, ids, max }: { bars: BarDatum[]; width: number; ids: ChartIds; max?: number }) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const x = scaleLinear()
    .domain([0, top])
    .range([0, Math.max(40, width - VALUE_ROOM)]);
  const chars = Math.max(12, Math.floor(width / 7.4));
  return (
    <svg
      role="img"
      aria-labelledby={ids.title}
      aria-describedby={ids.summary}
      width={width}
      height={bars.length * ROW + 2}
      className="ins-svg ins-tone-1"
    >
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="ins-hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="ins-hatch-line" />
        </pattern>
      </defs>
      {bars.map((b, i) => {
        const w = b.value > 0 ? Math.max(2, x(b.value)) : 0;
        return (
          <g key={b.key} transform={`translate(0,${i * ROW})`}>
            <title>{`${b.label}${b.flag ? ` (${b.flag})` : ''}: ${b.valueText}`}</title>
            <text x={0} y={14} className="ins-label">
              {clip(b.flag ? `${b.label} — ${b.flag}` : b.label, chars)}
            </text>
            <rect x={0} y={20} width={x(top)} height={BAR} className="ins-track" />
            {w > 0 ? (
              <rect
                x={0.5}
                y={20.5}
                width={Math.max(1, w - 1)}
                height={BAR - 1}
                className={b.flag ? 'ins-bar ins-bar--flagged' : 'ins-bar'}
                // Inline, because the stylesheet's fill for bars would beat a fill attribute.
                style={b.flag ? { fill: `url(#${hatch})` } : undefined}
              />
            ) : null}
            <text x={w + 6} y={33} className="ins-value">
              {b.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
