// How the dashboard writes numbers and times: China time (trainers and learners are in China,
// the server may not be), "—" for "nothing to show" rather than a misleading 0.
export function formatShare(v: number | null, digits = 0): string {
  return v === null ? "—" : `${(v * 100).toFixed(digits)}%`;
}

export function formatScore(percent: number | null): string {
  return percent === null ? "—" : `${Math.round(percent)}`;
}

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function formatDateTime(d: Date | null): string {
  return d ? dateTime.format(d) : "—";
}

export function formatDate(d: Date | null): string {
  return d ? dateOnly.format(d) : "—";
}

/** "3 天前" style, for last activity. */
export function formatAgo(d: Date | null, now = new Date()): string {
  if (!d) return "从未";
  const minutes = Math.floor((now.getTime() - d.getTime()) / 60_000);
  if (minutes < 1) return "刚刚";
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时前`;
  return `${Math.floor(hours / 24)} 天前`;
}
