/**
 * Letters and digits (\p{L}\p{N}) for the hand-written scanners: ASCII by table, anything else once per code point
 * by the Unicode property. Internal to libs/text.
 */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 128 }, (_, code) => (/[a-z0-9]/i.test(String.fromCharCode(code)) ? 1 : 0));
const UNICODE_WORD_CHAR = /^[\p{L}\p{N}]$/u;
const nonAsciiWordChar = new Map<number, boolean>();

/** Width in UTF-16 units of the letter or digit at `i`, or 0 when there is none (or `i` is past the end). */
export const wordCharAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD_CHAR[code];
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(i)!;
  let isWord = nonAsciiWordChar.get(point);
  if (isWord === undefined) {
    isWord = UNICODE_WORD_CHAR.test(String.fromCodePoint(point));
    nonAsciiWordChar.set(point, isWord);
  }
  return isWord ? (point > 0xffff ? 2 : 1) : 0;
};
