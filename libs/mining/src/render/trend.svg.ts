import { niceTicks, stepDecimals, timeTicks } from './scales';
import { escapeXml, formatNumber, num, textWidth } from './svg.util';

/** One value of a KPI at one time; `null` where it is unknown (the line breaks there). */
export interface TrendPoint {
  /** ms since the epoch, or an ISO 8601 string. */
  at: number | string;
  value: number | null;
}

/** One line of a trend chart: a KPI (or one segment of it) over time. */
export interface TrendSeries {
  name: string;
  points: TrendPoint[];
}

/** How a trend chart is drawn. */
export interface TrendSvgOptions {
  /** A heading above the chart, also the document's `<title>`. */
  title?: string;
  /** The values' unit (`h`, `%`, `orders/day`), written above the y-axis. */
  unit?: string;
  /** Size in px; default 640 × 320 (at least 200 × 140). */
  width?: number;
  height?: number;
  /** Whether the y-axis always includes 0 (default false: it fits the values). */
  yFrom0?: boolean;
}

/**
 * Line colours, series by series (Tableau 10: distinct for most colour-blind readers too);
 * series beyond ten reuse them in order.
 */
export const TREND_PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const AXIS_FONT = 11;
const LEGEND_ROW = 18;
const HALF_DAY_MS = 43_200_000;

/** A point ready to draw: its time and value, both finite (or the value null for a gap). */
interface Sample {
  at: number;
  value: number | null;
}

/**
 * KPI trends as a standalone SVG line chart for the analytics service and `npm run mine`: a
 * time x-axis with calendar ticks (hours, days, weeks, months or years as the span asks, in
 * UTC; see {@link timeTicks}), a y-axis with round steps and grid lines (see {@link niceTicks}),
 * one line per series in a fixed palette (series i gets `TREND_PALETTE[i % 10]`), and a legend.
 *
 * Points are drawn in time order; a point whose time does not parse is left out. A null (or
 * non-finite) value breaks the line: each unbroken run is its own `<polyline>`, and a run of
 * one point is a dot. Every series has a `<title>` for hover text; all text is XML-escaped; no
 * scripts, fonts or ids. Same input, same bytes.
 */
export function renderTrendSvg(series: TrendSeries[], options: TrendSvgOptions = {}): string {
  const width = Math.max(200, Math.round(options.width ?? 640));
  const height = Math.max(140, Math.round(options.height ?? 320));
  const samples = series.map((s) => samplesOf(s.points));
  const times = samples.flatMap((s) => s.map((p) => p.at));
  const values = samples.flatMap((s) => s.flatMap((p) => (p.value === null ? [] : [p.value])));

  const legend = legendLayout(
    series.map((s) => s.name),
    width - 32,
  );
  const top = (options.title ? 34 : 12) + (options.unit ? 16 : 0) + 8;
  const bottom = 8 + 22 + legend.rows * LEGEND_ROW + 4;
  const plotHeight = Math.max(20, height - top - bottom);

  const low = values.length ? values.reduce((a, b) => Math.min(a, b)) : 0;
  const high = values.length ? values.reduce((a, b) => Math.max(a, b)) : 1;
  const yTicks = niceTicks(
    options.yFrom0 ? Math.min(0, low) : low,
    options.yFrom0 ? Math.max(0, high) : high,
    Math.max(2, Math.min(8, Math.floor(plotHeight / 40))),
  );
  const decimals = yTicks.length > 1 ? stepDecimals(yTicks[1] - yTicks[0]) : 0;
  const yLabels = yTicks.map((t) => formatNumber(t, decimals));
  const left = 8 + Math.ceil(Math.max(...yLabels.map((l) => textWidth(l, AXIS_FONT)), 0)) + 8;
  const right = width - 16;
  const plotWidth = Math.max(20, right - left);

  const [start, end] = timeDomain(times);
  const xTicks = times.length ? timeTicks(start, end, Math.max(2, Math.floor(plotWidth / 64))) : [];
  const yLow = yTicks[0];
  const yHigh = yTicks[yTicks.length - 1];
  const x = (at: number): number => left + ((at - start) / (end - start)) * plotWidth;
  const y = (value: number): number => top + plotHeight - ((value - yLow) / (yHigh - yLow)) * plotHeight;
  const base = top + plotHeight;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` role="img" font-family="${escapeXml(FONT)}" font-size="${AXIS_FONT}">`,
    `<title>${escapeXml(options.title || 'Trend')}</title>`,
    `<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (options.title) {
    out.push(
      `<text class="heading" x="16" y="24" font-size="15" font-weight="600" fill="#1a202c">${escapeXml(options.title)}</text>`,
    );
  }
  if (options.unit) {
    out.push(`<text class="unit" x="8" y="${top - 10}" fill="#4a5568">${escapeXml(options.unit)}</text>`);
  }
  out.push('<g class="y-axis">');
  yTicks.forEach((tick, i) => {
    const at = num(y(tick));
    out.push(
      `<line x1="${left}" x2="${num(right)}" y1="${at}" y2="${at}" stroke="${tick === 0 ? '#a0aec0' : '#e2e8f0'}"/>` +
        `<text x="${left - 8}" y="${num(y(tick) + 4)}" text-anchor="end" fill="#4a5568">${yLabels[i]}</text>`,
    );
  });
  out.push('</g>', '<g class="x-axis">');
  out.push(`<line x1="${left}" x2="${num(right)}" y1="${num(base)}" y2="${num(base)}" stroke="#718096"/>`);
  for (const tick of xTicks) {
    const at = x(tick.at);
    const half = textWidth(tick.label, AXIS_FONT) / 2;
    const labelAt = Math.min(Math.max(at, half + 2), width - half - 2);
    out.push(
      `<line x1="${num(at)}" x2="${num(at)}" y1="${num(base)}" y2="${num(base + 4)}" stroke="#718096"/>` +
        `<text x="${num(labelAt)}" y="${num(base + 17)}" text-anchor="middle" fill="#4a5568">${escapeXml(tick.label)}</text>`,
    );
  }
  out.push('</g>');
  if (!values.length) {
    out.push(
      `<text class="empty" x="${num(left + plotWidth / 2)}" y="${num(top + plotHeight / 2)}" text-anchor="middle"` +
        ` font-size="13" fill="#718096">No data</text>`,
    );
  }
  series.forEach((s, i) => {
    const color = TREND_PALETTE[i % TREND_PALETTE.length];
    out.push(`<g class="series" data-series="${escapeXml(s.name)}"><title>${escapeXml(s.name)}</title>`);
    for (const run of runsOf(samples[i])) {
      if (run.length === 1) {
        out.push(`<circle cx="${num(x(run[0].at))}" cy="${num(y(run[0].value))}" r="2.5" fill="${color}"/>`);
      } else {
        const points = run.map((p) => `${num(x(p.at))},${num(y(p.value))}`).join(' ');
        out.push(
          `<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2"` +
            ` stroke-linejoin="round" stroke-linecap="round"/>`,
        );
      }
    }
    out.push('</g>');
  });
  out.push('<g class="legend">');
  legend.items.forEach((item, i) => {
    const color = TREND_PALETTE[i % TREND_PALETTE.length];
    const rowY = base + 30 + item.row * LEGEND_ROW;
    out.push(
      `<line x1="${num(16 + item.x)}" x2="${num(30 + item.x)}" y1="${num(rowY - 4)}" y2="${num(rowY - 4)}"` +
        ` stroke="${color}" stroke-width="3" stroke-linecap="round"/>` +
        `<text x="${num(36 + item.x)}" y="${num(rowY)}" fill="#2d3748">${escapeXml(series[i].name)}</text>`,
    );
  });
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}

/** A series' points with parseable times, in time order (ties keep their order); bad values become gaps. */
function samplesOf(points: TrendPoint[]): Sample[] {
  const samples: Sample[] = [];
  for (const point of points) {
    const at = typeof point.at === 'number' ? point.at : Date.parse(point.at);
    if (!Number.isFinite(at)) continue;
    const value = point.value !== null && Number.isFinite(point.value) ? point.value : null;
    samples.push({ at, value });
  }
  return samples.sort((a, b) => a.at - b.at);
}

/** The unbroken runs of values between gaps. */
function runsOf(samples: Sample[]): { at: number; value: number }[][] {
  const runs: { at: number; value: number }[][] = [];
  let run: { at: number; value: number }[] = [];
  for (const sample of samples) {
    if (sample.value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ at: sample.at, value: sample.value });
  }
  if (run.length) runs.push(run);
  return runs;
}

/** First to last time; a single time gets half a day either side. */
function timeDomain(times: number[]): [number, number] {
  if (!times.length) return [0, 1];
  const start = times.reduce((a, b) => Math.min(a, b));
  const end = times.reduce((a, b) => Math.max(a, b));
  return start === end ? [start - HALF_DAY_MS, end + HALF_DAY_MS] : [start, end];
}

/** Legend entries laid out left to right, wrapping to a new row when `maxWidth` would be passed. */
function legendLayout(
  names: string[],
  maxWidth: number,
): { rows: number; items: { x: number; row: number }[] } {
  const items: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const name of names) {
    const itemWidth = 20 + textWidth(name, AXIS_FONT) + 16;
    if (x > 0 && x + itemWidth > maxWidth) {
      row++;
      x = 0;
    }
    items.push({ x, row });
    x += itemWidth;
  }
  return { rows: names.length ? row + 1 : 0, items };
}
