// Item analysis for one quiz in one cohort: per question, how many met it, the share right
// (facility), discrimination (corrected item-total correlation) and how often each wrong option
// was picked, with flags for questions that look broken. Each learner's FIRST submitted attempt
// counts (ties: the smaller id): later attempts come after the learner has seen the explanations, which would make
// every question look easy and blur which ones actually separate strong from weak learners.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Question } from "@/lib/quiz/schema";
import type { Response } from "@/lib/quiz/score";
import { describeAnswer, describeResponse } from "@/lib/quiz/views";
import { flagItem, pearsonFromSums, share, type ItemFlag } from "./stats";

export type OptionCount = { label: string; count: number; correct: boolean };

export type ItemRow = {
  versionId: string;
  questionKey: string;
  version: number;
  active: boolean;
  position: number;
  prompt: string;
  type: Question["type"];
  tags: string[];
  rightAnswer: string;
  /** Learners whose first attempt contained this question. */
  responses: number;
  answered: number;
  correct: number;
  facility: number | null;
  discrimination: number | null;
  /**
   * Of the learners who met it: how many left the page (tab or app switch) at least once during
   * that first attempt, and how often in all. The attempt's count, as the drill-down shows it.
   */
  switchers: number;
  switches: number;
  /** Choice questions: every option with its count. Others: the most frequent wrong answers. */
  options: OptionCount[];
  flags: ItemFlag[];
};

// Per question, over the (first attempt, question) pairs: how many met it, their scores' sums and
// their attempts' page switches (how many attempts had any, and how many in all).
export type PairRow = { qid: string; n: number; s: number; ss: number; sw: number; swn: number };
// Per question and distinct answer given: how many gave it, and the sum of their scores.
export type ResponseRow = { qid: string; response: Response; correct: boolean | null; n: number; s: number };

export async function getItemAnalysis(db: PrismaClient, cohortId: string, quizId: string) {
  // One statement over the cohort's kept tallies (lib/dashboard/question-tally.ts): the pair sums
  // per question met and the counts per distinct answer, both over the members' first attempts.
  // Reading the first attempts and their answers instead grew with the cohort (~40 ms at 4,000
  // learners, docs/decisions/0028). Each count is kept in eight stripes (summed here), and rows
  // counting nobody may be kept (left out here).
  const [row] = await db.$queryRaw<{ pairs: PairRow[] | null; responses: ResponseRow[] | null }[]>`
    WITH pairs AS (
      SELECT p."questionVersionId" AS qid, sum(p.n)::int AS n, sum(p.s)::float8 AS s, sum(p.ss)::float8 AS ss,
             sum(p.sw)::int AS sw, sum(p.swn)::int AS swn
      FROM "QuestionPairTally" p WHERE p."cohortId" = ${cohortId} AND p."quizId" = ${quizId}
      GROUP BY p."questionVersionId" HAVING sum(p.n) > 0
    ),
    responses AS (
      SELECT a."questionVersionId" AS qid, (array_agg(a.response))[1] AS response, (array_agg(a.correct))[1] AS correct,
             sum(a.n)::int AS n, sum(a.s)::float8 AS s
      FROM "QuestionAnswerTally" a WHERE a."cohortId" = ${cohortId} AND a."quizId" = ${quizId}
      GROUP BY a."questionVersionId", a.hash HAVING sum(a.n) > 0
    )
    SELECT (SELECT json_agg(pairs) FROM pairs) AS pairs, (SELECT json_agg(responses) FROM responses) AS responses`;
  return itemAnalysisOf(db, quizId, row?.pairs ?? [], row?.responses ?? []);
}

/**
 * The analysis from the two aggregates, whoever computed them (the kept tallies above, or the
 * statement over every first attempt that tests/integration/question-tally.test.ts compares with).
 */
export async function itemAnalysisOf(db: PrismaClient, quizId: string, pairs: PairRow[], responses: ResponseRow[]) {
  const sums = pairs.map((p) => ({
    qid: p.qid,
    switchers: p.sw,
    switches: p.swn,
    ...itemSums(
      p,
      responses.filter((r) => r.qid === p.qid),
    ),
  }));
  // Every version the cohort met, plus the current ones (so a question nobody reached still shows).
  const versions = await db.questionVersion.findMany({
    where: { quizId, OR: [{ active: true }, { id: { in: sums.map((s) => s.qid) } }] },
    orderBy: [{ active: "desc" }, { position: "asc" }, { version: "desc" }],
    select: { id: true, questionKey: true, version: true, active: true, position: true, data: true },
  });
  const byQid = new Map(sums.map((s) => [s.qid, s]));
  const learners = Math.max(0, ...sums.map((s) => s.n));
  const items: ItemRow[] = versions.map((v) => {
    const q = v.data as Question;
    const s = byQid.get(v.id);
    const n = s?.n ?? 0;
    const facility = share(s?.correct ?? 0, n);
    const discrimination = s ? pearsonFromSums(s) : null;
    const options = optionCounts(
      q,
      responses.filter((r) => r.qid === v.id),
    );
    const key = options.filter((o) => o.correct);
    const wrong = options.filter((o) => !o.correct).sort((a, b) => b.count - a.count)[0] ?? null;
    const choiceBased = q.type === "single" || q.type === "truefalse";
    return {
      versionId: v.id,
      questionKey: v.questionKey,
      version: v.version,
      active: v.active,
      position: v.position,
      prompt: q.prompt,
      type: q.type,
      tags: q.tags,
      rightAnswer: describeAnswer(q),
      responses: n,
      answered: s?.answered ?? 0,
      correct: s?.correct ?? 0,
      facility,
      discrimination,
      switchers: s?.switchers ?? 0,
      switches: s?.switches ?? 0,
      options,
      flags: flagItem({
        responses: n,
        facility,
        discrimination,
        topDistractor: choiceBased ? wrong : null,
        keyCount: choiceBased ? (key[0]?.count ?? 0) : null,
      }),
    };
  });
  return { learners, items };
}

/**
 * The item-total sums for one question from the two aggregates. x is 1 when the answer was right
 * (0 when wrong or left blank), y the rest of the score (score - x), so with x in {0, 1}:
 * Σx = right, Σy = Σscore - Σx, Σxy = Σ over right answers of (score - 1), Σx² = Σx,
 * Σy² = Σscore² - 2·Σ over right answers of score + Σx.
 */
export function itemSums(pair: Pick<PairRow, "n" | "s" | "ss">, responses: Pick<ResponseRow, "correct" | "n" | "s">[]) {
  let answered = 0;
  let right = 0;
  let rightScore = 0;
  for (const r of responses) {
    answered += r.n;
    if (r.correct) {
      right += r.n;
      rightScore += r.s;
    }
  }
  return {
    n: pair.n,
    answered,
    correct: right,
    sx: right,
    sy: pair.s - right,
    sxy: rightScore - right,
    sxx: right,
    syy: pair.ss - 2 * rightScore + right,
  };
}

/**
 * How often each option was picked. Single choice and true/false: one count per option.
 * Multiple choice: how many learners ticked each option (the right ones are marked).
 * Ordering and numeric: the three most frequent wrong answers as given.
 */
export function optionCounts(
  q: Question,
  rows: { response: Response; correct: boolean | null; n: number }[],
): OptionCount[] {
  switch (q.type) {
    case "single":
    case "multiple": {
      const counts = new Map(q.choices.map((c) => [c.id, 0]));
      for (const r of rows) {
        const picked =
          r.response.type === "single" ? [r.response.choice] : r.response.type === "multiple" ? r.response.choices : [];
        for (const id of new Set(picked)) if (counts.has(id)) counts.set(id, counts.get(id)! + r.n);
      }
      return q.choices.map((c) => ({
        label: `${c.id.toUpperCase()}. ${c.text}`,
        count: counts.get(c.id) ?? 0,
        correct: c.correct,
      }));
    }
    case "truefalse": {
      let yes = 0;
      let no = 0;
      for (const r of rows) {
        if (r.response.type !== "truefalse") continue;
        if (r.response.value) yes += r.n;
        else no += r.n;
      }
      return [
        { label: "正确", count: yes, correct: q.answer },
        { label: "错误", count: no, correct: !q.answer },
      ];
    }
    case "ordering":
    case "numeric": {
      const wrong = new Map<string, number>();
      for (const r of rows) {
        if (r.correct) continue;
        const label = describeResponse(q, r.response);
        wrong.set(label, (wrong.get(label) ?? 0) + r.n);
      }
      return [...wrong.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([label, count]) => ({ label, count, correct: false }));
    }
  }
}
