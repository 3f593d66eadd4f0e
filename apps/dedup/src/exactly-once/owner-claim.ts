import { z } from 'zod';

/** What each member tells the group leader when it joins, so the leader can keep one owner of every partition. */
export interface OwnerClaim {
  /** When this member last received the partitions (epoch ms); 0 while it stands by. */
  readonly ownerSince: number;
  /** When this member started: the longest-running standby is the warmest. */
  readonly startedAt: number;
}

export interface Member {
  readonly memberId: string;
  /** Undefined when the member's metadata did not decode (another build): it is chosen last. */
  readonly claim: OwnerClaim | undefined;
}

const claimSchema = z.object({ ownerSince: z.number().nonnegative(), startedAt: z.number().nonnegative() });

export const encodeClaim = (claim: OwnerClaim): Buffer => Buffer.from(JSON.stringify(claim), 'utf8');

/** Metadata comes from other processes: anything unexpected is "no claim", never an exception in the leader. */
export const decodeClaim = (userData: Buffer | null | undefined): OwnerClaim | undefined => {
  if (!userData || userData.length === 0) return undefined;
  try {
    const parsed = claimSchema.safeParse(JSON.parse(userData.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The member that gets every partition. The latest to have taken ownership wins: it fenced every earlier owner,
 * so a paused owner that comes back (a zombie, with an older claim) is not handed the partitions again. With no
 * owner yet, the longest-running member takes them, so a standby that joins never displaces a healthy owner.
 * Comparing claims across machines assumes their clocks agree to better than the session timeout, which is what
 * separates a zombie's claim from its successor's.
 */
export const chooseOwner = (members: readonly Member[]): string | undefined => {
  const rank = (m: Member): [number, number] => [m.claim?.ownerSince ?? 0, -(m.claim?.startedAt ?? Number.MAX_SAFE_INTEGER)];
  let best: Member | undefined;
  for (const member of members) {
    if (best === undefined) {
      best = member;
      continue;
    }
    const [a1, a2] = rank(member);
    const [b1, b2] = rank(best);
    if (a1 > b1 || (a1 === b1 && (a2 > b2 || (a2 === b2 && member.memberId < best.memberId)))) best = member;
  }
  return best?.memberId;
};
