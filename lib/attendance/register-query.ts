// What the register page accepts in its URL: a search by name or 工号, a 分行 and a page. A
// malformed value falls back to its default and is reported, never passed on to SQL.
import { z } from "zod";
import { parseSearchFields, searchQueryString, type SearchParams } from "@/lib/validation/search-params";

export const REGISTER_PAGE_SIZE = 50;

export type RegisterQuery = { q: string; branch: string; page: number };

export const DEFAULT_REGISTER_QUERY: RegisterQuery = { q: "", branch: "", page: 1 };

const fields = {
  q: z
    .string()
    .trim()
    .max(50, "搜索词最多 50 个字符")
    .regex(/^[^\u0000-\u001f\u007f]*$/, "搜索词含有无效字符"),
  branch: z
    .string()
    .trim()
    .max(50, "分行最多 50 个字符")
    .regex(/^[^\u0000-\u001f\u007f]*$/, "分行含有无效字符"),
  page: z.coerce.number({ error: "页码无效" }).int("页码必须是整数").min(1, "页码从 1 开始").max(100_000, "页码过大"),
};

/** Each field parsed on its own: one bad value does not throw away the others. */
export function parseRegisterQuery(raw: SearchParams): { query: RegisterQuery; problems: string[] } {
  const { values, problems } = parseSearchFields<RegisterQuery>(fields, DEFAULT_REGISTER_QUERY, raw);
  return { query: values, problems };
}

export function registerQueryString(query: RegisterQuery, change: Partial<RegisterQuery> = {}): string {
  return searchQueryString({ ...query, ...change }, DEFAULT_REGISTER_QUERY);
}
