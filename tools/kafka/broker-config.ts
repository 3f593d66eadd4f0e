import { randomBytes } from 'node:crypto';

export interface BrokerPorts {
  /** Clients connect here. */
  readonly broker: number;
  /** The KRaft quorum talks here; never handed to clients. */
  readonly controller: number;
}

/** The line the broker logs once it accepts clients; the launcher waits for it. */
export const BROKER_STARTED_MESSAGE = 'Kafka Server started';

/**
 * A single-node KRaft cluster on loopback. Replication factors of 1 are what let the internal offsets and
 * transaction-state topics exist at all with one node; without them transactions and group commits hang.
 */
export const serverProperties = (ports: BrokerPorts, logDir: string): string =>
  [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${ports.controller}`,
    `listeners=PLAINTEXT://127.0.0.1:${ports.broker},CONTROLLER://127.0.0.1:${ports.controller}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.broker}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${logDir}`,
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    // Consumers in tests join and leave often; waiting for more members only slows every test down.
    'group.initial.rebalance.delay.ms=0',
    // The default 128 MiB cleaner buffer is allocated up front, inside a 512 MiB heap.
    'log.cleaner.dedupe.buffer.size=2097152',
    '',
  ].join('\n');

/**
 * Warnings and errors only, plus the one INFO line that signals readiness, so the launcher can read stdout
 * without drowning in start-up chatter.
 */
export const log4jProperties = (): string =>
  [
    'log4j.rootLogger=WARN, stdout',
    'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
    'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.kafka.server.KafkaRaftServer=INFO',
    '',
  ].join('\n');

/**
 * KRaft wants a base64url UUID. A leading '-' would be parsed as an option by StorageTool's command line, so
 * such ids are drawn again.
 */
export const newClusterId = (random: (size: number) => Buffer = randomBytes): string => {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
};
