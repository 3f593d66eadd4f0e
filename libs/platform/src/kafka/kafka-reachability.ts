import { type OnApplicationShutdown } from '@nestjs/common';
import { type Admin, Kafka, type KafkaConfig, logLevel } from 'kafkajs';

/**
 * Asks the cluster for its brokers, for readiness probes. A long-lived producer or consumer says nothing about
 * Kafka once it has connected: kafkajs reconnects quietly, so a broker that went away would leave readiness green.
 * One admin connection of its own serves every probe, and probes that overlap share one question. It neither
 * retries nor logs: the next probe asks again, and the probe's answer carries the reason. As a Nest provider it
 * disconnects at shutdown.
 */
export class KafkaReachability implements OnApplicationShutdown {
  private readonly kafka: Kafka;
  private admin?: Admin;
  private asking?: Promise<void>;

  /** `config`: the app's own client settings (brokers, TLS, SASL). */
  constructor(config: KafkaConfig) {
    this.kafka = new Kafka({ ...config, retry: { retries: 0 }, logLevel: logLevel.NOTHING });
  }

  /** Resolves when a broker answered a metadata request; rejects saying why not. */
  check(): Promise<void> {
    this.asking ??= this.ask().finally(() => (this.asking = undefined));
    return this.asking;
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    await this.asking?.catch(() => undefined);
    await this.admin?.disconnect();
  }

  private async ask(): Promise<void> {
    this.admin ??= this.kafka.admin();
    try {
      await this.admin.connect();
      const { brokers } = await this.admin.describeCluster();
      if (brokers.length === 0) throw new Error('the cluster lists no brokers');
    } catch (error) {
      throw new Error(`Kafka did not answer: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
