import type { Dfg, DfgEdge } from '../discovery.util';
import { directlyFollows } from '../discovery.util';
import { EventLogBuilder } from '../event-log.model';
import { renderProcessMapSvg, selectEdges } from './process-map.svg';
import { allElements, childrenNamed, parseXml, titleOf, withClass, XmlElement } from './svg.test-support';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** An edge whose wait statistics all equal `waitMs` (or are unknown). */
function edge(from: string, to: string, frequency: number, waitMs: number | null = null): DfgEdge {
  return { from, to, frequency, meanMs: waitMs, medianMs: waitMs, p90Ms: waitMs, maxMs: waitMs };
}

const CREDIT = 'Credit <hold> & "review"';
const PICK = "Picker's check";

/**
 * Five sales orders: a credit hold on one path, a two-way step between Released and the
 * picker's check (one order sent back, two days later) and a repeated check (a self-loop).
 */
const orders: Dfg = {
  activities: [
    { name: 'Received', frequency: 5 },
    { name: CREDIT, frequency: 1 },
    { name: 'Released', frequency: 6 },
    { name: PICK, frequency: 7 },
    { name: 'Shipped', frequency: 5 },
  ],
  edges: [
    edge('Released', PICK, 6, 25 * MIN),
    edge(PICK, 'Shipped', 5, HOUR),
    edge('Received', 'Released', 4, 25 * MIN),
    edge(CREDIT, 'Released', 1, HOUR),
    edge(PICK, PICK, 1, 10 * MIN),
    edge(PICK, 'Released', 1, 2 * DAY),
    edge('Received', CREDIT, 1, 5 * MIN),
  ],
  starts: [{ name: 'Received', frequency: 5 }],
  ends: [{ name: 'Shipped', frequency: 5 }],
};

/** The label drawn on an edge group: its `<text>`. */
function labelOf(group: XmlElement): string {
  return childrenNamed(group, 'text')[0]?.text ?? '';
}

function activityGroup(root: XmlElement, name: string): XmlElement {
  const found = withClass(root, 'activity').filter((g) => g.attributes['data-activity'] === name);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('renderProcessMapSvg', () => {
  const svg = renderProcessMapSvg(orders);
  const root = parseXml(svg);

  it('is a well-formed SVG document sized from its layout', () => {
    expect(root.name).toBe('svg');
    expect(root.attributes['xmlns']).toBe('http://www.w3.org/2000/svg');
    const width = Number(root.attributes['width']);
    const height = Number(root.attributes['height']);
    expect(Number.isInteger(width) && width > 0).toBe(true);
    expect(Number.isInteger(height) && height > 0).toBe(true);
    expect(root.attributes['viewBox']).toBe(`0 0 ${width} ${height}`);
    expect(titleOf(root)).toBe('Process map');
  });

  it('loads no scripts, fonts or other external resources', () => {
    expect(allElements(root).map((e) => e.name)).not.toContain('script');
    expect(svg).not.toMatch(/href|url\(|@import|@font-face|<style/);
  });

  it('draws one box per activity, the markers, and one arrow per edge', () => {
    expect(withClass(root, 'activity')).toHaveLength(5);
    expect(withClass(root, 'start')).toHaveLength(1);
    expect(withClass(root, 'end')).toHaveLength(1);
    expect(withClass(root, 'edge')).toHaveLength(7);
    expect(withClass(root, 'self-loop')).toHaveLength(1);
    expect(withClass(root, 'start-edge')).toHaveLength(1);
    expect(withClass(root, 'end-edge')).toHaveLength(1);
    for (const group of withClass(root, 'edge')) {
      expect(childrenNamed(group, 'path')).toHaveLength(1);
      expect(childrenNamed(group, 'polygon')).toHaveLength(1);
    }
  });

  it('labels edges with their count and median wait, most frequent first, the self-loop with its box', () => {
    expect(withClass(root, 'edge').map(labelOf)).toEqual([
      '6 · 25 min',
      '5 · 1 h',
      '4 · 25 min',
      '1 · 1 h',
      '1 · 2 d',
      '1 · 5 min',
      '1 · 10 min',
    ]);
    expect(withClass(root, 'edge').map((g) => [g.attributes['data-from'], g.attributes['data-to']])).toEqual([
      ['Released', PICK],
      [PICK, 'Shipped'],
      ['Received', 'Released'],
      [CREDIT, 'Released'],
      [PICK, 'Released'],
      ['Received', CREDIT],
      [PICK, PICK],
    ]);
  });

  it('gives every node and edge a title for hover text', () => {
    expect(titleOf(withClass(root, 'edge')[0])).toBe(
      "Released → Picker's check: 6 times, median wait 25 min, mean 25 min, p90 25 min, max 25 min",
    );
    expect(titleOf(activityGroup(root, 'Received'))).toBe('Received: 5 events, starts 5 cases');
    expect(titleOf(activityGroup(root, CREDIT))).toBe(`${CREDIT}: 1 event`);
    expect(titleOf(withClass(root, 'start')[0])).toBe('Start: 5 cases');
    expect(titleOf(withClass(root, 'end')[0])).toBe('End: 5 cases');
    expect(titleOf(withClass(root, 'start-edge')[0])).toBe('Start → Received: 5 cases');
    expect(titleOf(withClass(root, 'end-edge')[0])).toBe('Shipped → End: 5 cases');
    expect(labelOf(withClass(root, 'start-edge')[0])).toBe('5');
  });

  it('writes each activity name and event count in its box', () => {
    const credit = activityGroup(root, CREDIT);
    const texts = childrenNamed(credit, 'text');
    expect(
      texts
        .filter((t) => t.attributes['class'] !== 'count')
        .map((t) => t.text)
        .join(' '),
    ).toBe(CREDIT);
    expect(withClass(credit, 'count').map((t) => t.text)).toEqual(['1']);
    expect(withClass(activityGroup(root, PICK), 'count').map((t) => t.text)).toEqual(['7']);
  });

  it('escapes <, &, and quotes in names everywhere', () => {
    expect(svg).toContain('data-activity="Credit &lt;hold&gt; &amp; &quot;review&quot;"');
    expect(svg).toContain('data-activity="Picker&#39;s check"');
    expect(svg).not.toContain('<hold>');
    expect(svg).not.toContain('"review"');
    expect(svg).not.toContain("Picker's");
  });

  it('escapes a title and names no other parser would accept', () => {
    const odd: Dfg = {
      activities: [{ name: 'a]]>b\u0007', frequency: 1 }],
      edges: [],
      starts: [{ name: 'a]]>b\u0007', frequency: 1 }],
      ends: [],
    };
    const drawn = parseXml(renderProcessMapSvg(odd, { title: '</svg><script>alert(1)</script>' }));
    expect(titleOf(drawn)).toBe('</svg><script>alert(1)</script>');
    expect(withClass(drawn, 'heading').map((t) => t.text)).toEqual(['</svg><script>alert(1)</script>']);
    expect(withClass(drawn, 'activity')[0].attributes['data-activity']).toBe('a]]>b\uFFFD');
    expect(allElements(drawn).map((e) => e.name)).not.toContain('script');
  });

  it('draws the self-loop as an arc beside its box', () => {
    const [loop] = withClass(root, 'self-loop');
    expect(loop.attributes['data-from']).toBe(PICK);
    expect(loop.attributes['data-to']).toBe(PICK);
    const [rect] = childrenNamed(activityGroup(root, PICK), 'rect');
    const right = Number(rect.attributes['x']) + Number(rect.attributes['width']);
    const path = childrenNamed(loop, 'path')[0].attributes['d'];
    const match = /^M(-?[\d.]+),(-?[\d.]+) C(-?[\d.]+),/.exec(path);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeCloseTo(right, 0);
    expect(Number(match?.[3])).toBeGreaterThan(right);
  });

  it('draws the self-loop above its box left to right', () => {
    const drawn = parseXml(renderProcessMapSvg(orders, { rankdir: 'LR' }));
    expect(withClass(drawn, 'edge')).toHaveLength(7);
    const [loop] = withClass(drawn, 'self-loop');
    const [rect] = childrenNamed(activityGroup(drawn, PICK), 'rect');
    const path = childrenNamed(loop, 'path')[0].attributes['d'];
    const match = /^M(-?[\d.]+),(-?[\d.]+) C(-?[\d.]+),(-?[\d.]+)/.exec(path);
    expect(Number(match?.[2])).toBeCloseTo(Number(rect.attributes['y']), 0);
    expect(Number(match?.[4])).toBeLessThan(Number(rect.attributes['y']));
  });

  it('is byte-identical for the same graph, whatever its input order', () => {
    expect(renderProcessMapSvg(orders)).toBe(svg);
    const shuffled: Dfg = {
      activities: [...orders.activities].reverse(),
      edges: [...orders.edges].reverse(),
      starts: [...orders.starts],
      ends: [...orders.ends],
    };
    expect(renderProcessMapSvg(shuffled)).toBe(svg);
    expect(renderProcessMapSvg(orders, { metric: 'wait', rankdir: 'LR' })).toBe(
      renderProcessMapSvg(shuffled, { metric: 'wait', rankdir: 'LR' }),
    );
  });

  it('makes frequent edges thicker and darker and frequent activities darker', () => {
    const [top] = withClass(root, 'edge');
    const [path] = childrenNamed(top, 'path');
    expect(path.attributes['stroke']).toBe('#2d3748');
    expect(path.attributes['stroke-width']).toBe('6');
    const rare = withClass(root, 'edge')[5];
    expect(Number(childrenNamed(rare, 'path')[0].attributes['stroke-width'])).toBeLessThan(6);
    expect(childrenNamed(activityGroup(root, PICK), 'rect')[0].attributes['fill']).toBe('#2b6cb0');
  });

  it('colours edges by median wait, shortest green to longest red, with a key', () => {
    const drawn = parseXml(renderProcessMapSvg(orders, { metric: 'wait' }));
    const strokeOf = (from: string, to: string): string => {
      const group = withClass(drawn, 'edge').find(
        (g) => g.attributes['data-from'] === from && g.attributes['data-to'] === to,
      );
      return group ? childrenNamed(group, 'path')[0].attributes['stroke'] : '';
    };
    expect(strokeOf('Received', CREDIT)).toBe('#2f855a');
    expect(strokeOf(PICK, 'Released')).toBe('#c53030');
    const [legend] = withClass(drawn, 'legend');
    expect(childrenNamed(legend, 'text').map((t) => t.text)).toEqual(['Median wait', '5 min', '2 d']);
    expect(childrenNamed(legend, 'rect')).toHaveLength(8);
    expect(withClass(root, 'legend')).toHaveLength(0);
  });

  it('draws edges without wait times grey and labels them with the count only', () => {
    const untimed: Dfg = { ...orders, edges: orders.edges.map((e) => edge(e.from, e.to, e.frequency)) };
    const drawn = parseXml(renderProcessMapSvg(untimed, { metric: 'wait' }));
    expect(withClass(drawn, 'edge').map(labelOf)).toEqual(['6', '5', '4', '1', '1', '1', '1']);
    const strokes = withClass(drawn, 'edge').map((g) => childrenNamed(g, 'path')[0].attributes['stroke']);
    expect(new Set(strokes)).toEqual(new Set(['#cbd5e0']));
    expect(withClass(drawn, 'legend')).toHaveLength(0);
  });

  it('keeps the most frequent edges, plus those that keep every activity connected', () => {
    const drawn = parseXml(renderProcessMapSvg(orders, { maxEdges: 3 }));
    expect(withClass(drawn, 'edge').map((g) => [g.attributes['data-from'], g.attributes['data-to']])).toEqual(
      [
        ['Released', PICK],
        [PICK, 'Shipped'],
        ['Received', 'Released'],
        [CREDIT, 'Released'],
        ['Received', CREDIT],
      ],
    );
    expect(withClass(drawn, 'self-loop')).toHaveLength(0);
    expect(withClass(drawn, 'activity')).toHaveLength(5);
    expect(withClass(drawn, 'caption').map((t) => t.text)).toEqual([
      '5 of 7 paths shown: the most frequent, and any that keep every activity connected',
    ]);
    expect(withClass(root, 'caption')).toHaveLength(0);
  });

  it('shows the title as a heading', () => {
    const drawn = parseXml(renderProcessMapSvg(orders, { title: 'Orders & returns' }));
    expect(titleOf(drawn)).toBe('Orders & returns');
    expect(withClass(drawn, 'heading').map((t) => t.text)).toEqual(['Orders & returns']);
  });

  it('leaves out edges and markers naming unknown activities', () => {
    const stray: Dfg = {
      ...orders,
      edges: [...orders.edges, edge('Received', 'Ghost', 9)],
      starts: [...orders.starts, { name: 'Ghost', frequency: 2 }],
    };
    const drawn = parseXml(renderProcessMapSvg(stray));
    expect(withClass(drawn, 'edge')).toHaveLength(7);
    expect(withClass(drawn, 'start-edge')).toHaveLength(1);
  });

  it('draws an empty graph as the two markers', () => {
    const drawn = parseXml(renderProcessMapSvg({ activities: [], edges: [], starts: [], ends: [] }));
    expect(withClass(drawn, 'activity')).toHaveLength(0);
    expect(withClass(drawn, 'start')).toHaveLength(1);
    expect(withClass(drawn, 'end')).toHaveLength(1);
    expect(titleOf(withClass(drawn, 'start')[0])).toBe('Start: 0 cases');
  });

  it('draws the graph mined from an event log', () => {
    const log = new EventLogBuilder();
    const t0 = Date.parse('2026-11-27T06:00:00Z');
    log.add('SO-1001', 'order received', t0, 'customer service');
    log.add('SO-1001', 'order released', t0 + 3.5 * HOUR, 'warehouse');
    log.add('SO-1002', 'order received', t0, 'customer service');
    log.add('SO-1002', 'order released', t0 + 1.5 * HOUR, 'warehouse');
    const drawn = parseXml(renderProcessMapSvg(directlyFollows(log.build())));
    expect(withClass(drawn, 'edge').map(labelOf)).toEqual(['2 · 2.5 h']);
    expect(withClass(drawn, 'activity').map((g) => g.attributes['data-activity'])).toEqual([
      'order received',
      'order released',
    ]);
  });
});

describe('selectEdges', () => {
  const ranked = orders.edges;
  const pairs = (edges: DfgEdge[]): string[] => edges.map((e) => `${e.from} → ${e.to}`);

  it('keeps every edge within the limit', () => {
    expect(selectEdges(ranked, 60, ['Received'], ['Shipped'])).toBe(ranked);
    expect(selectEdges(ranked, 7, ['Received'], ['Shipped'])).toBe(ranked);
  });

  it('adds back, most frequent first, the edges that reach and leave every activity', () => {
    expect(pairs(selectEdges(ranked, 0, ['Received'], ['Shipped']))).toEqual([
      `Released → ${PICK}`,
      `${PICK} → Shipped`,
      'Received → Released',
      `${CREDIT} → Released`,
      `Received → ${CREDIT}`,
    ]);
  });

  it('stops when an activity cannot be reached at all', () => {
    const island = [edge('A', 'B', 5), edge('C', 'B', 1)];
    expect(pairs(selectEdges(island, 0, ['A'], ['B']))).toEqual(['A → B', 'C → B']);
    expect(pairs(selectEdges(island, 0, ['A'], []))).toEqual(['A → B']);
  });
});
