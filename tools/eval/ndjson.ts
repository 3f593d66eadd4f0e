import { readFileSync } from 'fs';

/** Every non-blank line of a file with its 1-based line number, read at once: eval feeds the engine synchronously. */
export const readNumberedLines = (path: string): { line: string; number: number }[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim().length > 0);
