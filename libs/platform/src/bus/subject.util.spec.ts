import {
  assertPublishSubject,
  coveringFilter,
  filtersOverlap,
  matchesAny,
  subjectMatches,
} from './subject.util';

describe('subjectMatches', () => {
  it.each([
    ['orders.created', 'orders.created', true],
    ['orders.created', 'orders.cancelled', false],
    ['orders.*', 'orders.created', true],
    ['orders.*', 'orders.created.v2', false],
    ['orders.>', 'orders.created.v2', true],
    ['orders.>', 'orders', false],
    ['*.created', 'returns.created', true],
    ['>', 'anything.at.all', true],
  ])('%s against %s is %s', (filter, subject, expected) => {
    expect(subjectMatches(filter, subject)).toBe(expected);
  });

  it('matchesAny accepts a subject matched by one of the filters', () => {
    expect(matchesAny(['a.b', 'c.>'], 'c.d.e')).toBe(true);
    expect(matchesAny(['a.b', 'c.>'], 'a.c')).toBe(false);
  });
});

describe('filtersOverlap', () => {
  it.each([
    ['orders.>', 'orders.created', true],
    ['orders.*', 'orders.created.v2', false],
    ['orders.*', '*.created', true],
    ['orders.>', 'returns.>', false],
    ['a.b', 'a.b.c', false],
    ['>', 'a', true],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(filtersOverlap(a, b)).toBe(expected);
    expect(filtersOverlap(b, a)).toBe(expected);
  });
});

describe('coveringFilter', () => {
  it.each([
    [['orders.created'], 'orders.created'],
    [['t.orders.created', 't.orders.cancelled'], 't.orders.*'],
    [['t.orders.created', 't.returns.created'], 't.*.created'],
    [['a.b', 'a.b.c'], 'a.>'],
    [['a.>', 'a.b.c'], 'a.>'],
    [['a.x.>', 'b.y'], '*.>'],
    [['a', 'b.c'], '>'],
  ])('covers %j with %s', (filters, expected) => {
    const covering = coveringFilter(filters);
    expect(covering).toBe(expected);
  });

  it('matches every subject its inputs match', () => {
    const filters = ['p.orders.created', 'p.orders.line.*', 'p.returns.>'];
    const covering = coveringFilter(filters);
    for (const subject of ['p.orders.created', 'p.orders.line.added', 'p.returns.x.y']) {
      expect(subjectMatches(covering, subject)).toBe(true);
    }
  });
});

describe('assertPublishSubject', () => {
  it('rejects wildcards and empty tokens', () => {
    expect(() => assertPublishSubject('orders.*')).toThrow('Invalid publish subject');
    expect(() => assertPublishSubject('orders..created')).toThrow('Invalid publish subject');
    expect(() => assertPublishSubject('orders.created')).not.toThrow();
  });
});
