import fc from 'fast-check';
import { packPairs, unpackPairs } from './packed-pairs';

describe('packPairs', () => {
  it('moves every list of number pairs into one buffer and leaves everything else as it is', () => {
    const state = {
      version: 1,
      frequencies: [
        [17, 2],
        [4294967295, 1],
      ],
      stories: [{ id: 'st-1', vocabulary: 'AAAA', terms: [[1, 0.1 + 0.2]], entities: [], slots: [['a-1', 3]] }],
      latest: null,
    };
    const packed = packPairs(state);
    expect(Array.from(packed.pool)).toEqual([17, 2, 4294967295, 1, 1, 0.1 + 0.2]);
    expect(JSON.stringify(packed.tree)).not.toContain('4294967295');
    expect(unpackPairs(packed)).toEqual(state);
  });

  it('round-trips any JSON-like value exactly, numbers to the last bit', () => {
    const pairs = fc.array(fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double({ noNaN: true }), fc.constant(null), pairs, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    fc.assert(fc.property(value, (v) => expect(unpackPairs(packPairs(v))).toEqual(v)));
  });
});
