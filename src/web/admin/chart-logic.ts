// Where the bars of a small grouped bar chart go (drawn as inline SVG by bar-chart.tsx): a scale
// with round, whole-number ticks, bars side by side per group, and labels thinned to fit. Pure.

export interface ChartGroup {
  label: string;
  values: readonly number[];
}

export interface Bar {
  group: number;
  series: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  plot: { left: number; top: number; width: number; height: number };
  max: number;
  ticks: { value: number; y: number }[];
  bars: Bar[];
  labels: { x: number; text: string }[];
}

/** A round step for about `raw` per tick: 1, 2, 5, 10, 20, 50 … never below 1 (counts are whole). */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** The top of the scale and its ticks, about `count` steps from 0. */
export function scale(maxValue: number, count = 4): { max: number; ticks: number[] } {
  const step = niceStep(Math.max(0, maxValue) / count);
  const max = Math.max(step, Math.ceil(Math.max(0, maxValue) / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return { max, ticks };
}

export interface ChartBox {
  width: number;
  height: number;
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
  /** At most this many group labels under the axis (every n-th is shown). */
  maxLabels?: number;
}

export function barLayout(groups: readonly ChartGroup[], box: ChartBox): ChartLayout {
  const left = box.left ?? 40;
  const right = box.right ?? 8;
  const top = box.top ?? 10;
  const bottom = box.bottom ?? 26;
  const plot = { left, top, width: Math.max(1, box.width - left - right), height: Math.max(1, box.height - top - bottom) };
  const highest = Math.max(0, ...groups.flatMap((g) => g.values));
  const { max, ticks } = scale(highest);
  const yOf = (v: number) => plot.top + plot.height - (v / max) * plot.height;
  const slot = groups.length > 0 ? plot.width / groups.length : plot.width;
  const series = Math.max(1, ...groups.map((g) => g.values.length));
  const inner = slot * 0.8;
  const barWidth = inner / series;
  const bars: Bar[] = [];
  groups.forEach((g, gi) => {
    g.values.forEach((value, si) => {
      const y = yOf(value);
      bars.push({
        group: gi,
        series: si,
        value,
        x: plot.left + gi * slot + slot * 0.1 + si * barWidth,
        y,
        width: Math.max(1, barWidth - 1),
        height: plot.top + plot.height - y,
      });
    });
  });
  const every = Math.max(1, Math.ceil(groups.length / (box.maxLabels ?? 16)));
  const labels = groups.flatMap((g, gi) => (gi % every === 0 ? [{ x: plot.left + gi * slot + slot / 2, text: g.label }] : []));
  return { plot, max, ticks: ticks.map((value) => ({ value, y: yOf(value) })), bars, labels };
}
