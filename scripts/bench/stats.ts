/** The middle value of a set of timings (the upper one of the two middles for an even count). */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
}

/**
 * The value at quantile `q` of timings (the nearest rank: the ceil(q × n)-th
 * smallest); NaN when there are none. The page bench's median and p95.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * CPU time of this process (user + system, µs) spent running `fn`: on a shared machine other
 * jobs take the cores for seconds at a time, and wall-clock figures of one build differ by 2×.
 */
export function cpuMicros(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const spent = process.cpuUsage(start);
  return spent.user + spent.system;
}
