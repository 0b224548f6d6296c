// Lines over time drawn from d3 scales (a point scale for the periods, a linear one for counts):
// y gridlines with whole-number ticks, thinned x labels so they never overlap, and a marker on
// every point; each series differs by colour, dash and marker shape.
import { scaleLinear, scalePoint } from 'd3-scale';
import { Marker, SERIES_STYLES, type ChartIds } from './chart-kit';

export interface LineSeries {
  key: string;
  label: string;
  values: number[];
}

const HEIGHT = 230;
const M = { top: 12, right: 14, bottom: 34, left: 40 };

export function LineChart({
  periods,
  periodLabel,
  series,
  width,
  ids,
}: {
  periods: string[];
  /** Short tick text for a period, e.g. "9 Mar". */
  periodLabel: (p: string) => string;
  series: LineSeries[];
  width: number;
  ids: ChartIds;
}) {
  const x = scalePoint<number>()
    .domain(periods.map((_, i) => i))
    .range([M.left, width - M.right])
    .padding(0.4);
  const top = Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear()
    .domain([0, top])
    .nice(4)
    .range([HEIGHT - M.bottom, M.top]);
  const ticks = y.ticks(Math.min(4, y.domain()[1] ?? 4)).filter((t) => Number.isInteger(t));
  const room = Math.max(1, Math.floor((width - M.left - M.right) / 64));
  const every = Math.max(1, Math.ceil(periods.length / room));
  const px = (i: number) => x(i) ?? M.left;
  return (
    <svg role="img" aria-labelledby={ids.title} aria-describedby={ids.summary} width={width} height={HEIGHT} className="ins-svg">
      <g className="ins-gridlines">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end" className="ins-tick">
              {t}
            </text>
          </g>
        ))}
        <line x1={M.left} x2={width - M.right} y1={y(0)} y2={y(0)} className="ins-axis" />
      </g>
      {periods.map((p, i) =>
        i % every === 0 ? (
          <text key={p} x={px(i)} y={HEIGHT - M.bottom + 18} textAnchor="middle" className="ins-tick">
            {periodLabel(p)}
          </text>
        ) : null,
      )}
      {series.map((s, k) => {
        const style = SERIES_STYLES[k % SERIES_STYLES.length]!;
        const d = s.values.map((v, i) => `${i ? 'L' : 'M'}${px(i)},${y(v)}`).join('');
        return (
          <g key={s.key} className={`ins-tone-${style.tone}`}>
            <path d={d} className="ins-line" strokeDasharray={style.dash} />
            <g className="ins-marker">
              {s.values.map((v, i) => (
                <Marker key={i} shape={style.marker} x={px(i)} y={y(v)} />
              ))}
            </g>
          </g>
        );
      })}
    </svg>
  );
}
