// How the dashboard writes numbers: "—" for "nothing to show" rather than a misleading 0.
// Dates and times: lib/format/beijing-time.ts.
export function formatShare(v: number | null, digits = 0): string {
  return v === null ? "—" : `${(v * 100).toFixed(digits)}%`;
}

export function formatScore(percent: number | null): string {
  return percent === null ? "—" : `${Math.round(percent)}`;
}
