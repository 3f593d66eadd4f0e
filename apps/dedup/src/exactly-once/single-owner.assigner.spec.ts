import { AssignerProtocol, type Cluster } from 'kafkajs';
import { encodeClaim, type OwnerClaim } from './owner-claim';
import { singleOwnerAssigner } from './single-owner.assigner';

const cluster = { findTopicPartitionMetadata: (topic: string) => (topic === 'in' ? [0, 1, 2] : [0]).map((partitionId) => ({ partitionId })) } as unknown as Cluster;
const metadata = (userData: Buffer) => AssignerProtocol.MemberMetadata.encode({ version: 1, topics: ['in', 'other'], userData });
const assignmentOf = (buffer: Buffer) => AssignerProtocol.MemberAssignment.decode(buffer)?.assignment;

describe('singleOwnerAssigner', () => {
  it('gives every partition of every topic to one member and nothing to the standbys', async () => {
    const assigner = singleOwnerAssigner(() => ({ ownerSince: 0, startedAt: 1 }))({ cluster, groupId: 'g', logger: undefined as never });
    const claims: Record<string, OwnerClaim> = { a: { ownerSince: 0, startedAt: 50 }, b: { ownerSince: 900, startedAt: 60 }, c: { ownerSince: 0, startedAt: 10 } };
    const result = await assigner.assign({
      members: Object.entries(claims).map(([memberId, claim]) => ({ memberId, memberMetadata: metadata(encodeClaim(claim)) })),
      topics: ['in', 'other'],
    });
    expect(Object.fromEntries(result.map(({ memberId, memberAssignment }) => [memberId, assignmentOf(memberAssignment)]))).toEqual({
      a: {},
      b: { in: [0, 1, 2], other: [0] },
      c: {},
    });
  });

  it('survives a member whose metadata is garbage', async () => {
    const assigner = singleOwnerAssigner(() => ({ ownerSince: 0, startedAt: 1 }))({ cluster, groupId: 'g', logger: undefined as never });
    const result = await assigner.assign({
      members: [
        { memberId: 'junk', memberMetadata: Buffer.from([1, 2, 3]) },
        { memberId: 'good', memberMetadata: metadata(encodeClaim({ ownerSince: 0, startedAt: 5 })) },
      ],
      topics: ['in'],
    });
    expect(result.map(({ memberId, memberAssignment }) => [memberId, assignmentOf(memberAssignment)])).toEqual([
      ['junk', {}],
      ['good', { in: [0, 1, 2] }],
    ]);
  });

  it('announces the claim as it is at each join', () => {
    let claim: OwnerClaim = { ownerSince: 0, startedAt: 7 };
    const assigner = singleOwnerAssigner(() => claim)({ cluster, groupId: 'g', logger: undefined as never });
    const announced = () => JSON.parse(AssignerProtocol.MemberMetadata.decode(assigner.protocol({ topics: ['in'] }).metadata)!.userData.toString()) as OwnerClaim;
    expect(announced()).toEqual({ ownerSince: 0, startedAt: 7 });
    claim = { ownerSince: 99, startedAt: 7 };
    expect(announced()).toEqual({ ownerSince: 99, startedAt: 7 });
  });
});
