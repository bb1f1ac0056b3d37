import { remainingKg } from './remaining-capacity.util';

describe('remainingKg', () => {
  it('is capacity minus what is booked', () => {
    expect(remainingKg(12000, 4500)).toBe(7500);
    expect(remainingKg(10.2, 3.1)).toBe(7.1);
  });

  it('is the whole capacity when nothing is booked', () => {
    expect(remainingKg(800, 0)).toBe(800);
  });

  it('is zero when the slot is full or overbooked', () => {
    expect(remainingKg(5000, 5000)).toBe(0);
    expect(remainingKg(5000, 5250.5)).toBe(0);
  });
});
