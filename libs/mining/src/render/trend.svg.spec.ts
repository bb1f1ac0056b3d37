import { allElements, childrenNamed, parseXml, titleOf, withClass, XmlElement } from './svg.test-support';
import { renderTrendSvg, TREND_PALETTE, TrendPoint, TrendSeries } from './trend.svg';

const DAY = 86_400_000;
const NOV_1 = Date.UTC(2026, 10, 1);

/** Daily points from 2026-11-01 (UTC midnight). */
function daily(values: (number | null)[]): TrendPoint[] {
  return values.map((value, i) => ({ at: NOV_1 + i * DAY, value }));
}

/** A polyline's points as [x, y] pairs. */
function pointsOf(line: XmlElement): [number, number][] {
  return line.attributes['points'].split(' ').map((pair) => {
    const [x, y] = pair.split(',').map(Number);
    return [x, y];
  });
}

function textsOf(group: XmlElement): string[] {
  return allElements(group)
    .filter((e) => e.name === 'text')
    .map((e) => e.text);
}

/**
 * Ten days of credit-hold waits between 40 and 100 h. At 400 × 320 without title or unit the
 * plot spans x 36…384 (y labels up to "100" are 20 px wide) and y 20…268, with y ticks every 10
 * from 40 to 100 and room for 5 time ticks: every other day.
 */
const waits: TrendSeries = { name: 'Median wait', points: daily([40, 100, 70, 55, 60, 65, 70, 75, 80, 85]) };

describe('renderTrendSvg', () => {
  const svg = renderTrendSvg([waits], { width: 400 });
  const root = parseXml(svg);

  it('is a well-formed SVG document of the requested size', () => {
    expect(root.name).toBe('svg');
    expect(root.attributes['width']).toBe('400');
    expect(root.attributes['height']).toBe('320');
    expect(root.attributes['viewBox']).toBe('0 0 400 320');
    expect(titleOf(root)).toBe('Trend');
    expect(svg).not.toMatch(/<script|href|url\(|@import|<style/);
  });

  it('puts round y ticks and calendar x ticks on the axes', () => {
    expect(textsOf(withClass(root, 'y-axis')[0])).toEqual(['40', '50', '60', '70', '80', '90', '100']);
    expect(textsOf(withClass(root, 'x-axis')[0])).toEqual(['Nov 1', 'Nov 3', 'Nov 5', 'Nov 7', 'Nov 9']);
  });

  it('scales values into the plot area', () => {
    const [line] = allElements(withClass(root, 'series')[0]).filter((e) => e.name === 'polyline');
    const points = pointsOf(line);
    expect(points).toHaveLength(10);
    expect(points[0]).toEqual([36, 268]);
    expect(points[1]).toEqual([74.7, 20]);
    expect(points[2]).toEqual([113.3, 144]);
    expect(points[9][0]).toBe(384);
  });

  it('starts the y-axis at 0 when asked', () => {
    const drawn = parseXml(renderTrendSvg([waits], { width: 400, yFrom0: true }));
    expect(textsOf(withClass(drawn, 'y-axis')[0])).toEqual(['0', '20', '40', '60', '80', '100']);
  });

  it('breaks the line at nulls and draws a lone value as a dot', () => {
    const gappy: TrendSeries = {
      name: 'Open exceptions',
      points: daily([3, 4, null, 6, 7, 8, null, 9, null, 5]),
    };
    const drawn = parseXml(renderTrendSvg([gappy]));
    const [series] = withClass(drawn, 'series');
    const lines = childrenNamed(series, 'polyline');
    expect(lines.map((l) => pointsOf(l).length)).toEqual([2, 3]);
    expect(childrenNamed(series, 'circle')).toHaveLength(2);
  });

  it('treats non-finite values as gaps and leaves out unparseable times', () => {
    const drawn = parseXml(
      renderTrendSvg([
        {
          name: 'x',
          points: [
            { at: NOV_1, value: 1 },
            { at: 'not a date', value: 50 },
            { at: NOV_1 + DAY, value: 2 },
            { at: NOV_1 + 2 * DAY, value: Number.NaN },
            { at: NOV_1 + 3 * DAY, value: 3 },
            { at: NOV_1 + 4 * DAY, value: 4 },
          ],
        },
      ]),
    );
    const [series] = withClass(drawn, 'series');
    expect(childrenNamed(series, 'polyline').map((l) => pointsOf(l).length)).toEqual([2, 2]);
    expect(textsOf(withClass(drawn, 'y-axis')[0])).not.toContain('50');
  });

  it('reads ISO times like ms and draws points in time order', () => {
    const iso: TrendSeries = {
      name: waits.name,
      points: waits.points.map((p) => ({ at: new Date(p.at).toISOString(), value: p.value })),
    };
    expect(renderTrendSvg([iso], { width: 400 })).toBe(svg);
    const shuffled: TrendSeries = { name: waits.name, points: [...waits.points].reverse() };
    expect(renderTrendSvg([shuffled], { width: 400 })).toBe(svg);
  });

  it('is byte-identical for the same input', () => {
    expect(renderTrendSvg([waits], { width: 400 })).toBe(svg);
  });

  it('colours series from the palette in order and names them in the legend', () => {
    const many = Array.from({ length: 11 }, (_, i): TrendSeries => ({
      name: `S${i}`,
      points: daily([i, i + 1]),
    }));
    const drawn = parseXml(renderTrendSvg(many));
    const colours = withClass(drawn, 'series').map(
      (s) => childrenNamed(s, 'polyline')[0].attributes['stroke'],
    );
    expect(colours).toEqual([...TREND_PALETTE, TREND_PALETTE[0]]);
    expect(colours[1]).toBe('#f28e2b');
    const [legend] = withClass(drawn, 'legend');
    expect(textsOf(legend)).toEqual(many.map((s) => s.name));
    expect(childrenNamed(legend, 'line').map((l) => l.attributes['stroke'])).toEqual(colours);
  });

  it('escapes series names, the title and the unit', () => {
    const name = `p90 <wait> & "hold" 'credit'`;
    const text = renderTrendSvg([{ name, points: daily([1, 2]) }], { title: 'Waits & <holds>', unit: '"h"' });
    const drawn = parseXml(text);
    expect(titleOf(drawn)).toBe('Waits & <holds>');
    expect(withClass(drawn, 'heading').map((t) => t.text)).toEqual(['Waits & <holds>']);
    expect(withClass(drawn, 'unit').map((t) => t.text)).toEqual(['"h"']);
    expect(withClass(drawn, 'series')[0].attributes['data-series']).toBe(name);
    expect(titleOf(withClass(drawn, 'series')[0])).toBe(name);
    expect(textsOf(withClass(drawn, 'legend')[0])).toEqual([name]);
    expect(text).toContain('p90 &lt;wait&gt; &amp; &quot;hold&quot; &#39;credit&#39;');
  });

  it('says so when there is nothing to draw', () => {
    const drawn = parseXml(renderTrendSvg([{ name: 'x', points: daily([null, null]) }]));
    expect(withClass(drawn, 'empty').map((t) => t.text)).toEqual(['No data']);
    expect(allElements(drawn).filter((e) => e.name === 'polyline')).toHaveLength(0);
    expect(parseXml(renderTrendSvg([])).name).toBe('svg');
  });

  it('centres a single time on the x-axis', () => {
    const drawn = parseXml(
      renderTrendSvg([{ name: 'x', points: [{ at: NOV_1, value: 5 }] }], { width: 400 }),
    );
    const [dot] = allElements(drawn).filter((e) => e.name === 'circle');
    const [axis] = childrenNamed(withClass(drawn, 'x-axis')[0], 'line');
    const middle = (Number(axis.attributes['x1']) + Number(axis.attributes['x2'])) / 2;
    expect(dot.attributes['cx']).toBe(String(middle));
    expect(textsOf(withClass(drawn, 'y-axis')[0])).toEqual(['4.4', '4.6', '4.8', '5.0', '5.2', '5.4', '5.6']);
  });
});
