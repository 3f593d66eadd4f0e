import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { parseProbes, probeApp } from './app-health-probe';

describe('parseProbes', () => {
  it('reads name=url pairs and trims trailing slashes', () => {
    expect(parseProbes(['gateway=http://gw:3000/', 'dedup=http://dedup:3001'])).toEqual([
      { name: 'gateway', url: 'http://gw:3000' },
      { name: 'dedup', url: 'http://dedup:3001' },
    ]);
    expect(parseProbes(undefined)).toEqual([]);
  });
});

describe('probeApp', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow/health/ready') return; // never answers
      res.writeHead(req.url === '/up/health/ready' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: req.url === '/up/health/ready' ? 'ready' : 'not ready' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('reports ready, not ready, and unreachable (a hung app and a closed port)', async () => {
    expect(await probeApp('a', `${base}/up`, 1000)).toEqual({ name: 'a', status: 'ready', detail: { status: 'ready' } });
    expect(await probeApp('b', `${base}/down`, 1000)).toMatchObject({ status: 'not ready', detail: { status: 'not ready' } });
    expect(await probeApp('c', `${base}/slow`, 200)).toMatchObject({ status: 'unreachable' });
    expect(await probeApp('d', 'http://127.0.0.1:1', 1000)).toMatchObject({ status: 'unreachable' });
  });
});
