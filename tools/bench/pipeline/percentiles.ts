/** Nearest-rank percentiles of a sample, in the sample's unit; NaN for an empty sample. */
export const percentiles = (values: readonly number[], ranks: readonly number[]): number[] => {
  const sorted = [...values].sort((a, b) => a - b);
  return ranks.map((p) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]));
};
