/**
 * Small helpers shared by ordex's hand-written SVG charts (the process map and KPI trends):
 * XML escaping, stable number formatting, text width estimates and colour ramps. Everything is
 * pure and locale-independent, so the same data always renders to the same bytes.
 */

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Stands in for characters XML 1.0 cannot carry at all (controls, lone surrogates). */
const REPLACEMENT = '\uFFFD';

/**
 * Text made safe for XML character data and attribute values alike: the five special
 * characters become entities, and characters XML 1.0 forbids anywhere (C0 controls other than
 * tab, line feed and carriage return, unpaired surrogates, U+FFFE, U+FFFF) become U+FFFD, so an
 * activity name from a customer's ERP export can never break the document.
 */
export function escapeXml(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      } else out += REPLACEMENT;
    } else if (isForbiddenInXml(code)) out += REPLACEMENT;
    else out += XML_ENTITIES[text[i]] ?? text[i];
  }
  return out;
}

function isForbiddenInXml(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  return (code >= 0xdc00 && code <= 0xdfff) || code === 0xfffe || code === 0xffff;
}

/** A coordinate or length for SVG markup: one decimal at most, never `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? '0' : String(rounded);
}

/**
 * A number with a fixed count of decimals and thousands grouped by commas (`1,234.5`), the
 * same on every machine whatever its locale.
 */
export function formatNumber(value: number, decimals = 0): string {
  const fixed = Math.abs(value).toFixed(Math.max(0, decimals));
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Duration units from the smallest up: name, size in ms, and the value at which the next takes over. */
const DURATION_UNITS: { name: string; ms: number; below: number }[] = [
  { name: 'ms', ms: 1, below: 1000 },
  { name: 's', ms: 1000, below: 60 },
  { name: 'min', ms: 60_000, below: 60 },
  { name: 'h', ms: 3_600_000, below: 24 },
  { name: 'd', ms: 86_400_000, below: Number.POSITIVE_INFINITY },
];

/**
 * A wait as people say it: the largest unit that keeps the value at 1 or more, one decimal
 * below 10 and none from 10 on (`250 ms`, `45 s`, `3.5 h`, `12 h`, `2.1 d`). A value that would
 * round up to the next unit is given in that unit (59.97 s is `1 min`). Negative waits (events
 * logged out of order) keep their sign.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const size = Math.abs(ms);
  for (const unit of DURATION_UNITS) {
    const value = roundForDisplay(size / unit.ms);
    if (value < unit.below) return `${ms < 0 && value !== 0 ? '-' : ''}${value} ${unit.name}`;
  }
  return String(ms);
}

/** One decimal below 10, whole numbers from 10 on. */
function roundForDisplay(value: number): number {
  const tenths = Math.round(value * 10) / 10;
  return tenths < 10 ? tenths : Math.round(value);
}

/** Characters a sans-serif face draws narrow or wide, as a share of the font size. */
const NARROW = new Set(" .,:;'|!()[]{}ijlIft`");
const WIDE = new Set('mwMW@%<>=+~&#');

/**
 * Roughly how wide a sans-serif face draws `text`, in px. The charts carry no fonts, so boxes
 * are sized from this estimate: narrow and wide Latin letters, digits, capitals, and full-width
 * (CJK) characters each get their own average width, taken on the generous side (DejaVu Sans,
 * the widest common fallback) so text rather overfits than spills.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x1100 && isFullWidth(code)) ems += 1;
    else if (NARROW.has(char)) ems += 0.3;
    else if (WIDE.has(char)) ems += 0.85;
    else if (char >= '0' && char <= '9') ems += 0.6;
    else if (char >= 'A' && char <= 'Z') ems += 0.7;
    else ems += 0.58;
  }
  return ems * fontSize;
}

function isFullWidth(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}

/**
 * `text` broken into lines no wider than `maxWidth` (by {@link textWidth}), at spaces where it
 * can and inside over-long words where it must; at most `maxLines`, the last ending in `…`
 * when text had to be left out. Never returns an empty list.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    for (const piece of breakWord(word, maxWidth, fontSize)) {
      const candidate = line ? `${line} ${piece}` : piece;
      if (line && textWidth(candidate, fontSize) > maxWidth) {
        lines.push(line);
        line = piece;
      } else line = candidate;
    }
  }
  lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1], maxWidth, fontSize);
  return kept;
}

/** A word wider than `maxWidth` in pieces that fit (at least one character each). */
function breakWord(word: string, maxWidth: number, fontSize: number): string[] {
  if (textWidth(word, fontSize) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && textWidth(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

function withEllipsis(line: string, maxWidth: number, fontSize: number): string {
  const chars = Array.from(line);
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** `#rrggbb` for an RGB triple, channels rounded and clamped to 0…255. */
function hex(rgb: [number, number, number]): string {
  return `#${rgb
    .map((c) =>
      Math.min(255, Math.max(0, Math.round(c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function channels(color: string): [number, number, number] {
  const value = Number.parseInt(color.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/**
 * The colour at `t` (clamped to 0…1) along a ramp of `#rrggbb` stops spaced evenly, mixed in
 * RGB: how the charts turn a frequency or a wait into a shade.
 */
export function rampColor(stops: readonly string[], t: number): string {
  if (stops.length === 1) return stops[0];
  const position = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const index = Math.min(stops.length - 2, Math.floor(position));
  const local = position - index;
  const from = channels(stops[index]);
  const to = channels(stops[index + 1]);
  return hex([0, 1, 2].map((c) => from[c] + (to[c] - from[c]) * local) as [number, number, number]);
}
