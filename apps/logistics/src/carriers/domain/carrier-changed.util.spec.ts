import { CarrierChanged, Region } from '@ordex/contracts';
import { carrierChangedProblem, laneId } from './carrier-changed.util';

const valid: CarrierChanged = {
  carrier: { code: 'DHL', name: 'DHL Freight' },
  depots: [{ dcCode: 'DC-N', dailyCapacityKg: 8000, cutoffLocalTime: '15:00', timeZone: 'Europe/Berlin' }],
  lanes: [{ dcCode: 'DC-N', region: Region.NORTH, transitDays: 1, costPerKg: 0.35, minimumCharge: 45 }],
};

describe('carrierChangedProblem', () => {
  it('accepts a well-formed carrier, and one without depots or lanes (an upcast v1 event)', () => {
    expect(carrierChangedProblem(valid)).toBeNull();
    expect(carrierChangedProblem({ ...valid, depots: [], lanes: [] })).toBeNull();
  });

  it.each([
    [{ depots: [valid.depots[0], valid.depots[0]] }, 'carrier DHL: depot DC-N listed twice'],
    [
      { depots: [{ ...valid.depots[0], dailyCapacityKg: -1 }] },
      'carrier DHL: depot DC-N daily capacity must be 0 or more',
    ],
    [
      { depots: [{ ...valid.depots[0], cutoffLocalTime: '3pm' }] },
      'carrier DHL: depot DC-N cut-off "3pm" is not HH:MM',
    ],
    [
      { depots: [{ ...valid.depots[0], timeZone: 'CET+1' }] },
      'carrier DHL: depot DC-N time zone "CET+1" is not an IANA zone',
    ],
    [{ lanes: [valid.lanes[0], valid.lanes[0]] }, 'carrier DHL: lane DC-N → NORTH listed twice'],
    [
      { lanes: [{ ...valid.lanes[0], transitDays: -1 }] },
      'carrier DHL: lane DHL:DC-N:NORTH transit days must be 0 or more',
    ],
    [
      { lanes: [{ ...valid.lanes[0], costPerKg: -0.1 }] },
      'carrier DHL: lane DHL:DC-N:NORTH cost per kg must be 0 or more',
    ],
    [
      { lanes: [{ ...valid.lanes[0], minimumCharge: -5 }] },
      'carrier DHL: lane DHL:DC-N:NORTH minimum charge must be 0 or more',
    ],
  ])('refuses %j', (change, problem) => {
    expect(carrierChangedProblem({ ...valid, ...change } as CarrierChanged)).toBe(problem);
  });

  it('names a lane by carrier, DC and region', () => {
    expect(laneId('DHL', { dcCode: 'DC-N', region: Region.NORTH })).toBe('DHL:DC-N:NORTH');
  });
});
