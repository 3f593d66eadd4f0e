import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandProbe } from './java-toolchain';
import { type RunningBroker, startLocalBroker } from './local-broker';
import { type BrokerResolverDeps, resolveBroker } from './resolve-broker';

const started = (brokers: string, stops: string[]): (() => Promise<RunningBroker>) => async () => ({
  brokers,
  stop: async () => {
    stops.push(brokers);
  },
});

const unreachable = async (): Promise<never> => {
  throw new Error('must not be called');
};

describe('resolveBroker', () => {
  let stops: string[];
  let deps: BrokerResolverDeps;
  beforeEach(() => {
    stops = [];
    deps = {
      env: {},
      dockerEngineReachable: async () => false,
      startTestcontainers: started('container:9093', stops),
      startLocal: started('127.0.0.1:40000', stops),
    };
  });

  it('uses KAFKA_BROKERS as given, without probing Docker or starting anything', async () => {
    const broker = await resolveBroker({
      ...deps,
      env: { KAFKA_BROKERS: ' kafka-1:9092,kafka-2:9092 ' },
      dockerEngineReachable: unreachable,
      startTestcontainers: unreachable,
      startLocal: unreachable,
    });
    expect(broker).toMatchObject({ brokers: 'kafka-1:9092,kafka-2:9092', source: 'env' });
    await broker.stop();
    expect(stops).toEqual([]);
  });

  it("gives tools' own clients the TLS and SASL settings of a cluster from the environment", async () => {
    const env = { KAFKA_BROKERS: 'kafka-1:9093', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'bench', KAFKA_SASL_PASSWORD: 's3cret' };
    const broker = await resolveBroker({ ...deps, env });
    expect(broker.clientConfig('bench-pipeline')).toEqual({
      clientId: 'bench-pipeline',
      brokers: ['kafka-1:9093'],
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'bench', password: 's3cret' },
    });
    await expect(resolveBroker({ ...deps, env: { KAFKA_BROKERS: 'kafka-1:9093', KAFKA_SASL_MECHANISM: 'plain' } }).then((b) => b.clientConfig('x'))).rejects.toThrow(
      'KAFKA_SASL_USERNAME',
    );
    const local = await resolveBroker(deps);
    expect(local.clientConfig('bench-pipeline')).toEqual({ clientId: 'bench-pipeline', brokers: ['127.0.0.1:40000'] });
  });

  it('ignores an empty KAFKA_BROKERS', async () => {
    const broker = await resolveBroker({ ...deps, env: { KAFKA_BROKERS: '  ' } });
    expect(broker.source).toBe('local');
  });

  it('starts a container when a Docker engine answers', async () => {
    const broker = await resolveBroker({ ...deps, dockerEngineReachable: async () => true, startLocal: unreachable });
    expect(broker).toMatchObject({ brokers: 'container:9093', source: 'testcontainers' });
    await broker.stop();
    expect(stops).toEqual(['container:9093']);
  });

  it('falls back to the local jars broker without Docker', async () => {
    const broker = await resolveBroker({ ...deps, startTestcontainers: unreachable });
    expect(broker).toMatchObject({ brokers: '127.0.0.1:40000', source: 'local' });
    await broker.stop();
    expect(stops).toEqual(['127.0.0.1:40000']);
  });

  describe('on a machine that lacks the local broker toolchain', () => {
    let emptyCache: string;
    beforeEach(() => {
      emptyCache = mkdtempSync(join(tmpdir(), 'resolver-spec-'));
    });
    afterEach(() => rmSync(emptyCache, { recursive: true, force: true }));

    const localWith = (probe: CommandProbe) => () => startLocalBroker({ cacheDir: emptyCache, probe, log: () => undefined });

    it('says to install Java when java is missing', async () => {
      await expect(resolveBroker({ ...deps, startLocal: localWith(() => ({ found: false })) })).rejects.toThrow(
        'install a Java 17+ JDK (apt-get install openjdk-17-jre-headless)',
      );
    });

    it('says to install Maven when the jars are not cached and mvn is missing', async () => {
      const javaOnly: CommandProbe = (command) =>
        command === 'java' ? { found: true, output: 'openjdk version "17.0.15"' } : { found: false };
      await expect(resolveBroker({ ...deps, startLocal: localWith(javaOnly) })).rejects.toThrow(
        `The Kafka jars are not in ${emptyCache} yet and fetching them needs Maven, but \`mvn\` is not on the PATH: ` +
          'install Maven (apt-get install maven)',
      );
    });
  });
});
