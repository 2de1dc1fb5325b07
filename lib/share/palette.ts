// The site's colours (app/globals.css) for images drawn on the server, which cannot read CSS.
export const BRAND_900 = "#0f2f5f";
export const BRAND_600 = "#1d5fbf";
export const BRAND_100 = "#d9eaff";
export const ACCENT = "#ffb870";
export const BACKGROUND = `linear-gradient(135deg, ${BRAND_900}, ${BRAND_600})`;

/** "场景化金融生态 — 信用卡业务的转型与发展" → the name and the line under it. */
export function splitCourseTitle(title: string): { name: string; line: string | null } {
  const [name, ...rest] = title.split(/\s+—\s+/);
  return { name: name ?? title, line: rest.length ? rest.join(" — ") : null };
}

/** At most `max` characters (not UTF-16 units), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
