/** Orders codes and ISO dates by their characters (not by locale), so every run sorts alike. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
