/**
 * The first `limit` UTF-16 code units of `text` (JavaScript's and GraphQL's length), one fewer
 * when the cut would fall inside a surrogate pair: an astral character (an emoji, a rare CJK
 * ideograph) is kept whole or not at all, never as the half PostgreSQL would store as U+FFFD.
 */
export function firstChars(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}
