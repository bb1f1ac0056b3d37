import { ORDER_NOTES_MAX_LENGTH, orderNotesToKeep } from './order-notes.util';

describe('orderNotesToKeep', () => {
  it('trims the text', () => {
    expect(orderNotesToKeep('  deliver to gate 4\n')).toBe('deliver to gate 4');
  });

  it('is null for no text, an empty one or whitespace only', () => {
    expect(orderNotesToKeep(undefined)).toBeNull();
    expect(orderNotesToKeep(null)).toBeNull();
    expect(orderNotesToKeep('')).toBeNull();
    expect(orderNotesToKeep(' \t\r\n\u00a0 ')).toBeNull();
  });

  it('keeps a text of exactly 2,000 characters whole, and the first 2,000 of a longer one', () => {
    const full = 'a'.repeat(ORDER_NOTES_MAX_LENGTH);
    expect(orderNotesToKeep(full)).toBe(full);
    const long = 'b'.repeat(1_500) + 'c'.repeat(1_000);
    expect(orderNotesToKeep(long)).toBe('b'.repeat(1_500) + 'c'.repeat(500));
  });

  it('cuts after trimming, so leading blanks do not use up the 2,000', () => {
    expect(orderNotesToKeep(' '.repeat(10) + 'x'.repeat(2_005))).toBe('x'.repeat(ORDER_NOTES_MAX_LENGTH));
  });

  it('never splits an astral character that straddles the cut', () => {
    // 1,999 code units, then 😀 (two code units: the 2,000th and the 2,001st), then more.
    const straddling = 'x'.repeat(ORDER_NOTES_MAX_LENGTH - 1) + '😀' + 'tail';
    expect(orderNotesToKeep(straddling)).toBe('x'.repeat(ORDER_NOTES_MAX_LENGTH - 1));
    // One that ends exactly at the cut is kept.
    const fitting = 'x'.repeat(ORDER_NOTES_MAX_LENGTH - 2) + '😀' + 'tail';
    expect(orderNotesToKeep(fitting)).toBe('x'.repeat(ORDER_NOTES_MAX_LENGTH - 2) + '😀');
  });
});
