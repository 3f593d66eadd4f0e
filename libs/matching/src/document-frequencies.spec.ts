import { DocumentFrequencies } from './document-frequencies';
import { mix32 } from './hash';

describe('DocumentFrequencies', () => {
  it('counts each document once per distinct term', () => {
    const df = new DocumentFrequencies();
    df.add([1, 2]);
    df.add(new Set([2, 3]));
    expect(df.documents).toBe(2);
    expect([1, 2, 3, 4].map((t) => df.frequency(t))).toEqual([1, 2, 1, 0]);
  });

  it('returns the ids of the terms it counted, in the order given', () => {
    const df = new DocumentFrequencies();
    df.add([5, 6]);
    expect(df.add([7, 5])).toEqual([df.idOf(7), df.idOf(5)]);
    expect(df.add([7, 5])).toEqual([2, 0]);
  });

  it('weighs rare terms above common ones, and an unseen term like one seen once', () => {
    const df = new DocumentFrequencies();
    for (let i = 0; i < 9; i++) df.add([1, i === 0 ? 2 : 3]);
    expect(df.idf(2)).toBeGreaterThan(df.idf(3));
    expect(df.idf(3)).toBeGreaterThan(df.idf(1));
    expect(df.idf(1)).toBeCloseTo(Math.log(10 / 10) + 1);
    expect(df.idf(99)).toBeCloseTo(Math.log(10 / 1) + 1);
  });

  it('recomputes IDF after every document, for counts small and large', () => {
    const df = new DocumentFrequencies();
    const formula = (count: number) => Math.log((df.documents + 1) / (count + 1)) + 1;
    for (let i = 0; i < 5000; i++) {
      df.add(i % 2 === 0 ? [7, 8] : [7]);
      expect(df.idf(7)).toBe(formula(i + 1));
      expect(df.idf(8)).toBe(formula(Math.ceil((i + 1) / 2)));
    }
  });

  it('numbers terms densely in first-seen order, keeps the ids as the table grows, and restores them from its entries', () => {
    const df = new DocumentFrequencies();
    const terms = Array.from({ length: 5000 }, (_, i) => mix32(i, 12345));
    for (let i = 0; i < terms.length; i += 10) df.add(terms.slice(i, i + 10));
    df.add(terms.slice(0, 3));
    expect(df.terms).toBe(5000);
    expect(terms.every((term, i) => df.idOf(term) === i && df.termOf(i) === term)).toBe(true);
    expect(df.idOf(mix32(9999, 12345))).toBe(-1);
    const restored = DocumentFrequencies.fromEntries(df.documents, df.entries());
    expect(restored.entries()).toEqual(df.entries());
    expect(terms.map((term) => restored.idOf(term))).toEqual(terms.map((_, i) => i));
    expect([0, 1, 2, 3, 4999].map((id) => restored.idfOf(id))).toEqual([0, 1, 2, 3, 4999].map((id) => df.idfOf(id)));
    expect(df.frequency(terms[0])).toBe(2);
  });
});
