import { weekdayMask, weekdaysApart, weekdaysNamed } from './weekdays';

describe('weekdaysNamed', () => {
  it('lists the days a text names once each, Monday first', () => {
    expect(weekdaysNamed('Police said on Sunday that the fire, which began Tuesday night, was set. By Tuesday, 3 were held.')).toEqual([2, 7]);
    expect(weekdaysNamed("Monday's vote, then Friday")).toEqual([1, 5]);
  });

  it('reads only capitalised day names standing alone', () => {
    expect(weekdaysNamed('the tuesday market')).toEqual([]);
    expect(weekdaysNamed('Markets close on Mondays and on SundayNight specials')).toEqual([]);
    expect(weekdaysNamed('no day at all')).toEqual([]);
  });
});

describe('weekdayMask', () => {
  it('sets one bit per day, Monday lowest, and none for no days', () => {
    expect(weekdayMask([1, 7])).toBe(0b1000001);
    expect(weekdayMask([])).toBe(0);
    expect(weekdayMask(undefined)).toBe(0);
    expect(weekdayMask([2]) & weekdayMask([2, 5])).not.toBe(0);
    expect(weekdayMask([3]) & weekdayMask([2, 5])).toBe(0);
  });
});

describe('weekdaysApart', () => {
  const days = (...named: number[]) => weekdayMask(named);

  it('is the fewest days between any day of one and any of the other', () => {
    expect(weekdaysApart(days(2), days(2, 6))).toBe(0);
    expect(weekdaysApart(days(2), days(3))).toBe(1);
    expect(weekdaysApart(days(1), days(4))).toBe(3);
    expect(weekdaysApart(days(1, 5), days(3))).toBe(2);
  });

  it('counts round the weekend, both ways, and is symmetric', () => {
    expect(weekdaysApart(days(7), days(1))).toBe(1);
    expect(weekdaysApart(days(1), days(6))).toBe(2);
    for (let a = 1; a <= 7; a++) for (let b = 1; b <= 7; b++) {
      expect(weekdaysApart(days(a), days(b))).toBe(Math.min(Math.abs(a - b), 7 - Math.abs(a - b)));
    }
  });

  it('is undefined when either names no day', () => {
    expect(weekdaysApart(0, days(3))).toBeUndefined();
    expect(weekdaysApart(days(3), 0)).toBeUndefined();
  });
});
