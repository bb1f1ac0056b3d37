import { firstChars } from '@ordex/platform';

/** How much of the ERP's order text ordex keeps, in UTF-16 code units (JavaScript's and GraphQL's length). */
export const ORDER_NOTES_MAX_LENGTH = 2_000;

/**
 * The ERP's free text on an order as ordex keeps it: trimmed; null when nothing is left; a longer
 * text cut to its first 2,000 characters, one earlier when the cut would fall inside a surrogate
 * pair, so an astral character (an emoji, a rare CJK ideograph) is kept whole or not at all
 * rather than leaving half a character that PostgreSQL would store as U+FFFD.
 */
export function orderNotesToKeep(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  return firstChars(trimmed, ORDER_NOTES_MAX_LENGTH);
}
