import { percentiles } from './percentiles';

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values, [50, 95, 99, 100])).toEqual([50, 95, 99, 100]);
    expect(percentiles([7], [50, 99])).toEqual([7, 7]);
  });

  it('is NaN for no values', () => {
    expect(percentiles([], [50])).toEqual([Number.NaN]);
  });
});
