import { CaseStatus } from '@ordex/contracts';
import {
  CASE_TRANSITIONS,
  CaseEvent,
  CaseEventType,
  RESOLVED_OR_CLOSED,
  isOpenStatus,
  reopenDecision,
  transition,
} from './case-lifecycle.util';

const { OPEN, IN_PROGRESS, AWAITING_APPROVAL, RESOLVED, CLOSED } = CaseStatus;

/** One column per event; ALL_SETTLED twice, since its target depends on awaitingExecution. */
const EVENTS = {
  EXCEPTION_DETECTED: { type: 'EXCEPTION_DETECTED' },
  WORK_STARTED: { type: 'WORK_STARTED' },
  APPROVAL_REQUESTED: { type: 'APPROVAL_REQUESTED' },
  APPROVAL_DECIDED: { type: 'APPROVAL_DECIDED' },
  SETTLED_AWAITING: { type: 'ALL_SETTLED', awaitingExecution: true },
  SETTLED_DONE: { type: 'ALL_SETTLED', awaitingExecution: false },
  EXECUTION_CONFIRMED: { type: 'EXECUTION_CONFIRMED' },
  ORDER_LEFT: { type: 'ORDER_LEFT' },
} satisfies Record<string, CaseEvent>;
type Column = keyof typeof EVENTS;

// Fails to compile when an event type is added to CaseEvent and not listed here.
const EVENT_TYPES: Record<CaseEventType, true> = {
  EXCEPTION_DETECTED: true,
  WORK_STARTED: true,
  APPROVAL_REQUESTED: true,
  APPROVAL_DECIDED: true,
  ALL_SETTLED: true,
  EXECUTION_CONFIRMED: true,
  ORDER_LEFT: true,
};

type Expected = { to: CaseStatus; reopened: boolean } | 'refused';
const go = (to: CaseStatus): Expected => ({ to, reopened: false });
const reopen = (to: CaseStatus): Expected => ({ to, reopened: true });
const NO = 'refused';

type Row = 'NO_CASE' | CaseStatus;

/** The lifecycle, written out by hand: every status (and no case) against every event. */
const EXPECTED: Record<Row, Record<Column, Expected>> = {
  NO_CASE: {
    EXCEPTION_DETECTED: go(OPEN),
    WORK_STARTED: NO,
    APPROVAL_REQUESTED: NO,
    APPROVAL_DECIDED: NO,
    SETTLED_AWAITING: NO,
    SETTLED_DONE: NO,
    EXECUTION_CONFIRMED: NO,
    ORDER_LEFT: NO,
  },
  OPEN: {
    EXCEPTION_DETECTED: go(OPEN),
    WORK_STARTED: go(IN_PROGRESS),
    APPROVAL_REQUESTED: go(AWAITING_APPROVAL),
    APPROVAL_DECIDED: NO,
    SETTLED_AWAITING: go(RESOLVED),
    SETTLED_DONE: go(CLOSED),
    EXECUTION_CONFIRMED: NO,
    ORDER_LEFT: go(CLOSED),
  },
  IN_PROGRESS: {
    EXCEPTION_DETECTED: go(IN_PROGRESS),
    WORK_STARTED: go(IN_PROGRESS),
    APPROVAL_REQUESTED: go(AWAITING_APPROVAL),
    APPROVAL_DECIDED: NO,
    SETTLED_AWAITING: go(RESOLVED),
    SETTLED_DONE: go(CLOSED),
    EXECUTION_CONFIRMED: NO,
    ORDER_LEFT: go(CLOSED),
  },
  AWAITING_APPROVAL: {
    EXCEPTION_DETECTED: go(AWAITING_APPROVAL),
    WORK_STARTED: NO,
    APPROVAL_REQUESTED: go(AWAITING_APPROVAL),
    APPROVAL_DECIDED: go(IN_PROGRESS),
    SETTLED_AWAITING: go(RESOLVED),
    SETTLED_DONE: go(CLOSED),
    EXECUTION_CONFIRMED: NO,
    ORDER_LEFT: go(CLOSED),
  },
  RESOLVED: {
    EXCEPTION_DETECTED: go(IN_PROGRESS),
    WORK_STARTED: NO,
    APPROVAL_REQUESTED: NO,
    APPROVAL_DECIDED: NO,
    SETTLED_AWAITING: NO,
    SETTLED_DONE: NO,
    EXECUTION_CONFIRMED: go(CLOSED),
    ORDER_LEFT: go(CLOSED),
  },
  CLOSED: {
    EXCEPTION_DETECTED: reopen(OPEN),
    WORK_STARTED: NO,
    APPROVAL_REQUESTED: NO,
    APPROVAL_DECIDED: NO,
    SETTLED_AWAITING: NO,
    SETTLED_DONE: NO,
    EXECUTION_CONFIRMED: NO,
    ORDER_LEFT: NO,
  },
};

const ROWS: Array<[Row, CaseStatus | null]> = [
  ['NO_CASE', null],
  ...Object.values(CaseStatus).map((status): [Row, CaseStatus] => [status, status]),
];
const COLUMNS = Object.keys(EVENTS) as Column[];
const CELLS = ROWS.flatMap(([row, from]) => COLUMNS.map((column) => [row, column, from] as const));

describe('case lifecycle', () => {
  it('covers every case status and every event type', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(ROWS.map(([row]) => row).sort());
    expect([...new Set(Object.values(EVENTS).map((event) => event.type))].sort()).toEqual(
      Object.keys(EVENT_TYPES).sort(),
    );
    expect(CELLS).toHaveLength(6 * 8);
  });

  describe('transition', () => {
    it.each(CELLS)('%s + %s', (row, column, from) => {
      const expected = EXPECTED[row][column];
      const event = EVENTS[column];
      const result = transition(from, event);
      if (expected === NO) {
        const sentence =
          from === null
            ? `there is no case yet to take ${event.type}`
            : `a ${from} case cannot take ${event.type}`;
        expect(result).toEqual({ ok: false, from, refusal: sentence });
      } else {
        expect(result).toEqual({ ok: true, from, ...expected });
      }
    });

    it('words refusals as readable sentences', () => {
      expect(transition(CLOSED, EVENTS.WORK_STARTED)).toEqual({
        ok: false,
        from: CLOSED,
        refusal: 'a CLOSED case cannot take WORK_STARTED',
      });
      expect(transition(null, EVENTS.ORDER_LEFT)).toEqual({
        ok: false,
        from: null,
        refusal: 'there is no case yet to take ORDER_LEFT',
      });
    });

    it('walks a four-eyes resolution from detection to close', () => {
      const steps: CaseEvent[] = [
        EVENTS.EXCEPTION_DETECTED,
        EVENTS.WORK_STARTED,
        EVENTS.APPROVAL_REQUESTED,
        EVENTS.APPROVAL_DECIDED,
        EVENTS.SETTLED_AWAITING,
        EVENTS.EXECUTION_CONFIRMED,
      ];
      const visited: Array<CaseStatus | null> = [null];
      for (const step of steps) {
        const result = transition(visited[visited.length - 1], step);
        if (!result.ok) throw new Error(result.refusal);
        visited.push(result.to);
      }
      expect(visited).toEqual([null, OPEN, IN_PROGRESS, AWAITING_APPROVAL, IN_PROGRESS, RESOLVED, CLOSED]);
    });
  });

  describe('CASE_TRANSITIONS', () => {
    it('lists each accepted pair once, and exactly the pairs the lifecycle accepts', () => {
      const listed = CASE_TRANSITIONS.map((rule) => `${rule.from ?? 'NO_CASE'} ${rule.event}`);
      const accepted = CELLS.filter(([row, column]) => EXPECTED[row][column] !== NO).map(
        ([row, column]) => `${row} ${EVENTS[column].type}`,
      );
      expect(new Set(listed).size).toBe(listed.length);
      expect([...listed].sort()).toEqual([...new Set(accepted)].sort());
    });

    it('gives ALL_SETTLED the execution-dependent target and every other rule a plain status', () => {
      for (const rule of CASE_TRANSITIONS) {
        if (rule.event === 'ALL_SETTLED') expect(rule.to).toBe(RESOLVED_OR_CLOSED);
        else expect(Object.values(CaseStatus)).toContain(rule.to);
      }
    });
  });

  it.each([
    [OPEN, true],
    [IN_PROGRESS, true],
    [AWAITING_APPROVAL, true],
    [RESOLVED, true],
    [CLOSED, false],
  ])('isOpenStatus(%s) is %s', (status, open) => {
    expect(isOpenStatus(status)).toBe(open);
  });

  describe('reopenDecision', () => {
    const closedAt = new Date('2024-03-01T10:00:00.000Z');
    const windowMs = 7 * 24 * 60 * 60 * 1000;
    const at = (ms: number) => new Date(closedAt.getTime() + ms);

    it.each([
      ['right at closing', 0, true, { reopen: true, rework: true }],
      ['inside the window', 60_000, true, { reopen: true, rework: true }],
      ['exactly at the window', windowMs, true, { reopen: true, rework: true }],
      ['1 ms after the window', windowMs + 1, true, { reopen: false, rework: false }],
      ['a day after the window', windowMs + 86_400_000, true, { reopen: false, rework: false }],
      ['exactly at the window, a new exception', windowMs, false, { reopen: true, rework: false }],
      ['1 ms after the window, a new exception', windowMs + 1, false, { reopen: false, rework: false }],
    ])('%s (%d ms after closing, recurring: %s)', (_label, elapsed, recurring, expected) => {
      expect(reopenDecision({ closedAt, now: at(elapsed), windowMs, recurring })).toEqual(expected);
    });

    it('closes the door at once with a zero window', () => {
      expect(reopenDecision({ closedAt, now: closedAt, windowMs: 0, recurring: true })).toEqual({
        reopen: true,
        rework: true,
      });
      expect(reopenDecision({ closedAt, now: at(1), windowMs: 0, recurring: true })).toEqual({
        reopen: false,
        rework: false,
      });
    });
  });
});
