import { createServer, type Server } from 'node:net';

const listen = (server: Server): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('The OS did not report the port it picked'));
    });
  });

/**
 * Asks the OS for `count` distinct free loopback ports. All are held open until all are known, so the same port
 * cannot be handed out twice; another process may still take one before the broker binds it, which the
 * launcher's retry covers.
 */
export const freePorts = async (count: number): Promise<number[]> => {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(servers.map(listen));
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
};
