import { createReadStream, readFileSync } from 'fs';
import { createInterface } from 'readline';

/** Lines of an NDJSON file, streamed, with their 1-based line numbers; blank lines are skipped. */
export async function* ndjsonLines(path: string): AsyncGenerator<{ line: string; number: number }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim().length > 0) yield { line, number };
  }
}

export const readJsonLines = async <T>(path: string): Promise<T[]> => {
  const out: T[] = [];
  for await (const { line } of ndjsonLines(path)) out.push(JSON.parse(line) as T);
  return out;
};

/** Every non-blank line of a file with its 1-based line number, read at once: eval feeds the engine synchronously. */
export const readNumberedLines = (path: string): { line: string; number: number }[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim().length > 0);
