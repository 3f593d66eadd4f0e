import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandProbe } from './java-toolchain';
import { ensureKafkaJars, hasKafkaJars, kafkaCacheDir, kafkaClasspath, type MavenCopy } from './kafka-jars';

const withMaven: CommandProbe = () => ({ found: true, output: 'Apache Maven 3.8.7' });
const withoutMaven: CommandProbe = () => ({ found: false });

describe('kafkaCacheDir', () => {
  it('defaults to a versioned folder under ~/.cache', () => {
    expect(kafkaCacheDir({}, '/home/me')).toBe('/home/me/.cache/newsroom-story-stream/kafka-3.9.1');
  });

  it('honours KAFKA_CACHE_DIR', () => {
    expect(kafkaCacheDir({ KAFKA_CACHE_DIR: '/ci/cache' }, '/home/me')).toBe('/ci/cache');
  });

  it('gives the JVM a wildcard classpath', () => {
    expect(kafkaClasspath('/ci/cache')).toBe('/ci/cache/lib/*');
  });
});

describe('ensureKafkaJars', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'kafka-jars-spec-'));
  });
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  const copyOneJar: MavenCopy = (pom, outputDir) => {
    expect(existsSync(pom)).toBe(true);
    writeFileSync(join(outputDir, 'kafka_2.13-3.9.1.jar'), '');
    return { status: 0, output: '' };
  };

  it('copies with Maven once, then marks the cache complete', () => {
    const copy = jest.fn(copyOneJar);
    ensureKafkaJars({ cacheDir, probe: withMaven, copy });
    expect(readdirSync(join(cacheDir, 'lib'))).toEqual(['kafka_2.13-3.9.1.jar']);
    expect(hasKafkaJars(cacheDir)).toBe(true);

    ensureKafkaJars({ cacheDir, probe: withoutMaven, copy });
    expect(copy).toHaveBeenCalledTimes(1);
  });

  it('needs Maven only when the jars are missing', () => {
    expect(() => ensureKafkaJars({ cacheDir, probe: withoutMaven, copy: copyOneJar })).toThrow(
      'install Maven (apt-get install maven)',
    );
  });

  it('leaves no marker after a failed copy and shows what Maven said', () => {
    const failing: MavenCopy = (_pom, outputDir) => {
      writeFileSync(join(outputDir, 'half.jar'), '');
      return { status: 1, output: 'Could not resolve dependencies\n' };
    };
    expect(() => ensureKafkaJars({ cacheDir, probe: withMaven, copy: failing })).toThrow(
      'Fetching the Kafka jars with Maven failed (exit status 1):\nCould not resolve dependencies',
    );
    expect(hasKafkaJars(cacheDir)).toBe(false);
    expect(existsSync(join(cacheDir, 'lib'))).toBe(false);
  });

  it('replaces a lib folder left by an interrupted run', () => {
    mkdirSync(join(cacheDir, 'lib'));
    writeFileSync(join(cacheDir, 'lib', 'stale.jar'), '');
    ensureKafkaJars({ cacheDir, probe: withMaven, copy: copyOneJar });
    expect(readdirSync(join(cacheDir, 'lib'))).toEqual(['kafka_2.13-3.9.1.jar']);
  });
});
