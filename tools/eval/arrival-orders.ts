/** A seeded generator of floats in [0, 1) (mulberry32): the same seed gives the same shuffles on every machine. */
const seededRandom = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const shuffled = <T>(items: readonly T[], random: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

/** Each group's items together, groups in the order they first appear, items in their given order. */
const grouped = <T>(items: readonly T[], groupOf: (item: T) => string | undefined): T[] => {
  const groups = new Map<string, T[]>();
  items.forEach((item, at) => {
    const key = groupOf(item) ?? `\u0000ungrouped-${at}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  });
  return [...groups.values()].flat();
};

export interface ArrivalOrder<T> {
  name: string;
  items: T[];
}

/**
 * The orders an online engine can meet the same articles in: as given, reversed, each gold story's coverage in one
 * block (a story complete before its sister event starts), and seeded shuffles. An online decision depends on what
 * came before, so one order's score is one draw from a spread.
 */
export const arrivalOrders = <T>(items: readonly T[], shuffles: number, seed: number, goldStoryOf?: (item: T) => string | undefined): ArrivalOrder<T>[] => {
  const random = seededRandom(seed);
  return [
    { name: 'as given', items: [...items] },
    { name: 'reversed', items: [...items].reverse() },
    ...(goldStoryOf ? [{ name: 'story by story', items: grouped(items, goldStoryOf) }] : []),
    ...Array.from({ length: shuffles }, (_, i) => ({ name: `shuffle ${i + 1}`, items: shuffled(items, random) })),
  ];
};
