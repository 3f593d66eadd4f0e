import { spawnSync } from 'node:child_process';

export type ProbeResult = { readonly found: false } | { readonly found: true; readonly output: string };

/** Runs a command to see whether it exists and what it says about itself; injectable so tests need no JDK. */
export type CommandProbe = (command: string, args: readonly string[]) => ProbeResult;

export const probeCommand: CommandProbe = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { found: false };
  return { found: true, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
};

const MIN_JAVA = 17;
const ALTERNATIVE = 'or set KAFKA_BROKERS=host:port to use a broker you already run';
export const JAVA_INSTALL_HINT = `install a Java ${MIN_JAVA}+ JDK (apt-get install openjdk-17-jre-headless)`;
export const MAVEN_INSTALL_HINT = 'install Maven (apt-get install maven)';

/** Reads the major version from `java -version`, which says "1.8.0_392" for Java 8 and "17.0.15" after it. */
export const javaMajorVersion = (versionOutput: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
};

export const requireJava = (probe: CommandProbe): void => {
  const java = probe('java', ['-version']);
  if (!java.found) {
    throw new Error(`The local Kafka broker needs Java, but \`java\` is not on the PATH: ${JAVA_INSTALL_HINT}, ${ALTERNATIVE}.`);
  }
  const major = javaMajorVersion(java.output);
  if (major === undefined || major < MIN_JAVA) {
    const found = major === undefined ? `an unrecognised \`java -version\`: ${java.output.trim()}` : `Java ${major}`;
    throw new Error(`The local Kafka broker needs Java ${MIN_JAVA}+, found ${found}: ${JAVA_INSTALL_HINT}, ${ALTERNATIVE}.`);
  }
};

export const requireMaven = (probe: CommandProbe, cacheDir: string): void => {
  if (!probe('mvn', ['-v']).found) {
    throw new Error(
      `The Kafka jars are not in ${cacheDir} yet and fetching them needs Maven, but \`mvn\` is not on the PATH: ` +
        `${MAVEN_INSTALL_HINT}, ${ALTERNATIVE}.`,
    );
  }
};
