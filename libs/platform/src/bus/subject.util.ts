/** NATS subject matching: `*` matches one token, a trailing `>` one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const filterTokens = filter.split('.');
  const subjectTokens = subject.split('.');
  for (let i = 0; i < filterTokens.length; i++) {
    if (filterTokens[i] === '>') return subjectTokens.length > i;
    if (i >= subjectTokens.length) return false;
    if (filterTokens[i] !== '*' && filterTokens[i] !== subjectTokens[i]) return false;
  }
  return filterTokens.length === subjectTokens.length;
}

export function matchesAny(filters: readonly string[], subject: string): boolean {
  return filters.some((filter) => subjectMatches(filter, subject));
}

/** Whether some subject matches both filters. */
export function filtersOverlap(a: string, b: string): boolean {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === '>' || right[i] === '>') return i < left.length && i < right.length;
    if (left[i] === undefined || right[i] === undefined) return false;
    if (left[i] !== '*' && right[i] !== '*' && left[i] !== right[i]) return false;
  }
  return true;
}

/** The narrowest single filter that every subject matched by any of `filters` also matches. */
export function coveringFilter(filters: readonly string[]): string {
  if (filters.length === 0) throw new Error('coveringFilter needs at least one filter');
  const tokenised = filters.map((filter) => filter.split('.'));
  const sameLength = tokenised.every((tokens) => tokens.length === tokenised[0].length);
  // With differing lengths the last shared position must become `>`, which needs one token.
  const width = sameLength ? tokenised[0].length : Math.min(...tokenised.map((tokens) => tokens.length)) - 1;
  const merged: string[] = [];
  for (let i = 0; i < width; i++) {
    const column = tokenised.map((tokens) => tokens[i]);
    if (column.includes('>')) return [...merged, '>'].join('.');
    merged.push(column.every((token) => token === column[0]) ? column[0] : '*');
  }
  return sameLength ? merged.join('.') : [...merged, '>'].join('.');
}

export function assertPublishSubject(subject: string): void {
  const tokens = subject.split('.');
  if (tokens.some((token) => token === '' || token === '*' || token === '>' || /\s/.test(token))) {
    throw new Error(`Invalid publish subject "${subject}"`);
  }
}
