/** Exponential back-off with full jitter in [base·2ⁿ/2, base·2ⁿ], capped. */
export function backoffDelay(failures: number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
