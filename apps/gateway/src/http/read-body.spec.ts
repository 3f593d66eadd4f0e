import { type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { BodyTooLargeError, readBody } from './read-body';

const request = (chunks: string[], headers: Record<string, string> = {}): IncomingMessage => {
  const stream = Readable.from(chunks.map((c) => Buffer.from(c))) as Readable & { headers: Record<string, string> };
  stream.headers = headers;
  return stream as unknown as IncomingMessage;
};

describe('readBody', () => {
  it('returns the whole body up to the limit', async () => {
    expect((await readBody(request(['{"a":', '1}']), 7)).toString()).toBe('{"a":1}');
    expect((await readBody(request([]), 7)).length).toBe(0);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const req = request(['x'], { 'content-length': '8' });
    await expect(readBody(req, 7)).rejects.toEqual(new BodyTooLargeError(7));
    expect((req as unknown as Readable).readableEnded).toBe(false);
  });

  it('stops reading a chunked body as soon as it crosses the limit', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 1;
        this.push(Buffer.alloc(4));
      },
    }) as Readable & { headers: Record<string, string> };
    endless.headers = {};
    await expect(readBody(endless as unknown as IncomingMessage, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled).toBeLessThan(10);
  });
});
