import { describe, expect, it } from 'vitest';
import { barLayout, niceStep, scale } from './chart-logic.js';

describe('scale', () => {
  it.each([
    [0, 1],
    [0.5, 1],
    [1.2, 2],
    [3, 5],
    [7, 10],
    [12, 20],
    [26, 50],
    [51, 100],
  ])('step for %f is %i', (raw, step) => {
    expect(niceStep(raw)).toBe(step);
  });

  it.each([
    [0, 1, [0, 1]],
    [3, 3, [0, 1, 2, 3]],
    [4, 4, [0, 1, 2, 3, 4]],
    [9, 10, [0, 5, 10]],
    [37, 40, [0, 10, 20, 30, 40]],
    [120, 150, [0, 50, 100, 150]],
  ])('max %i -> top %i, ticks %j', (value, top, ticks) => {
    expect(scale(value)).toEqual({ max: top, ticks });
  });
});

describe('barLayout', () => {
  const box = { width: 440, height: 236, left: 40, right: 0, top: 10, bottom: 26 };

  it('puts the bars of a group side by side, scaled to the top tick', () => {
    const layout = barLayout(
      [
        { label: '9', values: [4, 2] },
        { label: '10', values: [0, 1] },
      ],
      box,
    );
    expect(layout.plot).toEqual({ left: 40, top: 10, width: 400, height: 200 });
    expect(layout.max).toBe(4);
    const [q9, s9, q10, s10] = layout.bars;
    expect(q9).toMatchObject({ group: 0, series: 0, x: 60, y: 10, height: 200 });
    expect(s9).toMatchObject({ group: 0, series: 1, x: 140, y: 110, height: 100 });
    expect(q10).toMatchObject({ group: 1, series: 0, value: 0, height: 0 });
    expect(s10?.x).toBe(340);
    expect(layout.ticks.map((t) => [t.value, t.y])).toEqual([
      [0, 210],
      [1, 160],
      [2, 110],
      [3, 60],
      [4, 10],
    ]);
    expect(layout.labels).toEqual([
      { x: 140, text: '9' },
      { x: 340, text: '10' },
    ]);
  });

  it('thins the labels of many groups', () => {
    const groups = Array.from({ length: 31 }, (_, i) => ({ label: String(i + 1), values: [i] }));
    const labels = barLayout(groups, { ...box, maxLabels: 10 }).labels.map((l) => l.text);
    expect(labels).toEqual(['1', '5', '9', '13', '17', '21', '25', '29']);
  });

  it('draws an empty chart with a scale of 0 to 1', () => {
    const layout = barLayout([], box);
    expect(layout.bars).toEqual([]);
    expect(layout.max).toBe(1);
  });
});
