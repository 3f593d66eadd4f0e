import { type CommandProbe, javaMajorVersion, requireJava, requireMaven } from './java-toolchain';

const probeWith =
  (found: Record<string, string>): CommandProbe =>
  (command) =>
    command in found ? { found: true, output: found[command] as string } : { found: false };

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['nothing useful', undefined],
  ])('reads %j as %p', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });
});

describe('requireJava', () => {
  it('accepts Java 17 and later', () => {
    expect(() => requireJava(probeWith({ java: 'openjdk version "17.0.15"' }))).not.toThrow();
    expect(() => requireJava(probeWith({ java: 'openjdk version "21.0.2"' }))).not.toThrow();
  });

  it('says what to install when java is missing', () => {
    expect(() => requireJava(probeWith({}))).toThrow(
      'The local Kafka broker needs Java, but `java` is not on the PATH: install a Java 17+ JDK ' +
        '(apt-get install openjdk-17-jre-headless), or set KAFKA_BROKERS=host:port to use a broker you already run.',
    );
  });

  it('names the version it found when java is too old', () => {
    expect(() => requireJava(probeWith({ java: 'openjdk version "11.0.22"' }))).toThrow(
      'needs Java 17+, found Java 11: install a Java 17+ JDK (apt-get install openjdk-17-jre-headless)',
    );
  });
});

describe('requireMaven', () => {
  it('says what to install and where the jars would go', () => {
    expect(() => requireMaven(probeWith({}), '/cache/kafka')).toThrow(
      'The Kafka jars are not in /cache/kafka yet and fetching them needs Maven, but `mvn` is not on the PATH: ' +
        'install Maven (apt-get install maven), or set KAFKA_BROKERS=host:port to use a broker you already run.',
    );
  });

  it('passes when mvn answers', () => {
    expect(() => requireMaven(probeWith({ mvn: 'Apache Maven 3.8.7' }), '/cache/kafka')).not.toThrow();
  });
});
