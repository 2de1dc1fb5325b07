// Survey results per 分行, for the 结项报告 (docs/decisions/0027): each response keeps the
// respondent's 分行 as it was when they answered (anonymous ones too, never the user id). Only
// counts leave here, and only the scale items' (no verbatims: a 分行's few free-text answers would
// point at people). Which groups are too small to show is the report's rule, not this file's.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { netPromoterScore, type NpsResult } from "./results";
import type { Survey } from "./schema";

export type BranchTally = {
  runId: string;
  /** "" when the response has no 分行 (the roster had none, or it predates the column). */
  branch: string;
  responses: number;
  /** Per section of the survey, in its order: the sum and the number of its Likert answers (1–5). */
  sections: { title: string; sum: number; n: number }[];
  nps: NpsResult | null;
};

type Row = { runId: string; branch: string; key: string | null; value: unknown; n: number };

/** Every (run, 分行) of the given runs of one template, in one statement whatever their size. */
export async function tallyRunsByBranch(db: PrismaClient, survey: Survey, runIds: string[]): Promise<BranchTally[]> {
  if (runIds.length === 0) return [];
  const items = survey.sections.flatMap((s) => s.items);
  const keys = items.filter((i) => i.type === "likert" || i.type === "nps").map((i) => i.id);
  const rows = await db.$queryRaw<Row[]>`
    SELECT r."runId", coalesce(r.branch, '') AS branch, NULL::text AS key, NULL::jsonb AS value, count(*)::int AS n
    FROM "SurveyResponse" r WHERE r."runId" = ANY(${runIds}::text[]) GROUP BY 1, 2
    UNION ALL
    SELECT r."runId", coalesce(r.branch, ''), e.key, e.value, count(*)::int
    FROM "SurveyResponse" r
    CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(r.answers) = 'object' THEN r.answers ELSE '{}' END) e
    WHERE r."runId" = ANY(${runIds}::text[]) AND e.key = ANY(${keys}::text[])
    GROUP BY 1, 2, 3, 4`;
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${r.runId}\u0000${r.branch}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((mine) => {
    // The values are judged as computeResults judges them: integers in the item's range.
    const integers = (id: string, min: number, max: number) =>
      mine.flatMap((c) =>
        c.key === id && typeof c.value === "number" && Number.isInteger(c.value) && c.value >= min && c.value <= max
          ? Array.from({ length: c.n }, () => c.value as number)
          : [],
      );
    const npsItem = items.find((i) => i.type === "nps");
    return {
      runId: mine[0]!.runId,
      branch: mine[0]!.branch,
      responses: mine.find((c) => c.key === null)?.n ?? 0,
      sections: survey.sections.map((s) => {
        const values = s.items.flatMap((i) => (i.type === "likert" ? integers(i.id, 1, 5) : []));
        return { title: s.title, sum: values.reduce((a, b) => a + b, 0), n: values.length };
      }),
      nps: npsItem ? netPromoterScore(integers(npsItem.id, 0, 10)) : null,
    };
  });
}
