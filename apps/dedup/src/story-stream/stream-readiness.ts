import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { kafkaConfigFromEnv, KafkaReachability, type ReadinessCheck, type ReadinessDetails } from '@app/platform';
import { DEDUP_CONFIG } from '../config/dedup-config.token';
import { type DedupConfig } from '../config/dedup.config';
import { ExactlyOnceTransport } from '../exactly-once/exactly-once.transport';

/**
 * Ready once the state holds the story log, as the owner or as a standby that can take over at once, while the
 * cluster answers. Which of the two it is, and how many input partitions it owns, are in the check's details.
 */
@Injectable()
export class StreamReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'story-stream';
  private readonly kafka: KafkaReachability;

  constructor(
    private readonly transport: ExactlyOnceTransport,
    @Inject(DEDUP_CONFIG) config: DedupConfig,
  ) {
    this.kafka = new KafkaReachability(kafkaConfigFromEnv(config));
  }

  async check(): Promise<ReadinessDetails> {
    const status = this.transport.currentStatus;
    if (status !== 'owner' && status !== 'standby') throw new Error(status === 'starting' ? 'restoring the story state from the log' : status);
    await this.kafka.check();
    return { role: status, partitions: this.transport.ownedPartitions };
  }

  onApplicationShutdown(): Promise<void> {
    return this.kafka.close();
  }
}
