/** A progress bar on stderr when it is a terminal; silent otherwise so piped output stays clean. */
export const progressBar = (total: number, stream: NodeJS.WriteStream = process.stderr) => {
  const width = 30;
  let last = 0;
  return {
    tick(done: number): void {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    done(): void {
      if (stream.isTTY) stream.write('\n');
    },
  };
};
