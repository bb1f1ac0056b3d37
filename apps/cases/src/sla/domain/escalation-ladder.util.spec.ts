import { defaultCalendar } from './business-calendar.util';
import { escalationLadder, slaState, slaTargetFrom } from './escalation-ladder.util';

describe('escalation ladder', () => {
  const calendar = defaultCalendar('UTC'); // Monday–Friday 08:00–18:00 UTC
  const target = { targetMinutes: 240, atRiskShare: 0.75, escalateShare: 1.5 };

  it('puts the steps at 75 %, 100 % and 150 % of the target in working minutes', () => {
    // Tuesday 10:00: at risk after 180 min = 13:00, breached after 240 = 14:00, manager after 360 = 16:00.
    const ladder = escalationLadder(new Date('2026-12-01T10:00:00Z'), target, calendar);
    expect(ladder.map((s) => [s.step, s.kind, s.dueAt.toISOString()])).toEqual([
      [1, 'AT_RISK', '2026-12-01T13:00:00.000Z'],
      [2, 'BREACHED', '2026-12-01T14:00:00.000Z'],
      [3, 'MANAGER', '2026-12-01T16:00:00.000Z'],
    ]);
  });

  it('does not count the weekend: a task from Friday 16:00 falls due on Monday', () => {
    // 120 min left on Friday (16:00–18:00); at risk 180 → Monday 09:00; breach 240 → 10:00; manager 360 → 12:00.
    const ladder = escalationLadder(new Date('2026-12-04T16:00:00Z'), target, calendar);
    expect(ladder.map((s) => s.dueAt.toISOString())).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-07T10:00:00.000Z',
      '2026-12-07T12:00:00.000Z',
    ]);
  });

  it('reads the sla-targets answer, refusing one it cannot use', () => {
    expect(slaTargetFrom({ targetMinutes: 120, atRiskShare: 0.75, escalateShare: 1.5 })).toEqual({
      targetMinutes: 120,
      atRiskShare: 0.75,
      escalateShare: 1.5,
    });
    expect(slaTargetFrom(undefined)).toBeUndefined();
    expect(slaTargetFrom({ targetMinutes: 0, atRiskShare: 0.75, escalateShare: 1.5 })).toBeUndefined();
    expect(slaTargetFrom({ targetMinutes: 90.5, atRiskShare: 0.75, escalateShare: 1.5 })).toBeUndefined();
    expect(slaTargetFrom({ targetMinutes: 120, atRiskShare: 1, escalateShare: 1.5 })).toBeUndefined();
    expect(slaTargetFrom({ targetMinutes: 120, atRiskShare: 0.75, escalateShare: 1 })).toBeUndefined();
    expect(slaTargetFrom({ targetMinutes: '120', atRiskShare: 0.75, escalateShare: 1.5 })).toBeUndefined();
  });

  it('says where a task stands: on track, at risk from its at-risk instant, breached from its deadline', () => {
    const task = { atRiskAt: new Date('2026-12-01T13:00:00Z'), dueAt: new Date('2026-12-01T14:00:00Z') };
    expect(slaState(new Date('2026-12-01T12:59:59Z'), task)).toBe('ON_TRACK');
    expect(slaState(new Date('2026-12-01T13:00:00Z'), task)).toBe('AT_RISK');
    expect(slaState(new Date('2026-12-01T14:00:00Z'), task)).toBe('BREACHED');
    expect(slaState(new Date('2026-12-01T10:00:00Z'), { atRiskAt: null, dueAt: null })).toBeNull();
  });
});
