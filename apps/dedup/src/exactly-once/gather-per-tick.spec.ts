import { gatherPerTick } from './gather-per-tick';

describe('gatherPerTick', () => {
  it('runs the items offered in one turn together, and later ones in a run of their own', async () => {
    const runs: number[][] = [];
    const offer = gatherPerTick(async (items: number[]) => {
      runs.push(items);
    });
    await Promise.all([offer(1), offer(2), offer(3)]);
    await offer(4);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('settles every offer of a run with the run, failures included', async () => {
    const offer = gatherPerTick(async (items: string[]) => {
      if (items.includes('bad')) throw new Error(`run of ${items.join(',')} failed`);
    });
    const results = await Promise.allSettled([offer('good'), offer('bad')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(offer('good')).resolves.toBeUndefined();
  });

  it('keeps gathering while an earlier run is still working', async () => {
    let release!: () => void;
    const runs: string[][] = [];
    const offer = gatherPerTick(async (items: string[]) => {
      runs.push(items);
      if (items[0] === 'a') await new Promise<void>((resolve) => (release = resolve));
    });
    const first = offer('a');
    await new Promise((resolve) => setImmediate(resolve));
    const second = Promise.all([offer('b'), offer('c')]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toEqual([['a'], ['b', 'c']]);
    release();
    await Promise.all([first, second]);
  });
});
