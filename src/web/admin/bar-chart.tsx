// A small grouped bar chart in inline SVG (no chart library): the layout comes from
// chart-logic.ts; each bar carries its number as a tooltip, the whole chart a spoken summary.
import { type ChartGroup, barLayout } from './chart-logic.js';

const WIDTH = 760;
const HEIGHT = 240;

export function BarChart({ groups, series, label, summary }: { groups: readonly ChartGroup[]; series: readonly string[]; label: string; summary: string }) {
  const layout = barLayout(groups, { width: WIDTH, height: HEIGHT, maxLabels: 16 });
  const { plot } = layout;
  return (
    <figure className="bar-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${label}: ${summary}`} preserveAspectRatio="xMidYMid meet">
        {layout.ticks.map((tick) => (
          <g key={tick.value} className="bar-chart__tick">
            <line x1={plot.left} x2={plot.left + plot.width} y1={tick.y} y2={tick.y} />
            <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <rect
            key={`${bar.group}-${bar.series}`}
            className={`bar-chart__bar bar-chart__bar--${bar.series}`}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={Math.max(bar.height, bar.value > 0 ? 1 : 0)}
          >
            <title>{`${groups[bar.group]?.label ?? ''} · ${series[bar.series] ?? ''}: ${bar.value}`}</title>
          </rect>
        ))}
        <line className="bar-chart__axis" x1={plot.left} x2={plot.left + plot.width} y1={plot.top + plot.height} y2={plot.top + plot.height} />
        {layout.labels.map((l) => (
          <text key={`${l.x}-${l.text}`} className="bar-chart__label" x={l.x} y={plot.top + plot.height + 18} textAnchor="middle">
            {l.text}
          </text>
        ))}
      </svg>
      <figcaption className="bar-chart__legend">
        <span className="bar-chart__title">{label}</span>
        {series.map((name, i) => (
          <span key={name} className="bar-chart__key">
            <span className={`bar-chart__swatch bar-chart__bar--${i}`} aria-hidden="true" />
            {name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
