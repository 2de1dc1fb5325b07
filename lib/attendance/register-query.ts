// What the register page accepts in its URL: a search by name or 工号, a 分行 and a page. A
// malformed value falls back to its default and is reported, never passed on to SQL.
import {
  pageField,
  parseSearchFields,
  searchQueryString,
  textFilterField,
  type SearchParams,
} from "@/lib/validation/search-params";

export const REGISTER_PAGE_SIZE = 50;

export type RegisterQuery = { q: string; branch: string; page: number };

export const DEFAULT_REGISTER_QUERY: RegisterQuery = { q: "", branch: "", page: 1 };

const fields = {
  q: textFilterField("搜索词"),
  branch: textFilterField("分行"),
  page: pageField,
};

/** Each field parsed on its own: one bad value does not throw away the others. */
export function parseRegisterQuery(raw: SearchParams): { query: RegisterQuery; problems: string[] } {
  const { values, problems } = parseSearchFields<RegisterQuery>(fields, DEFAULT_REGISTER_QUERY, raw);
  return { query: values, problems };
}

export function registerQueryString(query: RegisterQuery, change: Partial<RegisterQuery> = {}): string {
  return searchQueryString({ ...query, ...change }, DEFAULT_REGISTER_QUERY);
}
