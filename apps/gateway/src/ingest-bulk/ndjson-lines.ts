/** One line of an NDJSON body, numbered from 1 as an editor shows it (blank lines count but are not emitted). */
export type NdjsonLine =
  | { readonly kind: 'line'; readonly number: number; readonly bytes: Buffer }
  /** The line exceeded the limit: its bytes were dropped as they arrived, only their count is known. */
  | { readonly kind: 'too-long'; readonly number: number; readonly bytes: number };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const BLANK = new Set([0x20, 0x09, CARRIAGE_RETURN]);

/**
 * Splits a byte stream into NDJSON lines while holding at most one line of at most `maxLineBytes`. A longer line
 * is skipped up to its newline rather than buffered, so one endless line cannot exhaust memory. Splitting on the
 * newline byte is safe for UTF-8: 0x0A never occurs inside a multi-byte character, so each line decodes on its own.
 */
export class NdjsonLineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private overlongBytes: number | undefined;
  private lineNumber = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** Bytes held for the line being read: never more than the limit. */
  get pendingBytes(): number {
    return this.partBytes;
  }

  push(chunk: Buffer): NdjsonLine[] {
    const lines: NdjsonLine[] = [];
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      this.append(chunk.subarray(start, newline === -1 ? chunk.length : newline));
      if (newline === -1) break;
      this.finishLine(lines);
      start = newline + 1;
    }
    return lines;
  }

  /** The last line, when the body does not end with a newline. */
  end(): NdjsonLine[] {
    const lines: NdjsonLine[] = [];
    if (this.partBytes > 0 || this.overlongBytes !== undefined) this.finishLine(lines);
    return lines;
  }

  private append(segment: Buffer): void {
    if (segment.length === 0) return;
    if (this.overlongBytes !== undefined) {
      this.overlongBytes += segment.length;
      return;
    }
    if (this.partBytes + segment.length > this.maxLineBytes) {
      this.overlongBytes = this.partBytes + segment.length;
      this.parts = [];
      this.partBytes = 0;
      return;
    }
    this.parts.push(segment);
    this.partBytes += segment.length;
  }

  private finishLine(lines: NdjsonLine[]): void {
    this.lineNumber += 1;
    const overlong = this.overlongBytes;
    const bytes = Buffer.concat(this.parts, this.partBytes);
    this.parts = [];
    this.partBytes = 0;
    this.overlongBytes = undefined;
    if (overlong !== undefined) {
      lines.push({ kind: 'too-long', number: this.lineNumber, bytes: overlong });
      return;
    }
    const line = trimLine(bytes, this.lineNumber === 1);
    if (!line.every((byte) => BLANK.has(byte))) lines.push({ kind: 'line', number: this.lineNumber, bytes: line });
  }
}

/** CRLF files and a leading byte-order mark are common from Windows tools; neither is part of the JSON. */
const trimLine = (bytes: Buffer, first: boolean): Buffer => {
  const start = first && bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? UTF8_BOM.length : 0;
  const end = bytes.length > start && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  return bytes.subarray(start, end);
};
