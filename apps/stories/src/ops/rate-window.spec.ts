import { RateWindow } from './rate-window';

describe('RateWindow', () => {
  it('turns counter samples into per-second rates', () => {
    const w = new RateWindow(10);
    w.add({ at: 0, value: 0 });
    w.add({ at: 1000, value: 50 });
    w.add({ at: 3000, value: 250 });
    expect(w.series()).toEqual([
      { at: 1000, perSecond: 50 },
      { at: 3000, perSecond: 100 },
    ]);
    expect(w.rate(10_000)).toBeCloseTo(250 / 3);
    expect(w.rate(2000)).toBe(100);
  });

  it('keeps only its capacity and ignores samples out of time order', () => {
    const w = new RateWindow(3);
    for (let i = 0; i < 6; i++) w.add({ at: i * 1000, value: i * 10 });
    w.add({ at: 2000, value: 999 });
    expect(w.series().map((p) => p.at)).toEqual([4000, 5000]);
  });

  it('reads a counter that went backwards as no progress rather than a negative rate', () => {
    const w = new RateWindow(5);
    w.add({ at: 0, value: 100 });
    w.add({ at: 1000, value: 10 });
    expect(w.series()).toEqual([{ at: 1000, perSecond: 0 }]);
    expect(new RateWindow(5).rate(1000)).toBe(0);
  });
});
