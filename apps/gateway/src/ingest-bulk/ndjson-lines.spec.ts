import { type NdjsonLine, NdjsonLineSplitter } from './ndjson-lines';

/** Feeds the text in the given chunk sizes and returns what the splitter emitted, with line bytes as text. */
const split = (input: Buffer | string, maxLineBytes: number, chunkSize = Number.MAX_SAFE_INTEGER) => {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8');
  const splitter = new NdjsonLineSplitter(maxLineBytes);
  const lines: NdjsonLine[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) lines.push(...splitter.push(bytes.subarray(at, at + chunkSize)));
  lines.push(...splitter.end());
  return lines.map((line) => (line.kind === 'line' ? { number: line.number, text: line.bytes.toString('utf8') } : line));
};

describe('NdjsonLineSplitter', () => {
  it('numbers lines as an editor does, skipping blank ones and tolerating a missing final newline', () => {
    expect(split('{"a":1}\n\n  \n{"b":2}\n{"c":3}', 100)).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 4, text: '{"b":2}' },
      { number: 5, text: '{"c":3}' },
    ]);
    expect(split('{"a":1}\n', 100)).toEqual([{ number: 1, text: '{"a":1}' }]);
    expect(split('', 100)).toEqual([]);
    expect(split('\n\n', 100)).toEqual([]);
  });

  it('gives the same lines whatever the chunking, even when a chunk splits a multi-byte character', () => {
    const text = '{"t":"é漢字🙂"}\r\n{"t":"naïve"}\n{"t":"x"}';
    const whole = split(text, 100);
    expect(whole).toEqual([
      { number: 1, text: '{"t":"é漢字🙂"}' },
      { number: 2, text: '{"t":"naïve"}' },
      { number: 3, text: '{"t":"x"}' },
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(split(text, 100, size)).toEqual(whole);
  });

  it('strips CRLF and a leading byte-order mark', () => {
    expect(split('\ufeff{"a":1}\r\n{"b":2}\r\n', 100)).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":2}' },
    ]);
  });

  it('reports an overlong line with its size and carries on with the next line', () => {
    const long = 'x'.repeat(25);
    expect(split(`{"a":1}\n${long}\n{"b":2}`, 10, 4)).toEqual([
      { number: 1, text: '{"a":1}' },
      { kind: 'too-long', number: 2, bytes: 25 },
      { number: 3, text: '{"b":2}' },
    ]);
    expect(split(`${long}`, 10, 3)).toEqual([{ kind: 'too-long', number: 1, bytes: 25 }]);
  });

  it('accepts a line of exactly the limit', () => {
    expect(split(`${'y'.repeat(10)}\n`, 10)).toEqual([{ number: 1, text: 'y'.repeat(10) }]);
    expect(split(`${'y'.repeat(11)}\n`, 10)).toEqual([{ kind: 'too-long', number: 1, bytes: 11 }]);
  });

  it('never holds more than one line plus the current chunk, however long a line runs', () => {
    const splitter = new NdjsonLineSplitter(1024);
    const megabyte = Buffer.alloc(1024 * 1024, 0x61);
    expect(splitter.push(Buffer.alloc(1000, 0x61))).toEqual([]);
    expect(splitter.pendingBytes).toBe(1000);
    for (let i = 0; i < 50; i += 1) expect(splitter.push(megabyte)).toEqual([]);
    expect(splitter.pendingBytes).toBe(0);
    expect(splitter.push(Buffer.from('\n{}'))).toEqual([{ kind: 'too-long', number: 1, bytes: 1000 + 50 * 1024 * 1024 }]);
    expect(splitter.end().map((line) => line.number)).toEqual([2]);
  });
});
