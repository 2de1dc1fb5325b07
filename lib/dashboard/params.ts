// What the progress matrix accepts in its URL. Shared by the page and the export, so the file
// a trainer downloads has exactly the rows the page shows. A malformed value falls back to the
// default and is reported, never passed on to SQL.
import { z } from "zod";
import {
  pageField,
  parseSearchFields,
  searchQueryString,
  textFilterField,
  type SearchParams,
} from "@/lib/validation/search-params";

export const STATUS_FILTERS = ["all", "completed", "in_progress", "not_started", "inactive"] as const;
export const SORTS = ["name", "progress", "last_active", "final"] as const;
export const PAGE_SIZE = 50;

export const STATUS_LABELS: Record<(typeof STATUS_FILTERS)[number], string> = {
  all: "全部",
  completed: "已结业",
  in_progress: "学习中",
  not_started: "未开始",
  inactive: "超过7天未学习",
};

export const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  name: "姓名",
  progress: "完成模块数",
  last_active: "最近学习",
  final: "结业测评成绩",
};

const fields = {
  q: textFilterField("搜索词"),
  status: z.enum(STATUS_FILTERS, { error: "状态筛选无效" }),
  // 分行 and 支行/部门 from the bank's roster, matched exactly ("" = all).
  branch: textFilterField("分行"),
  dept: textFilterField("部门"),
  sort: z.enum(SORTS, { error: "排序方式无效" }),
  dir: z.enum(["asc", "desc"], { error: "排序方向无效" }),
  page: pageField,
};

export type MatrixQuery = {
  q: string;
  status: (typeof STATUS_FILTERS)[number];
  branch: string;
  dept: string;
  sort: (typeof SORTS)[number];
  dir: "asc" | "desc";
  page: number;
};

export const DEFAULT_QUERY: MatrixQuery = {
  q: "",
  status: "all",
  branch: "",
  dept: "",
  sort: "name",
  dir: "asc",
  page: 1,
};

/** Each field parsed on its own: one bad value does not throw away the others. */
export function parseMatrixQuery(raw: SearchParams): { query: MatrixQuery; problems: string[] } {
  const { values, problems } = parseSearchFields<MatrixQuery>(fields, DEFAULT_QUERY, raw);
  return { query: values, problems };
}

export function matrixQueryString(query: MatrixQuery, change: Partial<MatrixQuery> = {}): string {
  return searchQueryString({ ...query, ...change }, DEFAULT_QUERY);
}

export const EXPORT_DATA = ["progress", "attempts"] as const;
export const EXPORT_FORMATS = ["xlsx", "csv"] as const;

export function exportHref(
  cohortId: string,
  query: MatrixQuery,
  data: (typeof EXPORT_DATA)[number],
  format: (typeof EXPORT_FORMATS)[number],
) {
  return `/trainer/cohorts/${cohortId}/export${searchQueryString({ ...query, page: 1 }, DEFAULT_QUERY, { data, format })}`;
}
