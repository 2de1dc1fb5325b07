// The one place that turns an instant into text people read. Learners, trainers and the bank's
// admins are in China while the server may run in UTC, so every date and time shown on a page, in
// an export header or in a mail is written in Beijing time (Asia/Shanghai, UTC+8, no DST) in one
// style: 2026-03-05 14:07 and 2026-03-05.
const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function beijingParts(d: Date) {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out as { year: string; month: string; day: string; hour: string; minute: string };
}

/** "2026-03-05 14:07" in Beijing time; "—" for no date. */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "—";
  const p = beijingParts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "14:07" in Beijing time; "—" for no date. */
export function formatTime(d: Date | null | undefined): string {
  if (!d) return "—";
  const p = beijingParts(d);
  return `${p.hour}:${p.minute}`;
}

/** "2026-03-05" in Beijing time; "—" for no date. */
export function formatDate(d: Date | null | undefined): string {
  if (!d) return "—";
  const p = beijingParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2026年3月5日", for certificates and other formal documents. */
export function formatDateLong(d: Date): string {
  const p = beijingParts(d);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
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
