// Survey results counted in the database (issue 18, bank scale; decision 0028). A run of a
// 4,000-learner cohort has thousands of responses and the comparison reads every run of the
// template, so loading each response into Node grew with learners. Triggers keep a count per
// (run, item, stored value) in SurveyTally and only these few counts are read; the arithmetic (averages,
// distributions, NPS) stays in results.ts on counts rebuilt from them, so the figures are exactly
// what computeResults gives on the same responses. Verbatims are read as a bounded list, in the
// order getRunResponses uses (token order for anonymous runs, hand-in order for named ones).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { netPromoterScore, scaleResult, type ItemResult, type NpsResult, type SurveyResults } from "./results";
import type { Survey } from "./schema";

/**
 * A bank cohort's run has thousands of verbatims: the results page lists the first ones (in the
 * export's order) and says how many there are; the export and the report have every one.
 */
export const VERBATIMS_ON_PAGE = 200;

export type TalliedResults = SurveyResults & {
  /** Per text item id: how many verbatims there are in all (the list in the item may be shorter). */
  verbatimTotals: Record<string, number>;
};

// What String.prototype.trim removes, so a verbatim counts here exactly when computeResults keeps it.
const JS_WHITESPACE =
  " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

type CountRow = { runId: string; whole: boolean; key: string | null; value: unknown; n: number };
type VerbatimRow = { runId: string; key: string; text: string; by: string | null; total: number };

/**
 * Results of each run (the same shape as computeResults over getRunResponses), with at most
 * `verbatimLimit` verbatims per text item (null: all of them, 0: none and no statement for them).
 * Two statements whatever the number of runs and responses.
 */
export async function tallyRunResults(
  db: PrismaClient,
  survey: Survey,
  runs: { id: string; anonymous: boolean }[],
  verbatimLimit: number | null,
): Promise<Map<string, TalliedResults>> {
  const out = new Map<string, TalliedResults>();
  if (runs.length === 0) return out;
  const items = survey.sections.flatMap((s) => s.items);
  const countedKeys = items.filter((i) => i.type !== "text").map((i) => i.id);
  const textKeys = items.filter((i) => i.type === "text").map((i) => i.id);
  const runIds = runs.map((r) => r.id);

  // One row per run (whole: its responses) and per (run, item, distinct stored value), from the
  // counts the triggers keep (SurveyTally). The values are compared in Node exactly as
  // computeResults does (integer, in range, option label).
  const counts = await db.$queryRaw<CountRow[]>`
    SELECT "runId", true AS whole, NULL AS key, NULL::jsonb AS value, count(*)::int AS n
    FROM "SurveyResponse" WHERE "runId" = ANY(${runIds}::text[]) GROUP BY "runId"
    UNION ALL
    SELECT "runId", false, key, value, n FROM "SurveyTally"
    WHERE "runId" = ANY(${runIds}::text[]) AND key = ANY(${countedKeys}::text[]) AND n > 0`;

  // The first verbatims of each text item, named only after the cut (a run's thousands of
  // respondents are never joined to User), and how many there are. The totals come from the
  // kept counts (a verbatim counts when it is a string with something left after trimming, as
  // computeResults decides); only a cut's worth of responses is ranked and read per item, and
  // none for an item nobody answered.
  const verbatims =
    textKeys.length === 0 || verbatimLimit === 0
      ? []
      : await db.$queryRaw<VerbatimRow[]>`
    WITH items AS (
      SELECT run.id AS "runId", run.anonymous, k.key, t.total
      FROM "SurveyRun" run
      CROSS JOIN unnest(${textKeys}::text[]) AS k(key)
      CROSS JOIN LATERAL (
        SELECT coalesce(sum(st.n), 0)::int AS total FROM "SurveyTally" st
        WHERE st."runId" = run.id AND st.key = k.key AND st.n > 0
          AND jsonb_typeof(st.value) = 'string' AND btrim(st.value #>> '{}', ${JS_WHITESPACE}) <> ''
      ) t
      WHERE run.id = ANY(${runIds}::text[])
    )
    SELECT i."runId", i.key, v.text, i.total,
      CASE WHEN i.anonymous THEN NULL
           WHEN u.id IS NULL THEN '（已删除的学员）'
           WHEN u.branch IS NOT NULL AND u.branch <> '' THEN u.name || '（' || u.branch || '）'
           ELSE u.name END AS by
    FROM items i
    CROSS JOIN LATERAL (
      SELECT r.answers ->> i.key AS text, r."userId", r.token, r."submittedAt", r.id
      FROM "SurveyResponse" r
      WHERE i.total > 0 AND r."runId" = i."runId"
        AND jsonb_typeof(r.answers -> i.key) = 'string' AND btrim(r.answers ->> i.key, ${JS_WHITESPACE}) <> ''
      ORDER BY CASE WHEN i.anonymous THEN r.token END, r."submittedAt", r.id
      ${verbatimLimit === null ? Prisma.empty : Prisma.sql`LIMIT ${verbatimLimit}`}
    ) v
    LEFT JOIN "User" u ON u.id = v."userId" AND NOT i.anonymous
    ORDER BY i."runId", i.key, CASE WHEN i.anonymous THEN v.token END, v."submittedAt", v.id`;

  for (const run of runs) {
    const mine = counts.filter((c) => c.runId === run.id);
    const responses = mine.find((c) => c.whole)?.n ?? 0;
    const valuesOf = (id: string) => mine.filter((c) => !c.whole && c.key === id);
    const integers = (id: string, min: number, max: number) =>
      valuesOf(id).flatMap((c) =>
        typeof c.value === "number" && Number.isInteger(c.value) && c.value >= min && c.value <= max
          ? Array.from({ length: c.n }, () => c.value as number)
          : [],
      );
    const texts = verbatims.filter((v) => v.runId === run.id);
    const verbatimTotals: Record<string, number> = {};
    let nps: NpsResult | null = null;
    const sections = survey.sections.map((section) => ({
      title: section.title,
      items: section.items.map((item): ItemResult => {
        switch (item.type) {
          case "likert":
            return { id: item.id, type: "likert", prompt: item.prompt, scale: scaleResult(integers(item.id, 1, 5), 5) };
          case "nps": {
            const values = integers(item.id, 0, 10);
            nps = netPromoterScore(values);
            return { id: item.id, type: "nps", prompt: item.prompt, scale: scaleResult(values, 10), nps };
          }
          case "choice":
            return {
              id: item.id,
              type: "choice",
              prompt: item.prompt,
              options: item.options.map((label) => ({
                label,
                count: valuesOf(item.id).reduce((sum, c) => sum + (c.value === label ? c.n : 0), 0),
              })),
            };
          case "text": {
            const mineText = texts.filter((v) => v.key === item.id);
            verbatimTotals[item.id] = mineText[0]?.total ?? 0;
            return {
              id: item.id,
              type: "text",
              prompt: item.prompt,
              verbatims: mineText.map((v) => ({ text: v.text, by: v.by })),
            };
          }
        }
      }),
    }));
    out.set(run.id, { responses, sections, nps, verbatimTotals });
  }
  return out;
}

/**
 * The kept counts that differ from a count from scratch (view survey_tally_source), either way:
 * none unless something wrote SurveyResponse with the triggers disabled. Checked by the tests.
 */
export async function surveyTallyDrift(db: PrismaClient) {
  return db.$queryRaw<{ runId: string; key: string; hash: string; kept: number; fresh: number }[]>`
    SELECT coalesce(t."runId", s."runId") AS "runId", coalesce(t.key, s.key) AS key, coalesce(t.hash, s.hash) AS hash,
      coalesce(t.n, 0) AS kept, coalesce(s.n, 0) AS fresh
    FROM "SurveyTally" t
    FULL JOIN survey_tally_source s ON s."runId" = t."runId" AND s.key = t.key AND s.hash = t.hash
    WHERE t.n IS DISTINCT FROM s.n`;
}
