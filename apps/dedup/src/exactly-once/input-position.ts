import { partitionKey } from './stateful-processor';

/**
 * The next input offset of each partition that the owner has not committed yet: set where a takeover seeks (the
 * offsets committed so far, final once the previous owner is fenced), moved past each chunk this owner commits.
 *
 * A record below it was committed already, by this owner or by the one before, and handling it again would write
 * its story events twice. kafkajs does deliver such records. On every rebalance it reads the group's committed
 * offsets again, also for an owner that keeps its partitions; the offsets of a transaction whose commit markers
 * are still being written are not visible yet (kafkajs does not ask the broker to wait for them), so the owner's
 * consumer can go back one transaction and fetch it again. And a batch fetched before a takeover's seek counts as
 * stale only until the next fetch applies the seek. The position is the transport's own check, whatever kafkajs
 * delivers.
 */
export class InputPosition {
  private readonly next = new Map<string, bigint>();

  /** Forget every partition: the next takeover seeks them all again. */
  clear(): void {
    this.next.clear();
  }

  seekTo(topic: string, partition: number, offset: string): void {
    this.next.set(partitionKey(topic, partition), BigInt(offset));
  }

  /** The chunk whose last record on this partition is `lastOffset` committed. */
  committed(topic: string, partition: number, lastOffset: string): void {
    this.next.set(partitionKey(topic, partition), BigInt(lastOffset) + 1n);
  }

  /** Whether the record is still to be handled: at or past the position (a gap is an aborted or compacted range). */
  isAhead(topic: string, partition: number, offset: string): boolean {
    const next = this.next.get(partitionKey(topic, partition));
    return next === undefined || BigInt(offset) >= next;
  }
}
