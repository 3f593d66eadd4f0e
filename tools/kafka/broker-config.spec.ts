import { BROKER_STARTED_MESSAGE, log4jProperties, newClusterId, serverProperties } from './broker-config';

const parse = (properties: string): Map<string, string> =>
  new Map(
    properties
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );

describe('serverProperties', () => {
  const props = parse(serverProperties({ broker: 19092, controller: 19093 }, '/tmp/k/data'));

  it('runs one node as both broker and KRaft controller on the given loopback ports', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
    expect(props.get('log.dirs')).toBe('/tmp/k/data');
  });

  it('lets group offsets and transactions work with a single replica', () => {
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
  });

  it('writes each key once', () => {
    const keys = serverProperties({ broker: 1, controller: 2 }, '/d')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('=')[0]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('log4jProperties', () => {
  it('keeps the root quiet but lets the readiness line through', () => {
    const props = parse(log4jProperties());
    expect(props.get('log4j.rootLogger')).toBe('WARN, stdout');
    expect(props.get('log4j.logger.kafka.server.KafkaRaftServer')).toBe('INFO');
    expect(BROKER_STARTED_MESSAGE).toBe('Kafka Server started');
  });
});

describe('newClusterId', () => {
  it('is 16 bytes in unpadded base64url', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  });

  it('draws again when the id would start with "-"', () => {
    // 0xf8 encodes to "-" in base64url, which StorageTool would read as an option.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0)];
    const id = newClusterId(() => draws.shift() as Buffer);
    expect(id).toBe(Buffer.alloc(16, 0).toString('base64url'));
    expect(draws).toHaveLength(0);
  });
});
