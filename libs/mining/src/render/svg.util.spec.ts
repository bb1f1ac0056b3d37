import { escapeXml, formatDuration, formatNumber, num, rampColor, textWidth, wrapText } from './svg.util';

describe('escapeXml', () => {
  it('turns the five special characters into entities', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;');
  });

  it('replaces characters XML 1.0 forbids and keeps tabs, newlines and surrogate pairs', () => {
    expect(escapeXml('a\u0001b\u001fc')).toBe('a\uFFFDb\uFFFDc');
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(escapeXml('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(escapeXml('\uFFFE\uFFFF')).toBe('\uFFFD\uFFFD');
    expect(escapeXml('box 📦 ok')).toBe('box 📦 ok');
  });
});

describe('num', () => {
  it('keeps one decimal and never prints -0', () => {
    expect(num(12)).toBe('12');
    expect(num(3.14159)).toBe('3.1');
    expect(num(1.25)).toBe('1.3');
    expect(num(-0.04)).toBe('0');
    expect(num(-2.75)).toBe('-2.7');
  });
});

describe('formatNumber', () => {
  it('groups thousands with commas whatever the locale', () => {
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1500)).toBe('-1,500');
    expect(formatNumber(1234.5, 1)).toBe('1,234.5');
    expect(formatNumber(0.25, 2)).toBe('0.25');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
  });
});

describe('formatDuration', () => {
  it('picks the largest unit at 1 or more, one decimal below 10', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(300_000)).toBe('5 min');
    expect(formatDuration(12_600_000)).toBe('3.5 h');
    expect(formatDuration(43_200_000)).toBe('12 h');
    expect(formatDuration(181_440_000)).toBe('2.1 d');
    expect(formatDuration(40 * 86_400_000)).toBe('40 d');
  });

  it('moves to the next unit when rounding would reach it', () => {
    expect(formatDuration(999.6)).toBe('1 s');
    expect(formatDuration(59_970)).toBe('1 min');
    expect(formatDuration(35_856_000)).toBe('10 h');
  });

  it('keeps the sign of a negative wait', () => {
    expect(formatDuration(-90_000)).toBe('-1.5 min');
  });
});

describe('textWidth', () => {
  it('weighs narrow, wide, capital, digit and full-width characters differently', () => {
    expect(textWidth('iii', 10)).toBeCloseTo(9, 9);
    expect(textWidth('mW', 10)).toBeCloseTo(17, 9);
    expect(textWidth('AB', 10)).toBeCloseTo(14, 9);
    expect(textWidth('12', 10)).toBeCloseTo(12, 9);
    expect(textWidth('ab', 10)).toBeCloseTo(11.6, 9);
    expect(textWidth('出荷', 12)).toBeCloseTo(24, 9);
  });
});

describe('wrapText', () => {
  // At 10 px an 'a' is 5.8 px and a space 3 px wide.
  it('breaks at spaces to stay within the width', () => {
    expect(wrapText('aaaa aaaa aaaa', 60, 10, 3)).toEqual(['aaaa aaaa', 'aaaa']);
    expect(wrapText('aaaa', 60, 10, 3)).toEqual(['aaaa']);
  });

  it('breaks a word wider than the line inside it', () => {
    expect(wrapText('aaaaaaaaaaaa', 30, 10, 5)).toEqual(['aaaaa', 'aaaaa', 'aa']);
  });

  it('ends the last allowed line with an ellipsis when text is left out', () => {
    expect(wrapText('aaaa aaaa aaaa', 60, 10, 1)).toEqual(['aaaa aaaa…']);
    expect(wrapText('aaaaaaaaaa aaaa', 30, 10, 1)).toEqual(['aaaa…']);
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText('', 60, 10, 3)).toEqual(['']);
  });
});

describe('rampColor', () => {
  it('mixes evenly spaced stops in RGB', () => {
    expect(rampColor(['#000000', '#ffffff'], 0.5)).toBe('#808080');
    expect(rampColor(['#2f855a', '#d69e2e', '#c53030'], 0.5)).toBe('#d69e2e');
    expect(rampColor(['#2f855a', '#d69e2e', '#c53030'], 0.75)).toBe('#ce672f');
  });

  it('clamps t to the ends of the ramp', () => {
    expect(rampColor(['#000000', '#ffffff'], -1)).toBe('#000000');
    expect(rampColor(['#000000', '#ffffff'], 2)).toBe('#ffffff');
    expect(rampColor(['#000000', '#ffffff'], Number.NaN)).toBe('#000000');
  });
});
