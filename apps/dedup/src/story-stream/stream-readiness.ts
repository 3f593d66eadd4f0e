import { Injectable } from '@nestjs/common';
import { KafkaReachability, type ReadinessCheck, type ReadinessDetails } from '@app/platform';
import { ExactlyOnceTransport } from '../exactly-once/exactly-once.transport';

/**
 * Ready once the state holds the story log, as the owner or as a standby that can take over at once, while the
 * cluster answers. Which of the two it is, and how many input partitions it owns, are in the check's details.
 */
@Injectable()
export class StreamReadiness implements ReadinessCheck {
  readonly name = 'story-stream';

  constructor(
    private readonly transport: ExactlyOnceTransport,
    private readonly kafka: KafkaReachability,
  ) {}

  async check(): Promise<ReadinessDetails> {
    const status = this.transport.currentStatus;
    if (status !== 'owner' && status !== 'standby') throw new Error(status === 'starting' ? 'restoring the story state from the log' : status);
    await this.kafka.check();
    return { role: status, partitions: this.transport.ownedPartitions };
  }
}
