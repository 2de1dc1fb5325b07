// Item analysis for one quiz in one cohort: per question, how many met it, the share right
// (facility), discrimination (corrected item-total correlation) and how often each wrong option
// was picked, with flags for questions that look broken. Each learner's FIRST submitted attempt
// counts: later attempts come after the learner has seen the explanations, which would make
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
  /** Choice questions: every option with its count. Others: the most frequent wrong answers. */
  options: OptionCount[];
  flags: ItemFlag[];
};

type SumRow = { qid: string; n: number; answered: number; correct: number; sx: number; sy: number; sxy: number; sxx: number; syy: number };

export async function getItemAnalysis(db: PrismaClient, cohortId: string, quizId: string) {
  const firsts = `WITH firsts AS (
      SELECT DISTINCT ON (a."userId") a.id, a.correct AS score, a."questionIds"
      FROM "Attempt" a JOIN "CohortMember" cm ON cm."userId" = a."userId" AND cm."cohortId" = $1
      WHERE a."quizId" = $2 AND a."submittedAt" IS NOT NULL
      ORDER BY a."userId", a."submittedAt"
    )`;
  const [sums, responses] = await Promise.all([
    db.$queryRawUnsafe<SumRow[]>(
      `${firsts},
      scored AS (
        SELECT q.qid, f.score, (ans."attemptId" IS NOT NULL) AS answered, coalesce(ans.correct, false)::int AS x
        FROM firsts f CROSS JOIN LATERAL unnest(f."questionIds") AS q(qid)
        LEFT JOIN "Answer" ans ON ans."attemptId" = f.id AND ans."questionVersionId" = q.qid
      )
      SELECT qid, count(*)::int AS n, count(*) FILTER (WHERE answered)::int AS answered, sum(x)::int AS correct,
             sum(x)::float8 AS sx, sum(score - x)::float8 AS sy, sum(x * (score - x))::float8 AS sxy,
             sum(x * x)::float8 AS sxx, sum((score - x) * (score - x))::float8 AS syy
      FROM scored GROUP BY qid`,
      cohortId,
      quizId,
    ),
    db.$queryRawUnsafe<{ qid: string; response: Response; correct: boolean | null; n: number }[]>(
      `${firsts}
      SELECT ans."questionVersionId" AS qid, ans.response, ans.correct, count(*)::int AS n
      FROM firsts f JOIN "Answer" ans ON ans."attemptId" = f.id
      GROUP BY 1, 2, 3`,
      cohortId,
      quizId,
    ),
  ]);
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
    const options = optionCounts(q, responses.filter((r) => r.qid === v.id));
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
 * How often each option was picked. Single choice and true/false: one count per option.
 * Multiple choice: how many learners ticked each option (the right ones are marked).
 * Ordering and numeric: the three most frequent wrong answers as given.
 */
export function optionCounts(q: Question, rows: { response: Response; correct: boolean | null; n: number }[]): OptionCount[] {
  switch (q.type) {
    case "single":
    case "multiple": {
      const counts = new Map(q.choices.map((c) => [c.id, 0]));
      for (const r of rows) {
        const picked = r.response.type === "single" ? [r.response.choice] : r.response.type === "multiple" ? r.response.choices : [];
        for (const id of new Set(picked)) if (counts.has(id)) counts.set(id, counts.get(id)! + r.n);
      }
      return q.choices.map((c) => ({ label: `${c.id.toUpperCase()}. ${c.text}`, count: counts.get(c.id) ?? 0, correct: c.correct }));
    }
    case "truefalse": {
      let yes = 0;
      let no = 0;
      for (const r of rows) if (r.response.type === "truefalse") r.response.value ? (yes += r.n) : (no += r.n);
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
