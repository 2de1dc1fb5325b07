// What the 待提醒 list accepts in its URL: a rule, a 分行 and a page, in the progress matrix's
// conventions (lib/dashboard/params.ts): each field parsed on its own, a malformed value falls
// back to its default and is reported, never passed on to SQL.
import { z } from "zod";
import {
  pageField,
  parseSearchFields,
  searchQueryString,
  textFilterField,
  type SearchParams,
} from "@/lib/validation/search-params";
import type { ReminderRule } from "./rules";

export const RULE_FILTERS = ["all", "due_soon", "not_started", "inactive", "check_in_due"] as const;
export type RuleFilter = (typeof RULE_FILTERS)[number];
export const REMINDER_PAGE_SIZE = 50;

export type ReminderQuery = { rule: RuleFilter; branch: string; page: number };

export const DEFAULT_REMINDER_QUERY: ReminderQuery = { rule: "all", branch: "", page: 1 };

const fields = {
  rule: z.enum(RULE_FILTERS, { error: "提醒原因筛选无效" }),
  branch: textFilterField("分行"),
  page: pageField,
};

export function parseReminderQuery(raw: SearchParams): { query: ReminderQuery; problems: string[] } {
  const { values, problems } = parseSearchFields<ReminderQuery>(fields, DEFAULT_REMINDER_QUERY, raw);
  return { query: values, problems };
}

export function reminderQueryString(query: ReminderQuery, change: Partial<ReminderQuery> = {}): string {
  return searchQueryString({ ...query, ...change }, DEFAULT_REMINDER_QUERY);
}

/** The rule a filter value names; null for 全部. */
export const filterRule = (f: RuleFilter): ReminderRule | null =>
  f === "all" ? null : (f.toUpperCase() as ReminderRule);
export const ruleFilter = (r: ReminderRule): RuleFilter => r.toLowerCase() as RuleFilter;
