/**
 * For suites that start, stop or restart brokers of their own from the cached jars (the shared broker serves the
 * other suites): they run where the local broker is the one in use, and are skipped against a configured cluster
 * or a container.
 */
export const describeWithLocalBrokers: jest.Describe = process.env.KAFKA_BROKER_SOURCE === 'local' ? describe : describe.skip;
