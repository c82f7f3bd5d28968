/**
 * Where the story suite's time goes: seconds per phase (build, navigation, settling, axe,
 * pictures, comparison), summed over both tabs, printed at the end of the suite as a diagnostic.
 */
const spent = new Map<string, number>();

/** Runs `work`, adding its wall time to `phase`. */
export async function timed<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    spent.set(phase, (spent.get(phase) ?? 0) + performance.now() - start);
  }
}

/** `phase 12.3 s, …` in the order phases were first timed. */
export function timings(): string {
  return [...spent].map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(', ');
}
