import { capacityChangedProblem } from './capacity-changed.util';

const slot = { carrierCode: 'DHL', dcCode: 'DC-N', shipDate: '2026-12-07', capacityKg: 800, bookedKg: 800 };

describe('capacityChangedProblem', () => {
  it('accepts a full slot, an overbooked one and a closed day', () => {
    expect(capacityChangedProblem(slot)).toBeNull();
    expect(capacityChangedProblem({ ...slot, bookedKg: 900 })).toBeNull();
    expect(capacityChangedProblem({ ...slot, capacityKg: 0, bookedKg: 0 })).toBeNull();
  });

  it('refuses negative figures', () => {
    expect(capacityChangedProblem({ ...slot, capacityKg: -1 })).toBe(
      'DHL at DC-N on 2026-12-07: capacity must be 0 kg or more',
    );
    expect(capacityChangedProblem({ ...slot, bookedKg: -1 })).toBe(
      'DHL at DC-N on 2026-12-07: booked must be 0 kg or more',
    );
  });
});
