// Reading filters from a URL's search params: each field parsed on its own with its zod schema,
// so one bad value (a hand-edited link) falls back to its default and is reported, while the
// others still apply. Nothing unparsed reaches a query.
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseSearchFields<T extends Record<string, unknown>>(
  fields: { [K in keyof T]: z.ZodType<T[K], unknown> },
  defaults: T,
  raw: SearchParams,
): { values: T; problems: string[] } {
  const values = { ...defaults };
  const problems: string[] = [];
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const value = raw[key];
    if (value === undefined || value === "") continue;
    const parsed = fields[key].safeParse(Array.isArray(value) ? value[0] : value);
    if (parsed.success) values[key] = parsed.data;
    else problems.push(parsed.error.issues[0]?.message ?? "参数无效");
  }
  return { values, problems };
}

/**
 * The search part of a URL for `values`, leaving out every value equal to its default (so links
 * stay short and the default view has a plain address), then `extra` (an export's format, say).
 * "" when nothing is left.
 */
export function searchQueryString<T extends Record<string, unknown>>(
  values: T,
  defaults: T,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== defaults[k as keyof T]) params.set(k, String(v));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** A search term as an ILIKE pattern matching it anywhere, literally (% and _ typed are text). */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A free-text filter field (a search term, a 分行): trimmed, short, no control characters. */
export const textFilterField = (label: string) =>
  z
    .string()
    .trim()
    .max(50, `${label}最多 50 个字符`)
    .regex(/^[^\u0000-\u001f\u007f]*$/, `${label}含有无效字符`);

/** A list's page number. */
export const pageField = z.coerce
  .number({ error: "页码无效" })
  .int("页码必须是整数")
  .min(1, "页码从 1 开始")
  .max(100_000, "页码过大");
