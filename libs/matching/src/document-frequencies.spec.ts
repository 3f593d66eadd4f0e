import { DocumentFrequencies } from './document-frequencies';

describe('DocumentFrequencies', () => {
  it('counts each document once per distinct term', () => {
    const df = new DocumentFrequencies();
    df.add([1, 2]);
    df.add(new Set([2, 3]));
    expect(df.documents).toBe(2);
    expect([1, 2, 3, 4].map((t) => df.frequency(t))).toEqual([1, 2, 1, 0]);
  });

  it('weighs rare terms above common ones, and an unseen term like one seen once', () => {
    const df = new DocumentFrequencies();
    for (let i = 0; i < 9; i++) df.add([1, i === 0 ? 2 : 3]);
    expect(df.idf(2)).toBeGreaterThan(df.idf(3));
    expect(df.idf(3)).toBeGreaterThan(df.idf(1));
    expect(df.idf(1)).toBeCloseTo(Math.log(10 / 10) + 1);
    expect(df.idf(99)).toBeCloseTo(Math.log(10 / 1) + 1);
  });
});
