import type { Mark } from './declared-data.js';
import type { TextMeasure } from './text-metrics.js';

/**
 * Where each point's label goes, decided before vega draws: beside its point where there is room, never over
 * another label or point, and left out when nowhere fits (the table alternative still lists every point).
 * vega's own label transform needs a canvas, which a build does not have.
 */
export interface LabelPlacement {
  /** Text alignment: the label sits right of its point ('left'), left of it ('right') or over it ('center'). */
  readonly la: 'left' | 'right' | 'center';
  readonly lb: 'middle' | 'bottom' | 'top';
  readonly ldx: number;
  readonly ldy: number;
}

export interface Domain {
  readonly min: number;
  readonly max: number;
  readonly isLog: boolean;
}

export interface PlotBox {
  readonly width: number;
  readonly height: number;
  /** Space kept between the plot's edge and the first point, as the scale's padding. */
  readonly padding: number;
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const OFFSET = 12;
const DOT_RADIUS = 9;

/** Each mark with its label's placement; a label that fits nowhere is emptied. */
export function placePointLabels(options: {
  marks: readonly Mark[];
  x: (mark: Mark) => number;
  xDomain: Domain;
  yDomain: Domain;
  plot: PlotBox;
  font: { readonly size: number; readonly weight: number };
  measure: TextMeasure | undefined;
}): (Mark & LabelPlacement)[] {
  const { plot, font } = options;
  const toX = position(options.xDomain, plot.padding, plot.width - plot.padding);
  const toY = position(options.yDomain, plot.height - plot.padding, plot.padding);
  const points = options.marks.map((mark) => ({ mark, x: toX(options.x(mark)), y: mark.v === null ? NaN : toY(mark.v) }));
  const taken: Box[] = points
    .filter((point) => Number.isFinite(point.y))
    .map((point) => ({ left: point.x - DOT_RADIUS, right: point.x + DOT_RADIUS, top: point.y - DOT_RADIUS, bottom: point.y + DOT_RADIUS }));
  const height = font.size * 1.1;
  // The highest points are labelled first: they are the ones a reader looks for.
  const order = [...points.keys()].sort((a, b) => (points[b]?.mark.v ?? -Infinity) - (points[a]?.mark.v ?? -Infinity));
  const placements = new Map<number, LabelPlacement>();
  for (const index of order) {
    const point = points[index];
    if (point === undefined || point.mark.t === '' || !Number.isFinite(point.y)) continue;
    const width = options.measure?.width(point.mark.t, font.size, font.weight) ?? point.mark.t.length * font.size * 0.55;
    const candidates: [LabelPlacement, Box][] = [
      [
        { la: 'left', lb: 'middle', ldx: OFFSET, ldy: 0 },
        { left: point.x + OFFSET, right: point.x + OFFSET + width, top: point.y - height / 2, bottom: point.y + height / 2 },
      ],
      [
        { la: 'right', lb: 'middle', ldx: -OFFSET, ldy: 0 },
        { left: point.x - OFFSET - width, right: point.x - OFFSET, top: point.y - height / 2, bottom: point.y + height / 2 },
      ],
      [
        { la: 'center', lb: 'bottom', ldx: 0, ldy: -OFFSET },
        { left: point.x - width / 2, right: point.x + width / 2, top: point.y - OFFSET - height, bottom: point.y - OFFSET },
      ],
      [
        { la: 'center', lb: 'top', ldx: 0, ldy: OFFSET },
        { left: point.x - width / 2, right: point.x + width / 2, top: point.y + OFFSET, bottom: point.y + OFFSET + height },
      ],
    ];
    const fitting = candidates.find(([, box]) => isInside(box, plot) && !taken.some((other) => overlaps(box, other)));
    if (fitting === undefined) continue;
    placements.set(index, fitting[0]);
    taken.push(fitting[1]);
  }
  return points.map(({ mark }, index) => {
    const placement = placements.get(index);
    return placement === undefined ? { ...mark, t: '', la: 'left', lb: 'middle', ldx: OFFSET, ldy: 0 } : { ...mark, ...placement };
  });
}

function position(domain: Domain, from: number, to: number): (value: number) => number {
  const scale = (value: number) => (domain.isLog ? Math.log10(Math.max(value, Number.MIN_VALUE)) : value);
  const [low, high] = [scale(domain.min), scale(domain.max)];
  const span = high - low || 1;
  return (value) => from + ((scale(value) - low) / span) * (to - from);
}

// A label may reach the plot's edge but not past it: vega would widen the chart and shrink everything else.
function isInside(box: Box, plot: PlotBox): boolean {
  return box.left >= 0 && box.right <= plot.width && box.top >= 0 && box.bottom <= plot.height;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * A domain with round ends, as the axis shows it: about six ticks on a linear scale, powers of ten on a log one.
 * Set by datadeck rather than left to vega's `nice`, which rounds by the plot's width: when vega then narrows the
 * plot to fit a label, the rounding changes and the label no longer fits.
 */
export function niceDomain(values: readonly number[], options: { isLog: boolean; zero: boolean; headroom?: boolean }): Domain {
  const finite = values.filter((value) => Number.isFinite(value) && (!options.isLog || value > 0));
  if (finite.length === 0) return { min: options.isLog ? 1 : 0, max: options.isLog ? 10 : 1, isLog: options.isLog };
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (options.isLog) return { min: 10 ** Math.floor(Math.log10(min)), max: 10 ** Math.ceil(Math.log10(max)), isLog: true };
  if (options.zero) [min, max] = [Math.min(0, min), Math.max(0, max)];
  if (min === max) [min, max] = [min - 1, max + 1];
  const rough = (max - min) / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  // A point on the last tick would have its label cut by the chart's edge: it gets one more step of room.
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  if (options.headroom === false) return { min: low, max: high, isLog: false };
  return { min: low === min && min !== 0 ? low - step : low, max: high === max && max !== 0 ? high + step : high, isLog: false };
}
