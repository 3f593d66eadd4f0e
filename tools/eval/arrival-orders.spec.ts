import { arrivalOrders } from './arrival-orders';

const items = ['a1', 'b1', 'a2', 'c1', 'b2', 'a3'];
const storyOf = (item: string) => item[0];

describe('arrivalOrders', () => {
  it('gives the file order, its reverse, story blocks in first-seen order, then the shuffles', () => {
    const orders = arrivalOrders(items, 2, 7, storyOf);
    expect(orders.map((o) => o.name)).toEqual(['as given', 'reversed', 'story by story', 'shuffle 1', 'shuffle 2']);
    expect(orders[0].items).toEqual(items);
    expect(orders[1].items).toEqual(['a3', 'b2', 'c1', 'a2', 'b1', 'a1']);
    expect(orders[2].items).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
  });

  it('shuffles every item exactly once, differently per shuffle, and the same way for the same seed', () => {
    const orders = arrivalOrders(items, 3, 42);
    const shuffles = orders.filter((o) => o.name.startsWith('shuffle'));
    for (const { items: order } of shuffles) expect([...order].sort()).toEqual([...items].sort());
    expect(new Set(shuffles.map((o) => o.items.join())).size).toBe(3);
    expect(arrivalOrders(items, 3, 42)).toEqual(orders);
    expect(arrivalOrders(items, 3, 43).map((o) => o.items)).not.toEqual(orders.map((o) => o.items));
  });

  it('leaves items without a gold story in place of their own, never merged into one block', () => {
    const orders = arrivalOrders(['x', 'a1', 'y', 'a2'], 0, 1, (item) => (item.length === 2 ? item[0] : undefined));
    expect(orders.find((o) => o.name === 'story by story')!.items).toEqual(['x', 'a1', 'a2', 'y']);
  });

  it('has no story-by-story order without gold clusters', () => {
    expect(arrivalOrders(items, 1, 1).map((o) => o.name)).toEqual(['as given', 'reversed', 'shuffle 1']);
  });
});
