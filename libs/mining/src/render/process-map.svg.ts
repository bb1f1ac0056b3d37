import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { Dfg, DfgEdge } from '../discovery.util';
import { escapeXml, formatDuration, formatNumber, num, rampColor, textWidth, wrapText } from './svg.util';

// @dagrejs/dagre is published as an ES module with a CommonJS build for require(). This library
// compiles to CommonJS, which may import the package's types only as types, so the code itself
// comes in through require (resolved to dist/dagre.cjs).
const dagre = require('@dagrejs/dagre') as typeof Dagre;

/** How the process map is drawn. */
export interface ProcessMapSvgOptions {
  /** Flow direction: top to bottom (default) or left to right. */
  rankdir?: 'TB' | 'LR';
  /**
   * What edge colour shows: `frequency` (default; darker for more frequent) or `wait`: the
   * median wait, from green for the shortest drawn through amber to red for the longest (log
   * scale, with a key under the map; grey without wait times), so bottlenecks stand out. Edge
   * thickness shows frequency either way.
   */
  metric?: 'frequency' | 'wait';
  /**
   * How many directly-follows edges to draw, most frequent first (default 60; self-loops
   * count). Edges beyond it are still drawn when one is needed to keep an activity reachable
   * from the start or able to reach the end (the most frequent such edge each time), so the
   * map may hold a few more (0 draws only those). Links from the start and to the end marker
   * are always drawn and do not count.
   */
  maxEdges?: number;
  /** A heading drawn above the map and used as the document's `<title>`. */
  title?: string;
}

/** Edges drawn when the caller does not say: about what a reader can follow on one screen. */
const DEFAULT_MAX_EDGES = 60;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const NAME_FONT = 12;
const COUNT_FONT = 11;
const EDGE_FONT = 11;
const NAME_LINE = 15;
const COUNT_LINE = 14;
const NODE_PAD_X = 12;
const NODE_PAD_Y = 7;
const NODE_MIN_WIDTH = 80;
const NAME_MAX_WIDTH = 168;
const NAME_MAX_LINES = 3;
/** Names are set in bold, which runs about a tenth wider than the regular estimate. */
const BOLD = 1.1;
const MARKER_RADIUS = 12;
/** How far a self-loop bulges out of its activity box (the curve's control points). */
const LOOP_BULGE = 22;
const START_ID = 'start';
const END_ID = 'end';

const NODE_RAMP = ['#ebf4ff', '#2b6cb0'];
const FREQUENCY_RAMP = ['#a0aec0', '#2d3748'];
const WAIT_RAMP = ['#2f855a', '#d69e2e', '#c53030'];
const NO_WAIT_COLOR = '#cbd5e0';
const MARKER_EDGE_COLOR = '#a0aec0';

interface Point {
  x: number;
  y: number;
}

/** Where a node is drawn: an activity's box or a marker's circle. */
interface Shape {
  kind: 'box' | 'circle';
  cx: number;
  cy: number;
  width: number;
  height: number;
}

interface ActivityNode {
  id: string;
  name: string;
  frequency: number;
  starts: number;
  ends: number;
  lines: string[];
  width: number;
  height: number;
  loop: DfgEdge | null;
  /** Room the self-loop and its label take beside the box (right in TB, above in LR). */
  loopRoom: number;
}

/** A line between two distinct nodes: a directly-follows edge or a start/end link. */
interface Link {
  kind: 'edge' | 'start-edge' | 'end-edge';
  name: string;
  v: string;
  w: string;
  fromName: string;
  toName: string;
  frequency: number;
  edge: DfgEdge | null;
  label: string;
}

/**
 * The process map of a directly-follows graph as a standalone SVG document, for the analytics
 * service and `npm run mine`: one box per activity (its name and event count, filled darker the
 * more frequent it is), a start and an end marker linked to the activities that start and end
 * cases (with their case counts), and an arrow per directly-follows edge labelled with its
 * frequency and, when wait times are known, the median wait (`12 · 3.5 h`). Edges grow thicker
 * with frequency; see {@link ProcessMapSvgOptions} for colouring by wait and for how many edges
 * are kept. Layout by dagre; self-loops are drawn as arcs beside their box.
 *
 * Every node and edge carries a `<title>` for hover text and `data-*` attributes naming its
 * activities; all text is XML-escaped. The document has no scripts, no external fonts and no
 * element ids, so several maps can sit in one page. Same graph, same options: same bytes
 * (activities and edges are ordered by frequency then name before layout, whatever their input
 * order). Edges and markers naming an activity missing from `dfg.activities` are left out.
 */
export function renderProcessMapSvg(dfg: Dfg, options: ProcessMapSvgOptions = {}): string {
  const rankdir = options.rankdir ?? 'TB';
  const metric = options.metric ?? 'frequency';
  const ranked = rankCounts(dfg.activities);
  const idOf = new Map(ranked.map((activity, i) => [activity.name, `n${i}`]));
  const edges = rankEdges(dfg.edges.filter((e) => idOf.has(e.from) && idOf.has(e.to)));
  const starts = rankCounts(dfg.starts).filter((s) => idOf.has(s.name));
  const ends = rankCounts(dfg.ends).filter((s) => idOf.has(s.name));
  const kept = selectEdges(
    edges,
    options.maxEdges ?? DEFAULT_MAX_EDGES,
    starts.map((s) => s.name),
    ends.map((s) => s.name),
  );
  const nodes = activityNodes(ranked, idOf, kept, starts, ends, rankdir);
  const links = linksOf(kept, starts, ends, idOf);
  const graph = layoutGraph(nodes, links, rankdir);
  const scale = scalesOf(nodes, links, kept);

  const heading = headingLines(options.title, kept.length, edges.length);
  const headingHeight = heading.length ? 12 + heading.length * 20 : 0;
  const legend = metric === 'wait' && scale.waits !== null ? waitLegend(scale.waits) : null;
  const layoutWidth = graph.graph().width ?? 0;
  const layoutHeight = graph.graph().height ?? 0;
  const width = Math.ceil(
    Math.max(
      layoutWidth,
      ...heading.map((line) => 32 + textWidth(line.text, line.size)),
      legend ? legend.width + 32 : 0,
    ),
  );
  const height = Math.ceil(headingHeight + layoutHeight + (legend ? 32 : 0));
  const shapes = shapesOf(graph, nodes, rankdir);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
      ` role="img" font-family="${escapeXml(FONT)}" font-size="${NAME_FONT}">`,
    `<title>${escapeXml(options.title || 'Process map')}</title>`,
    `<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  heading.forEach((line, i) => {
    out.push(
      `<text class="${line.kind}" x="16" y="${28 + i * 20}" font-size="${line.size}"` +
        `${line.kind === 'heading' ? ' font-weight="600"' : ''} fill="${line.kind === 'heading' ? '#1a202c' : '#4a5568'}">` +
        `${escapeXml(line.text)}</text>`,
    );
  });
  out.push(`<g class="map" transform="translate(${num((width - layoutWidth) / 2)} ${num(headingHeight)})">`);
  for (const link of links) {
    const label = graph.edge({ v: link.v, w: link.w, name: link.name });
    out.push(renderLink(link, label, shapes, scale, metric));
  }
  for (const node of nodes) {
    const shape = shapes.get(node.id);
    if (shape) out.push(renderActivity(node, shape, scale, metric, rankdir));
  }
  out.push(renderMarker('start', shapes.get(START_ID), total(starts)));
  out.push(renderMarker('end', shapes.get(END_ID), total(ends)));
  out.push('</g>');
  if (legend) out.push(legend.render(headingHeight + layoutHeight + 6));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** Named counts, one per name (the first wins), most frequent first, then by name. */
function rankCounts(counts: { name: string; frequency: number }[]): { name: string; frequency: number }[] {
  const seen = new Set<string>();
  const unique = counts.filter((c) => !seen.has(c.name) && seen.add(c.name));
  return unique.map((c) => ({ name: c.name, frequency: c.frequency })).sort(byFrequencyThenName);
}

function byFrequencyThenName(
  a: { name: string; frequency: number },
  b: { name: string; frequency: number },
): number {
  return b.frequency - a.frequency || compare(a.name, b.name);
}

/** Edges most frequent first, then by `from` and `to`; one per pair (the first wins). */
function rankEdges(edges: DfgEdge[]): DfgEdge[] {
  const seen = new Set<string>();
  const unique = edges.filter((e) => {
    const key = JSON.stringify([e.from, e.to]);
    return !seen.has(key) && seen.add(key);
  });
  return unique.sort((a, b) => b.frequency - a.frequency || compare(a.from, b.from) || compare(a.to, b.to));
}

/**
 * The first `limit` of the ranked edges, plus, while some activity cannot be reached from a
 * start activity (or cannot reach an end activity) over the kept edges, the most frequent
 * dropped edge that reaches one more. Returned in ranked order.
 */
export function selectEdges(ranked: DfgEdge[], limit: number, starts: string[], ends: string[]): DfgEdge[] {
  const keep = ranked.map((_, i) => i < limit);
  if (keep.every(Boolean)) return ranked;
  connect(ranked, keep, starts, 'from', 'to');
  connect(ranked, keep, ends, 'to', 'from');
  return ranked.filter((_, i) => keep[i]);
}

/**
 * Grows `keep` until every activity reachable from `roots` over all edges is reachable over
 * the kept ones, walking edges from `tail` to `head` (from → to forwards, to → from backwards).
 */
function connect(
  ranked: DfgEdge[],
  keep: boolean[],
  roots: string[],
  tail: 'from' | 'to',
  head: 'from' | 'to',
): void {
  const next = new Map<string, string[]>();
  const reached = new Set<string>();
  const reach = (start: string): void => {
    const stack = [start];
    reached.add(start);
    for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
      for (const successor of next.get(name) ?? []) {
        if (!reached.has(successor)) {
          reached.add(successor);
          stack.push(successor);
        }
      }
    }
  };
  ranked.forEach((edge, i) => {
    if (keep[i]) next.set(edge[tail], [...(next.get(edge[tail]) ?? []), edge[head]]);
  });
  roots.forEach((root) => reached.has(root) || reach(root));
  for (;;) {
    const i = ranked.findIndex((e, j) => !keep[j] && reached.has(e[tail]) && !reached.has(e[head]));
    if (i < 0) return;
    keep[i] = true;
    const edge = ranked[i];
    next.set(edge[tail], [...(next.get(edge[tail]) ?? []), edge[head]]);
    reach(edge[head]);
  }
}

function activityNodes(
  ranked: { name: string; frequency: number }[],
  idOf: Map<string, string>,
  kept: DfgEdge[],
  starts: { name: string; frequency: number }[],
  ends: { name: string; frequency: number }[],
  rankdir: 'TB' | 'LR',
): ActivityNode[] {
  const loops = new Map(kept.filter((e) => e.from === e.to).map((e) => [e.from, e]));
  const startOf = new Map(starts.map((s) => [s.name, s.frequency]));
  const endOf = new Map(ends.map((s) => [s.name, s.frequency]));
  return ranked.map((activity): ActivityNode => {
    const lines = wrapText(activity.name, NAME_MAX_WIDTH / BOLD, NAME_FONT, NAME_MAX_LINES);
    const count = formatNumber(activity.frequency);
    const textWide = Math.max(
      ...lines.map((l) => BOLD * textWidth(l, NAME_FONT)),
      textWidth(count, COUNT_FONT),
    );
    const loop = loops.get(activity.name) ?? null;
    const loopText = loop ? edgeLabel(loop) : '';
    const loopWidth = textWidth(loopText, EDGE_FONT);
    const minWidth = loop && rankdir === 'LR' ? loopWidth + 8 : 0;
    return {
      id: idOf.get(activity.name) ?? '',
      name: activity.name,
      frequency: activity.frequency,
      starts: startOf.get(activity.name) ?? 0,
      ends: endOf.get(activity.name) ?? 0,
      lines,
      width: Math.ceil(Math.max(NODE_MIN_WIDTH, textWide + 2 * NODE_PAD_X, minWidth)),
      height: lines.length * NAME_LINE + COUNT_LINE + 2 * NODE_PAD_Y,
      loop,
      loopRoom: loop
        ? Math.ceil(rankdir === 'TB' ? 0.75 * LOOP_BULGE + 6 + loopWidth : 0.75 * LOOP_BULGE + 18)
        : 0,
    };
  });
}

/** Start links, then directly-follows edges between distinct activities, then end links. */
function linksOf(
  kept: DfgEdge[],
  starts: { name: string; frequency: number }[],
  ends: { name: string; frequency: number }[],
  idOf: Map<string, string>,
): Link[] {
  const id = (name: string): string => idOf.get(name) ?? '';
  const links: Link[] = starts.map((s, i) => ({
    kind: 'start-edge',
    name: `s${i}`,
    v: START_ID,
    w: id(s.name),
    fromName: 'Start',
    toName: s.name,
    frequency: s.frequency,
    edge: null,
    label: formatNumber(s.frequency),
  }));
  kept.forEach((edge, i) => {
    if (edge.from === edge.to) return;
    links.push({
      kind: 'edge',
      name: `e${i}`,
      v: id(edge.from),
      w: id(edge.to),
      fromName: edge.from,
      toName: edge.to,
      frequency: edge.frequency,
      edge,
      label: edgeLabel(edge),
    });
  });
  ends.forEach((s, i) =>
    links.push({
      kind: 'end-edge',
      name: `x${i}`,
      v: id(s.name),
      w: END_ID,
      fromName: s.name,
      toName: 'End',
      frequency: s.frequency,
      edge: null,
      label: formatNumber(s.frequency),
    }),
  );
  return links;
}

/** `12` or, with wait times, `12 · 3.5 h` (the median wait). */
function edgeLabel(edge: DfgEdge): string {
  const count = formatNumber(edge.frequency);
  return edge.medianMs === null ? count : `${count} · ${formatDuration(edge.medianMs)}`;
}

type LayoutGraph = Dagre.graphlib.Graph<Dagre.GraphLabel, Dagre.NodeLabel, Dagre.EdgeLabel>;

function layoutGraph(nodes: ActivityNode[], links: Link[], rankdir: 'TB' | 'LR'): LayoutGraph {
  const graph: LayoutGraph = new dagre.graphlib.Graph<Dagre.GraphLabel, Dagre.NodeLabel, Dagre.EdgeLabel>({
    multigraph: true,
  });
  graph.setGraph({ rankdir, nodesep: 28, ranksep: 36, edgesep: 12, marginx: 16, marginy: 16 });
  const marker = { width: 2 * MARKER_RADIUS, height: 2 * MARKER_RADIUS };
  graph.setNode(START_ID, { ...marker });
  for (const node of nodes) {
    const wide = rankdir === 'TB' ? node.loopRoom : 0;
    const tall = rankdir === 'LR' ? node.loopRoom : 0;
    graph.setNode(node.id, { width: node.width + wide, height: node.height + tall });
  }
  graph.setNode(END_ID, { ...marker });
  for (const link of links) {
    graph.setEdge(
      link.v,
      link.w,
      {
        width: Math.ceil(textWidth(link.label, EDGE_FONT) + 6),
        height: 14,
        labelpos: 'r',
        labeloffset: 6,
        weight: link.kind === 'edge' ? Math.max(1, Math.round(Math.log2(link.frequency + 1))) : 1,
      },
      link.name,
    );
  }
  dagre.layout(graph);
  return graph;
}

/** Drawn shapes after layout: an activity's box sits beside the room kept for its self-loop. */
function shapesOf(graph: LayoutGraph, nodes: ActivityNode[], rankdir: 'TB' | 'LR'): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const id of [START_ID, END_ID]) {
    const { x = 0, y = 0 } = graph.node(id);
    shapes.set(id, { kind: 'circle', cx: x, cy: y, width: 2 * MARKER_RADIUS, height: 2 * MARKER_RADIUS });
  }
  for (const node of nodes) {
    const { x = 0, y = 0 } = graph.node(node.id);
    shapes.set(node.id, {
      kind: 'box',
      cx: rankdir === 'TB' ? x - node.loopRoom / 2 : x,
      cy: rankdir === 'LR' ? y + node.loopRoom / 2 : y,
      width: node.width,
      height: node.height,
    });
  }
  return shapes;
}

interface Scales {
  maxActivity: number;
  maxFlow: number;
  /** Shortest and longest median wait over the drawn edges (negative ones as 0); null when none has one. */
  waits: { min: number; max: number } | null;
}

function scalesOf(nodes: ActivityNode[], links: Link[], kept: DfgEdge[]): Scales {
  const waits = kept.flatMap((e) => (e.medianMs === null ? [] : [Math.max(0, e.medianMs)]));
  return {
    maxActivity: Math.max(1, ...nodes.map((n) => n.frequency)),
    maxFlow: Math.max(1, ...links.map((l) => l.frequency), ...kept.map((e) => e.frequency)),
    waits: waits.length ? { min: Math.min(...waits), max: Math.max(...waits) } : null,
  };
}

/** Where `value` sits between 0 and `max` on a log scale (frequencies span orders of magnitude). */
function logShare(value: number, max: number): number {
  return max > 0 ? Math.log1p(Math.max(0, value)) / Math.log1p(max) : 0;
}

/** 1 to 6 px for directly-follows edges; start and end links, dashed, stay lighter (1 to 4 px). */
function strokeWidth(frequency: number, scale: Scales, kind: Link['kind'] = 'edge'): number {
  return 1 + (kind === 'edge' ? 5 : 3) * logShare(frequency, scale.maxFlow);
}

/**
 * Where a wait sits between the shortest and the longest drawn median wait, on a log scale over
 * minutes, so the quickest step is green and the slowest red whatever their units, and a
 * 5-minute and a 2-day wait never look alike. 0 when all waits are equal.
 */
function waitShare(ms: number, waits: { min: number; max: number }): number {
  const position = (value: number): number => Math.log1p(Math.max(0, value) / 60_000);
  const span = position(waits.max) - position(waits.min);
  return span > 0 ? (position(ms) - position(waits.min)) / span : 0;
}

function edgeColor(edge: DfgEdge, scale: Scales, metric: 'frequency' | 'wait'): string {
  if (metric === 'frequency') return rampColor(FREQUENCY_RAMP, logShare(edge.frequency, scale.maxFlow));
  if (edge.medianMs === null || scale.waits === null) return NO_WAIT_COLOR;
  return rampColor(WAIT_RAMP, waitShare(edge.medianMs, scale.waits));
}

function edgeTitle(edge: DfgEdge): string {
  const times = `${edge.from} → ${edge.to}: ${formatNumber(edge.frequency)} ${edge.frequency === 1 ? 'time' : 'times'}`;
  if (edge.medianMs === null) return times;
  const spread = [
    `median wait ${formatDuration(edge.medianMs)}`,
    edge.meanMs === null ? null : `mean ${formatDuration(edge.meanMs)}`,
    edge.p90Ms === null ? null : `p90 ${formatDuration(edge.p90Ms)}`,
    edge.maxMs === null ? null : `max ${formatDuration(edge.maxMs)}`,
  ];
  return `${times}, ${spread.filter((s) => s !== null).join(', ')}`;
}

function renderLink(
  link: Link,
  label: Dagre.EdgeLabel,
  shapes: Map<string, Shape>,
  scale: Scales,
  metric: 'frequency' | 'wait',
): string {
  const stroke = strokeWidth(link.frequency, scale, link.kind);
  const color = link.edge ? edgeColor(link.edge, scale, metric) : MARKER_EDGE_COLOR;
  const points = clipEnds(label.points ?? [], shapes.get(link.v), shapes.get(link.w));
  const { path, head } = arrow(points, stroke);
  const cases = `${formatNumber(link.frequency)} ${link.frequency === 1 ? 'case' : 'cases'}`;
  const title = link.edge ? edgeTitle(link.edge) : `${link.fromName} → ${link.toName}: ${cases}`;
  const data =
    link.kind === 'edge'
      ? ` data-from="${escapeXml(link.fromName)}" data-to="${escapeXml(link.toName)}"`
      : link.kind === 'start-edge'
        ? ` data-to="${escapeXml(link.toName)}"`
        : ` data-from="${escapeXml(link.fromName)}"`;
  const dash = link.kind === 'edge' ? '' : ' stroke-dasharray="4 3"';
  return [
    `<g class="${link.kind}"${data}>`,
    `<title>${escapeXml(title)}</title>`,
    `<path d="${path}" fill="none" stroke="${color}" stroke-width="${num(stroke)}"${dash}/>`,
    `<polygon points="${head}" fill="${color}"/>`,
    label.x === undefined || label.y === undefined
      ? ''
      : edgeText(link.label, label.x, label.y + 4, 'middle'),
    '</g>',
  ]
    .filter((part) => part !== '')
    .join('');
}

function edgeText(text: string, x: number, y: number, anchor: 'start' | 'middle'): string {
  return (
    `<text x="${num(x)}" y="${num(y)}" text-anchor="${anchor}" font-size="${EDGE_FONT}" fill="#2d3748"` +
    ` stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${escapeXml(text)}</text>`
  );
}

/** dagre's route with its ends moved onto the drawn shapes (boxes beside a loop's room, circles). */
function clipEnds(points: Dagre.Point[], from: Shape | undefined, to: Shape | undefined): Point[] {
  const route = points.map((p) => ({ x: p.x, y: p.y }));
  if (route.length < 2) return route;
  if (from) route[0] = clip(from, route[1]) ?? route[0];
  if (to) route[route.length - 1] = clip(to, route[route.length - 2]) ?? route[route.length - 1];
  return route;
}

/** Where the line from the shape's centre towards `toward` leaves the shape; null when `toward` is inside. */
function clip(shape: Shape, toward: Point): Point | null {
  const dx = toward.x - shape.cx;
  const dy = toward.y - shape.cy;
  if (shape.kind === 'circle') {
    const distance = Math.hypot(dx, dy);
    const r = shape.width / 2;
    return distance <= r ? null : { x: shape.cx + (r * dx) / distance, y: shape.cy + (r * dy) / distance };
  }
  const hw = shape.width / 2;
  const hh = shape.height / 2;
  if (Math.abs(dx) <= hw && Math.abs(dy) <= hh) return null;
  if (Math.abs(dy) * hw > Math.abs(dx) * hh) {
    const sy = dy < 0 ? -hh : hh;
    return { x: shape.cx + (sy * dx) / dy, y: shape.cy + sy };
  }
  const sx = dx < 0 ? -hw : hw;
  return { x: shape.cx + sx, y: shape.cy + (sx * dy) / dx };
}

/**
 * A smooth path through `points` (quadratic curves between midpoints, through both ends)
 * stopping short of the last point, and the arrowhead filling the gap, sized to the stroke.
 */
function arrow(points: Point[], stroke: number): { path: string; head: string } {
  if (points.length < 2) return { path: 'M0 0', head: '0,0 0,0 0,0' };
  const tip = points[points.length - 1];
  const previous = points[points.length - 2];
  const length = Math.hypot(tip.x - previous.x, tip.y - previous.y);
  const ux = length > 0 ? (tip.x - previous.x) / length : 0;
  const uy = length > 0 ? (tip.y - previous.y) / length : 1;
  const headLength = 6 + 1.6 * stroke;
  const halfWidth = 3 + 1.2 * stroke;
  const base = { x: tip.x - ux * headLength, y: tip.y - uy * headLength };
  const head = [
    tip,
    { x: base.x - uy * halfWidth, y: base.y + ux * halfWidth },
    { x: base.x + uy * halfWidth, y: base.y - ux * halfWidth },
  ];
  return { path: smoothPath([...points.slice(0, -1), base]), head: head.map(pair).join(' ') };
}

function smoothPath(points: Point[]): string {
  const [first] = points;
  if (points.length === 2) return `M${pair(first)} L${pair(points[1])}`;
  const segments = [`M${pair(first)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const end = i === points.length - 2 ? points[i + 1] : midpoint(points[i], points[i + 1]);
    segments.push(`Q${pair(points[i])} ${pair(end)}`);
  }
  return segments.join(' ');
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function pair(p: Point): string {
  return `${num(p.x)},${num(p.y)}`;
}

function renderActivity(
  node: ActivityNode,
  shape: Shape,
  scale: Scales,
  metric: 'frequency' | 'wait',
  rankdir: 'TB' | 'LR',
): string {
  const share = logShare(node.frequency, scale.maxActivity);
  const fill = rampColor(NODE_RAMP, share);
  const ink = share > 0.55 ? '#ffffff' : '#1a202c';
  const left = shape.cx - shape.width / 2;
  const top = shape.cy - shape.height / 2;
  const title = [
    `${node.name}: ${formatNumber(node.frequency)} ${node.frequency === 1 ? 'event' : 'events'}`,
    node.starts ? `starts ${formatNumber(node.starts)} ${node.starts === 1 ? 'case' : 'cases'}` : null,
    node.ends ? `ends ${formatNumber(node.ends)} ${node.ends === 1 ? 'case' : 'cases'}` : null,
  ].filter((part) => part !== null);
  const parts = [
    `<g class="activity" data-activity="${escapeXml(node.name)}">`,
    `<title>${escapeXml(title.join(', '))}</title>`,
    `<rect x="${num(left)}" y="${num(top)}" width="${num(shape.width)}" height="${num(shape.height)}" rx="6"` +
      ` fill="${fill}" stroke="#2c5282" stroke-width="1"/>`,
  ];
  node.lines.forEach((line, i) => {
    parts.push(
      `<text x="${num(shape.cx)}" y="${num(top + NODE_PAD_Y + 11 + i * NAME_LINE)}" text-anchor="middle"` +
        ` font-weight="600" fill="${ink}">${escapeXml(line)}</text>`,
    );
  });
  parts.push(
    `<text class="count" x="${num(shape.cx)}" y="${num(top + NODE_PAD_Y + node.lines.length * NAME_LINE + 11)}"` +
      ` text-anchor="middle" font-size="${COUNT_FONT}" fill="${ink}">${formatNumber(node.frequency)}</text>`,
  );
  parts.push('</g>');
  const loop = node.loop ? renderSelfLoop(node.loop, shape, scale, metric, rankdir) : '';
  return loop + parts.join('');
}

/**
 * A self-loop as an arc drawn beside its box (right of it top to bottom, above it left to
 * right): dagre routes self-loops through the box itself, which hides them.
 */
function renderSelfLoop(
  edge: DfgEdge,
  shape: Shape,
  scale: Scales,
  metric: 'frequency' | 'wait',
  rankdir: 'TB' | 'LR',
): string {
  const stroke = strokeWidth(edge.frequency, scale);
  const color = edgeColor(edge, scale, metric);
  const reach = Math.min(shape.height / 4, 8);
  let start: Point;
  let control1: Point;
  let control2: Point;
  let end: Point;
  let text: string;
  if (rankdir === 'TB') {
    const right = shape.cx + shape.width / 2;
    start = { x: right, y: shape.cy - reach };
    control1 = { x: right + LOOP_BULGE, y: shape.cy - reach - 10 };
    control2 = { x: right + LOOP_BULGE, y: shape.cy + reach + 10 };
    end = { x: right, y: shape.cy + reach };
    text = edgeText(edgeLabel(edge), right + 0.75 * LOOP_BULGE + 4, shape.cy + 4, 'start');
  } else {
    const top = shape.cy - shape.height / 2;
    start = { x: shape.cx - reach, y: top };
    control1 = { x: shape.cx - reach - 10, y: top - LOOP_BULGE };
    control2 = { x: shape.cx + reach + 10, y: top - LOOP_BULGE };
    end = { x: shape.cx + reach, y: top };
    text = edgeText(edgeLabel(edge), shape.cx, top - 0.75 * LOOP_BULGE - 5, 'middle');
  }
  const { head } = arrow([control2, end], stroke);
  const length = Math.hypot(end.x - control2.x, end.y - control2.y);
  const back = (6 + 1.6 * stroke) / length;
  const base = { x: end.x - (end.x - control2.x) * back, y: end.y - (end.y - control2.y) * back };
  return [
    `<g class="edge self-loop" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}">`,
    `<title>${escapeXml(edgeTitle(edge))}</title>`,
    `<path d="M${pair(start)} C${pair(control1)} ${pair(control2)} ${pair(base)}" fill="none" stroke="${color}"` +
      ` stroke-width="${num(stroke)}"/>`,
    `<polygon points="${head}" fill="${color}"/>`,
    text,
    '</g>',
  ].join('');
}

function renderMarker(kind: 'start' | 'end', shape: Shape | undefined, cases: number): string {
  if (!shape) return '';
  const { cx, cy } = shape;
  const title = `${kind === 'start' ? 'Start' : 'End'}: ${formatNumber(cases)} ${cases === 1 ? 'case' : 'cases'}`;
  const symbol =
    kind === 'start'
      ? `<polygon points="${pair({ x: cx - 4, y: cy - 6 })} ${pair({ x: cx - 4, y: cy + 6 })} ${pair({ x: cx + 6, y: cy })}" fill="#ffffff"/>`
      : `<rect x="${num(cx - 4.5)}" y="${num(cy - 4.5)}" width="9" height="9" fill="#ffffff"/>`;
  return (
    `<g class="${kind}"><title>${title}</title>` +
    `<circle cx="${num(cx)}" cy="${num(cy)}" r="${MARKER_RADIUS}" fill="${kind === 'start' ? '#38a169' : '#2d3748'}"/>` +
    `${symbol}</g>`
  );
}

function headingLines(
  title: string | undefined,
  drawn: number,
  all: number,
): { kind: 'heading' | 'caption'; text: string; size: number }[] {
  const lines: { kind: 'heading' | 'caption'; text: string; size: number }[] = [];
  if (title !== undefined && title !== '') lines.push({ kind: 'heading', text: title, size: 15 });
  if (drawn < all) {
    lines.push({
      kind: 'caption',
      text: `${formatNumber(drawn)} of ${formatNumber(all)} paths shown: the most frequent, and any that keep every activity connected`,
      size: 11,
    });
  }
  return lines;
}

/** The colour key under a map coloured by wait: eight swatches from the shortest to the longest median wait. */
function waitLegend(waits: { min: number; max: number }): { width: number; render: (top: number) => string } {
  const caption = 'Median wait';
  const low = formatDuration(waits.min);
  const high = formatDuration(waits.max);
  const captionWidth = textWidth(caption, EDGE_FONT) + 8;
  const lowWidth = textWidth(low, EDGE_FONT) + 6;
  const swatches = 8;
  const swatch = 14;
  const width = captionWidth + lowWidth + swatches * swatch + 6 + textWidth(high, EDGE_FONT);
  const render = (top: number): string => {
    const x0 = 16 + captionWidth + lowWidth;
    const boxes = Array.from({ length: swatches }, (_, i) => {
      const color = rampColor(WAIT_RAMP, i / (swatches - 1));
      return `<rect x="${num(x0 + i * swatch)}" y="${num(top + 4)}" width="${swatch}" height="10" fill="${color}"/>`;
    });
    const text = (x: number, value: string): string =>
      `<text x="${num(x)}" y="${num(top + 13)}" font-size="${EDGE_FONT}" fill="#4a5568">${escapeXml(value)}</text>`;
    return [
      '<g class="legend">',
      text(16, caption),
      text(16 + captionWidth, low),
      ...boxes,
      text(x0 + swatches * swatch + 6, high),
      '</g>',
    ].join('');
  };
  return { width, render };
}

function total(counts: { frequency: number }[]): number {
  return counts.reduce((sum, c) => sum + c.frequency, 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
