import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { DEFAULT_ENGINE_CONFIG } from '@app/stories';
import { DEDUP_CONFIG } from '../config/dedup-config.token';
import { DedupConfig } from '../config/dedup.config';
import { StoryStream } from './story-stream';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Plain kafkajs inside a Nest provider rather than @nestjs/microservices' Kafka transport: that transport has no
 * transactions and no sendOffsets, and exactly-once needs both around every batch.
 */
@Injectable()
export class StoryStreamService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StoryStreamService.name);
  private readonly stream: StoryStream;

  constructor(@Inject(DEDUP_CONFIG) config: DedupConfig) {
    const kafka = new Kafka({ clientId: config.KAFKA_CLIENT_ID, brokers: config.KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
    this.stream = new StoryStream(
      kafka,
      {
        groupId: config.DEDUP_GROUP_ID,
        transactionalId: config.DEDUP_TRANSACTIONAL_ID,
        maxBodyBytes: config.MAX_BODY_BYTES,
        recordsPerTransaction: config.DEDUP_RECORDS_PER_TRANSACTION,
        engine: { ...DEFAULT_ENGINE_CONFIG, windowMs: config.STORY_WINDOW_DAYS * DAY_MS },
      },
      { log: (m, c) => this.logger.log({ ...c }, m), error: (m, c) => this.logger.error({ ...c }, m) },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.stream.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stream.stop();
  }
}
