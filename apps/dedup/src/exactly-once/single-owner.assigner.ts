import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';
import { chooseOwner, decodeClaim, encodeClaim, type OwnerClaim } from './owner-claim';

const NAME = 'SingleOwnerAssigner';
const VERSION = 1;

const claimOf = (metadata: Buffer): OwnerClaim | undefined => {
  try {
    return decodeClaim(AssignerProtocol.MemberMetadata.decode(metadata)?.userData);
  } catch {
    return undefined;
  }
};

/**
 * Every partition to one member, none to the others. The state is single-writer: an instance must see every
 * article, so instead of sharing partitions the others stand by in the group, and a rebalance after the owner's
 * session expires hands everything to one of them. `claim` is read at each join, so it is always current.
 */
export const singleOwnerAssigner =
  (claim: () => OwnerClaim): PartitionAssigner =>
  ({ cluster }) => ({
    name: NAME,
    version: VERSION,
    async assign({ members, topics }) {
      const owner = chooseOwner(members.map(({ memberId, memberMetadata }) => ({ memberId, claim: claimOf(memberMetadata) })));
      const everything = Object.fromEntries(topics.map((topic) => [topic, cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId)]));
      return members.map(({ memberId }) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: VERSION, assignment: memberId === owner ? everything : {}, userData: Buffer.alloc(0) }),
      }));
    },
    protocol({ topics }) {
      return { name: NAME, metadata: AssignerProtocol.MemberMetadata.encode({ version: VERSION, topics, userData: encodeClaim(claim()) }) };
    },
  });
