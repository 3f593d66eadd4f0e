import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerEndpoint, pingDocker } from './docker-engine';

describe('dockerEndpoint', () => {
  it('reads unix and plain tcp DOCKER_HOST values', () => {
    expect(dockerEndpoint({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' })).toEqual({
      socketPath: '/run/user/1000/docker.sock',
    });
    expect(dockerEndpoint({ DOCKER_HOST: 'tcp://docker:2375' })).toEqual({ host: 'docker', port: 2375 });
  });

  it('does not probe TLS or ssh engines', () => {
    expect(dockerEndpoint({ DOCKER_HOST: 'tcp://docker:2376', DOCKER_TLS_VERIFY: '1' })).toBeUndefined();
    expect(dockerEndpoint({ DOCKER_HOST: 'ssh://me@host' })).toBeUndefined();
  });

  it('finds a Docker Desktop socket in the home folder', () => {
    const home = mkdtempSync(join(tmpdir(), 'docker-home-'));
    try {
      const socket = join(home, '.docker', 'run', 'docker.sock');
      require('node:fs').mkdirSync(join(home, '.docker', 'run'), { recursive: true });
      writeFileSync(socket, '');
      const found = dockerEndpoint({}, home);
      // A real /var/run/docker.sock on the machine running the test wins, as it would for the resolver.
      expect([socket, '/var/run/docker.sock']).toContain(found && 'socketPath' in found ? found.socketPath : undefined);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('pingDocker', () => {
  let dir: string;
  let server: Server | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'docker-ping-'));
  });
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const serve = (handler: Parameters<typeof createServer>[1]): Promise<string> => {
    const socketPath = join(dir, 'docker.sock');
    server = createServer(handler);
    return new Promise((resolve) => server?.listen(socketPath, () => resolve(socketPath)));
  };

  it('is true when the engine answers /_ping', async () => {
    const socketPath = await serve((req, res) => {
      res.writeHead(req.url === '/_ping' ? 200 : 404).end('OK');
    });
    await expect(pingDocker({ socketPath })).resolves.toBe(true);
  });

  it('is false when nothing listens', async () => {
    await expect(pingDocker({ socketPath: join(dir, 'absent.sock') })).resolves.toBe(false);
  });

  it('gives up quickly on an engine that never answers', async () => {
    const socketPath = await serve(() => undefined);
    const startedAt = Date.now();
    await expect(pingDocker({ socketPath }, 200)).resolves.toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });
});
