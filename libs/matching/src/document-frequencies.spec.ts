import { DocumentFrequencies } from './document-frequencies';
import { mix32 } from './hash';

describe('DocumentFrequencies', () => {
  it('counts each document once per distinct term', () => {
    const df = new DocumentFrequencies();
    df.add([1, 2], 0);
    df.add(new Set([2, 3]), 0);
    expect(df.documents).toBe(2);
    expect([1, 2, 3, 4].map((t) => df.frequency(t))).toEqual([1, 2, 1, 0]);
  });

  it('returns the ids of the terms it counted, in the order given', () => {
    const df = new DocumentFrequencies();
    df.add([5, 6], 0);
    expect(df.add([7, 5], 0)).toEqual([df.idOf(7), df.idOf(5)]);
    expect(df.add([7, 5], 0)).toEqual([2, 0]);
  });

  it('weighs rare terms above common ones, and an unseen term like one seen once', () => {
    const df = new DocumentFrequencies();
    for (let i = 0; i < 9; i++) df.add([1, i === 0 ? 2 : 3], 0);
    expect(df.idf(2)).toBeGreaterThan(df.idf(3));
    expect(df.idf(3)).toBeGreaterThan(df.idf(1));
    expect(df.idf(1)).toBeCloseTo(Math.log(10 / 10) + 1);
    expect(df.idf(99)).toBeCloseTo(Math.log(10 / 1) + 1);
  });

  it('recomputes IDF after every document, for counts small and large', () => {
    const df = new DocumentFrequencies();
    const formula = (count: number) => Math.log((df.documents + 1) / (count + 1)) + 1;
    for (let i = 0; i < 5000; i++) {
      df.add(i % 2 === 0 ? [7, 8] : [7], 0);
      expect(df.idf(7)).toBe(formula(i + 1));
      expect(df.idf(8)).toBe(formula(Math.ceil((i + 1) / 2)));
    }
  });

  it('numbers terms densely in first-seen order, keeps the ids as the table grows, and restores them from its entries', () => {
    const df = new DocumentFrequencies();
    const terms = Array.from({ length: 5000 }, (_, i) => mix32(i, 12345));
    for (let i = 0; i < terms.length; i += 10) df.add(terms.slice(i, i + 10), 0);
    df.add(terms.slice(0, 3), 0);
    expect(df.terms).toBe(5000);
    expect(terms.every((term, i) => df.idOf(term) === i && df.termOf(i) === term)).toBe(true);
    expect(df.idOf(mix32(9999, 12345))).toBe(-1);
    const restored = DocumentFrequencies.fromEntries(df.documents, df.entries(), df.lastSeenTimes());
    expect(restored.entries()).toEqual(df.entries());
    expect(terms.map((term) => restored.idOf(term))).toEqual(terms.map((_, i) => i));
    expect([0, 1, 2, 3, 4999].map((id) => restored.idfOf(id))).toEqual([0, 1, 2, 3, 4999].map((id) => df.idfOf(id)));
    expect(df.frequency(terms[0])).toBe(2);
  });

  it('forgets the terms unused since the horizon that nothing holds, and gives their ids to new terms, lowest first', () => {
    const df = new DocumentFrequencies();
    df.add([10, 11, 12, 13], 100);
    df.add([11], 200);
    df.add([13, 14], 300);
    // 10 and 12 were last used at 100, 11 at 200; 12 is still held.
    df.hold(df.idOf(12));
    expect(df.forgetDormant(250, Infinity)).toBe(2);
    expect([10, 11, 12, 13, 14].map((t) => df.frequency(t))).toEqual([0, 0, 1, 2, 1]);
    expect([10, 11].map((t) => df.idOf(t))).toEqual([-1, -1]);
    expect(df.terms).toBe(3);
    expect(df.idLimit).toBe(5);
    expect(df.documents).toBe(3);
    // A forgotten term that comes back is new: it counts from one and takes the lowest free id.
    expect(df.add([15, 11, 13], 400)).toEqual([0, 1, 3]);
    expect([11, 13, 15].map((t) => df.frequency(t))).toEqual([1, 3, 1]);
    expect(df.idLimit).toBe(5);
    expect(df.add([16], 400)).toEqual([5]);
    df.release(df.idOf(12));
    expect(df.forgetDormant(250, Infinity)).toBe(1);
    expect(df.idOf(12)).toBe(-1);
    expect(() => df.release(2)).toThrow('term id 2 released more often than held');
  });

  it('keeps a dormant term used by at least as many documents as the caller calls common', () => {
    const df = new DocumentFrequencies();
    df.add([1, 2], 0);
    df.add([1], 0);
    expect(df.forgetDormant(10, 2)).toBe(1);
    expect([1, 2].map((t) => df.frequency(t))).toEqual([2, 0]);
  });

  it('keeps its size to the terms in use while the vocabulary turns over', () => {
    const df = new DocumentFrequencies();
    for (let day = 0; day < 100; day++) {
      // Each day 500 new terms and 20 that never go away.
      df.add([...Array.from({ length: 500 }, (_, i) => mix32(day * 500 + i, 7)), ...Array.from({ length: 20 }, (_, i) => i)], day);
      df.forgetDormant(day - 3, Infinity);
    }
    expect(df.terms).toBe(20 + 4 * 500);
    expect(df.idLimit).toBeLessThanOrEqual(20 + 5 * 500);
    expect(df.frequency(7)).toBe(100);
  });

  it('restores forgotten ids as free, so a restored table numbers new terms as the original does', () => {
    const df = new DocumentFrequencies();
    df.add([1, 2, 3, 4], 10);
    df.add([4, 5], 20);
    df.forgetDormant(15, Infinity);
    const restored = DocumentFrequencies.fromEntries(df.documents, df.entries(), df.lastSeenTimes());
    expect(restored.entries()).toEqual(df.entries());
    expect(restored.lastSeenTimes()).toEqual(df.lastSeenTimes());
    expect(restored.add([6, 7, 8, 4], 30)).toEqual(df.add([6, 7, 8, 4], 30));
    expect(() => DocumentFrequencies.fromEntries(1, [[1, 1]], [])).toThrow('1 terms but 0 last-seen times');
  });
});
