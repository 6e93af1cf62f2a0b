// How long a call has been waiting, as the blocked banner counts it.

export function formatElapsed(ms: number): string {
  const seconds = Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** A timeout in words: 5000 -> '5s', 1500 -> '1.5s', 250 -> '0.25s'. */
export function formatTimeout(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  return `${Number(seconds.toFixed(2))}s`;
}
