// The inbox's URL filters, shared by the list and its export. Bad values fall back to defaults
// with a message, never reach the query.
import { z } from "zod";
import type { ExportFormat } from "@/lib/export/tabular";
import { parseSearchFields, searchQueryString, type SearchParams } from "@/lib/validation/search-params";
import { STATUSES } from "./enquiries";
import type { EnquiryStatus } from "@/lib/generated/prisma/enums";

export type InboxFilters = { status: EnquiryStatus | "ALL"; q: string; page: number };

const fields = {
  status: z.enum(["ALL", ...STATUSES] as ["ALL", ...EnquiryStatus[]], { error: "状态筛选无效" }),
  q: z
    .string()
    .trim()
    .max(50, "搜索词最多 50 个字符")
    .regex(/^[^\u0000-\u001f\u007f]*$/, "搜索词含有无效字符"),
  page: z.coerce.number({ error: "页码无效" }).int("页码无效").min(1, "页码无效").max(100_000, "页码无效"),
};

const DEFAULT_FILTERS: InboxFilters = { status: "ALL", q: "", page: 1 };

export function parseInboxFilters(raw: SearchParams): { filters: InboxFilters; problems: string[] } {
  const { values, problems } = parseSearchFields<InboxFilters>(fields, DEFAULT_FILTERS, raw);
  return { filters: values, problems };
}

export function inboxQueryString(f: InboxFilters, change: Partial<InboxFilters> = {}) {
  return searchQueryString({ ...f, ...change }, DEFAULT_FILTERS);
}

/** The export of what the inbox shows (all pages), as a file. */
export function inboxExportHref(f: InboxFilters, format: ExportFormat) {
  return `/trainer/enquiries/export${searchQueryString({ ...f, page: 1 }, DEFAULT_FILTERS, { format })}`;
}
