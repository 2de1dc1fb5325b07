// Knowledge gain: the pre-test against the final assessment, per topic tag and per 分行.
// The rule (docs/decisions/0023): only learners who submitted both the pre-test and at least one
// final attempt count; "post" is their FIRST submitted final attempt (retakes follow feedback on
// the same pool and would inflate the gain); a drawn question left unanswered counts as wrong in
// both. Per tag, the share right over every question with that tag met by those learners; per
// 分行, the average of the learners' percentages. Computed in memory: a cohort is tens of people.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FINAL_QUIZ_ID } from "@/lib/quiz/load";
import type { Question } from "@/lib/quiz/schema";

export type TakenQuiz = { userId: string; results: Record<string, boolean> };

export type Share = { correct: number; total: number; percent: number | null };
export type GainRow = { key: string; learners: number; pre: Share; post: Share; gain: number | null };
export type KnowledgeGain = {
  preTakers: number;
  postTakers: number;
  both: number;
  overall: GainRow;
  byTag: GainRow[];
  byBranch: GainRow[];
};

const share = (correct: number, total: number): Share => ({
  correct,
  total,
  percent: total === 0 ? null : Math.round((correct / total) * 1000) / 10,
});
const gainOf = (pre: Share, post: Share) =>
  pre.percent === null || post.percent === null ? null : Math.round((post.percent - pre.percent) * 10) / 10;

export const NO_BRANCH = "未填分行";

export function computeGain(
  pre: TakenQuiz[],
  post: TakenQuiz[],
  tagsOf: (questionId: string) => string[],
  branchOf: (userId: string) => string | null,
): KnowledgeGain {
  const postBy = new Map(post.map((p) => [p.userId, p]));
  const pairs = pre.flatMap((p) => {
    const q = postBy.get(p.userId);
    return q ? [{ userId: p.userId, pre: p.results, post: q.results }] : [];
  });
  type Acc = { learners: Set<string>; pre: [number, number]; post: [number, number] };
  const tags = new Map<string, Acc>();
  const branches = new Map<string, Acc>();
  const all: Acc = { learners: new Set(), pre: [0, 0], post: [0, 0] };
  const acc = (m: Map<string, Acc>, key: string) => {
    let a = m.get(key);
    if (!a) m.set(key, (a = { learners: new Set(), pre: [0, 0], post: [0, 0] }));
    return a;
  };
  const add = (a: Acc, userId: string, side: "pre" | "post", right: boolean) => {
    a.learners.add(userId);
    a[side][0] += right ? 1 : 0;
    a[side][1] += 1;
  };
  for (const p of pairs) {
    const branch = acc(branches, branchOf(p.userId)?.trim() || NO_BRANCH);
    for (const side of ["pre", "post"] as const)
      for (const [qid, right] of Object.entries(p[side])) {
        add(all, p.userId, side, right);
        add(branch, p.userId, side, right);
        for (const tag of tagsOf(qid)) add(acc(tags, tag), p.userId, side, right);
      }
  }
  const row = (key: string, a: Acc): GainRow => {
    const preShare = share(...a.pre);
    const postShare = share(...a.post);
    return { key, learners: a.learners.size, pre: preShare, post: postShare, gain: gainOf(preShare, postShare) };
  };
  const rows = (m: Map<string, Acc>) =>
    [...m]
      .map(([k, a]) => row(k, a))
      .sort((x, y) => (y.gain ?? -999) - (x.gain ?? -999) || x.key.localeCompare(y.key, "zh-CN"));
  return {
    preTakers: pre.length,
    postTakers: post.length,
    both: pairs.length,
    overall: row("全部", all),
    byTag: rows(tags),
    byBranch: rows(branches),
  };
}

/**
 * Loads what the gain needs in one statement, then computes. Only learners who took both count
 * (computeGain pairs them), so the pre-tests are loaded whole only for members with a final —
 * at bank scale a few hundred of thousands — and merely counted for the rest. "Post" is each
 * member's first submitted final, which the progress summary keeps (docs/decisions/0028).
 */
export async function getKnowledgeGain(db: PrismaClient, cohortId: string): Promise<KnowledgeGain> {
  const [row] = await db.$queryRaw<
    {
      pre_takers: number;
      pre: { userId: string; results: Record<string, boolean> | null; branch: string | null }[] | null;
      post: { userId: string; questionIds: string[]; right: string[] }[] | null;
    }[]
  >`
    WITH members AS (SELECT "userId" AS user_id FROM "CohortMember" WHERE "cohortId" = ${cohortId}),
    pre AS NOT MATERIALIZED (
      SELECT pta."userId" AS user_id, pta.results
      FROM "PreTestAttempt" pta JOIN "PreTest" pt ON pt.id = pta."preTestId" AND pt."cohortId" = ${cohortId}
      WHERE pta."submittedAt" IS NOT NULL AND pta."userId" IN (SELECT user_id FROM members)
    ),
    post AS MATERIALIZED (
      SELECT a."userId" AS user_id, a.id, a."questionIds"
      FROM members m
      JOIN "ProgressSummary" ps ON ps."userId" = m.user_id AND ps.unit = ${FINAL_QUIZ_ID}
      JOIN "Attempt" a ON a.id = ps."firstAttemptId"
    )
    SELECT (SELECT count(*) FROM pre)::int AS pre_takers,
           (SELECT json_agg(json_build_object('userId', p.user_id, 'results', p.results, 'branch', u.branch))
            FROM pre p JOIN "User" u ON u.id = p.user_id
            WHERE p.user_id IN (SELECT user_id FROM post)) AS pre,
           (SELECT json_agg(json_build_object('userId', f.user_id, 'questionIds', f."questionIds", 'right',
                     array(SELECT an."questionVersionId" FROM "Answer" an WHERE an."attemptId" = f.id AND an.correct)))
            FROM post f) AS post`;
  const preRows = row?.pre ?? [];
  const pre: TakenQuiz[] = preRows.map((r) => ({ userId: r.userId, results: r.results ?? {} }));
  const post: TakenQuiz[] = (row?.post ?? []).map((f) => {
    const right = new Set(f.right);
    return { userId: f.userId, results: Object.fromEntries(f.questionIds.map((q) => [q, right.has(q)])) };
  });
  const questionIds = [...new Set([...pre, ...post].flatMap((t) => Object.keys(t.results)))];
  const versions = await db.questionVersion.findMany({
    where: { id: { in: questionIds } },
    select: { id: true, data: true },
  });
  const tags = new Map(versions.map((v) => [v.id, (v.data as Question).tags]));
  const branch = new Map(preRows.map((r) => [r.userId, r.branch]));
  const gain = computeGain(
    pre,
    post,
    (q) => tags.get(q) ?? [],
    (u) => branch.get(u) ?? null,
  );
  return { ...gain, preTakers: row?.pre_takers ?? 0 };
}
