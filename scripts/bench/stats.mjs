/** Median, min and max of a list of milliseconds (or bytes), rounded for the table (to 0.1, or to `digits` places). */
export function summarize(samples, { digits = 1 } = {}) {
  const round = (value) => Math.round(value * 10 ** digits) / 10 ** digits;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)), runs: sorted.length, samples: sorted.map(round) };
}
