import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type DockerEndpoint = { readonly socketPath: string } | { readonly host: string; readonly port: number };

/**
 * Where a Docker engine would listen: DOCKER_HOST when set (unix:// or plain tcp://), else the first existing
 * socket among the usual rootful, rootless and Docker Desktop places. TLS and ssh endpoints are not probed:
 * they count as no engine, and KAFKA_BROKERS is the way to point tests at such setups.
 */
export const dockerEndpoint = (env: NodeJS.ProcessEnv = process.env, home: string = homedir()): DockerEndpoint | undefined => {
  const dockerHost = env.DOCKER_HOST;
  if (dockerHost) {
    if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
    const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(dockerHost);
    if (tcp && !env.DOCKER_TLS_VERIFY) return { host: tcp[1] as string, port: Number(tcp[2]) };
    return undefined;
  }
  const candidates = [
    '/var/run/docker.sock',
    ...(env.XDG_RUNTIME_DIR ? [join(env.XDG_RUNTIME_DIR, 'docker.sock')] : []),
    join(home, '.docker', 'run', 'docker.sock'),
  ];
  const socketPath = candidates.find((path) => existsSync(path));
  return socketPath === undefined ? undefined : { socketPath };
};

/** Docker's own liveness call: a running engine answers GET /_ping with 200 "OK" in a few milliseconds. */
export const pingDocker = (endpoint: DockerEndpoint, timeoutMs = 1_000): Promise<boolean> =>
  new Promise((resolve) => {
    const req = request({ ...endpoint, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });

export const isDockerEngineReachable = async (env: NodeJS.ProcessEnv = process.env): Promise<boolean> => {
  const endpoint = dockerEndpoint(env);
  return endpoint !== undefined && pingDocker(endpoint);
};
