import { chooseOwner, decodeClaim, encodeClaim } from './owner-claim';

describe('chooseOwner', () => {
  it('keeps the current owner when a standby joins, even one that started earlier', () => {
    expect(
      chooseOwner([
        { memberId: 'b', claim: { ownerSince: 0, startedAt: 100 } },
        { memberId: 'a', claim: { ownerSince: 5_000, startedAt: 200 } },
      ]),
    ).toBe('a');
  });

  it('does not hand the partitions back to a zombie: the latest owner fenced it', () => {
    expect(
      chooseOwner([
        { memberId: 'zombie', claim: { ownerSince: 1_000, startedAt: 100 } },
        { memberId: 'successor', claim: { ownerSince: 40_000, startedAt: 200 } },
      ]),
    ).toBe('successor');
  });

  it('with no owner, picks the longest-running member, then the smallest member id', () => {
    expect(
      chooseOwner([
        { memberId: 'm2', claim: { ownerSince: 0, startedAt: 300 } },
        { memberId: 'm1', claim: { ownerSince: 0, startedAt: 100 } },
      ]),
    ).toBe('m1');
    expect(
      chooseOwner([
        { memberId: 'y', claim: { ownerSince: 0, startedAt: 100 } },
        { memberId: 'x', claim: { ownerSince: 0, startedAt: 100 } },
      ]),
    ).toBe('x');
  });

  it('chooses a member without a readable claim only when there is nobody else', () => {
    expect(chooseOwner([{ memberId: 'a', claim: undefined }, { memberId: 'b', claim: { ownerSince: 0, startedAt: 9e12 } }])).toBe('b');
    expect(chooseOwner([{ memberId: 'a', claim: undefined }])).toBe('a');
    expect(chooseOwner([])).toBeUndefined();
  });
});

describe('owner claims on the wire', () => {
  it('round-trip', () => {
    expect(decodeClaim(encodeClaim({ ownerSince: 12, startedAt: 34 }))).toEqual({ ownerSince: 12, startedAt: 34 });
  });

  it('decode anything else to no claim instead of throwing', () => {
    for (const bad of [null, undefined, Buffer.alloc(0), Buffer.from('not json'), Buffer.from('{"ownerSince":"x"}'), Buffer.from([0xff, 0x00])]) {
      expect(decodeClaim(bad)).toBeUndefined();
    }
  });
});
