import { dayCapacity } from './day-capacity.util';

describe('dayCapacity', () => {
  it("is the depot's daily capacity on a working day without a slot", () => {
    expect(dayCapacity('2026-12-07', 8000)).toEqual({
      capacityKg: 8000,
      bookedKg: 0,
      remainingKg: 8000,
      defaulted: true,
      collects: true,
    });
  });

  it('is nothing on Saturday and Sunday without a slot', () => {
    for (const weekend of ['2026-12-12', '2026-12-13']) {
      expect(dayCapacity(weekend, 8000)).toEqual({
        capacityKg: 0,
        bookedKg: 0,
        remainingKg: 0,
        defaulted: true,
        collects: false,
      });
    }
  });

  it('follows the slot when there is one, a weekend included', () => {
    expect(dayCapacity('2026-12-12', 8000, { capacityKg: 3000, bookedKg: 1000.5 })).toEqual({
      capacityKg: 3000,
      bookedKg: 1000.5,
      remainingKg: 1999.5,
      defaulted: false,
      collects: true,
    });
  });

  it('keeps a full or overbooked slot at zero remaining, still collecting', () => {
    expect(dayCapacity('2026-12-07', 8000, { capacityKg: 5000, bookedKg: 5000 })).toMatchObject({
      remainingKg: 0,
      collects: true,
    });
    expect(dayCapacity('2026-12-07', 8000, { capacityKg: 5000, bookedKg: 6000 }).remainingKg).toBe(0);
  });

  it('does not collect on a day a slot closes (capacity zero)', () => {
    expect(dayCapacity('2026-12-07', 8000, { capacityKg: 0, bookedKg: 0 }).collects).toBe(false);
  });
});
