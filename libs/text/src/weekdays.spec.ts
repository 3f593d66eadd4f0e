import { weekdayMask, weekdaysNamed } from './weekdays';

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
