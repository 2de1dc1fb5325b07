// Each plan's follow-through figures, kept on its row by triggers (docs/decisions/0036):
// comparing them with a computation from scratch, and rebuilding them. The trainer's summary
// (summary.ts) reads the kept figures; tests hold them to the view that recomputes them.
import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

const FIGURES = Prisma.raw(
  `"actionCount", "actionsDone", "reportCount", coalesce("followedRounds", ARRAY[]::int[]) AS followed, coalesce("answeredRounds", ARRAY[]::int[]) AS answered`,
);

/** Plans whose kept figures differ from the ones computed from their actions and reports now. */
export async function actionPlanFiguresDrift(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    WITH kept AS (SELECT id AS "planId", ${FIGURES} FROM "ActionPlan"),
    fresh AS (SELECT "planId", ${FIGURES} FROM action_plan_figures_source)
    SELECT count(*)::int AS n FROM ((SELECT * FROM kept EXCEPT SELECT * FROM fresh) UNION ALL (SELECT * FROM fresh EXCEPT SELECT * FROM kept)) d`;
  return row?.n ?? 0;
}

/** Every plan's figures recomputed (after a manual repair of the tables, say). */
export async function rebuildActionPlanFigures(db: PrismaClient): Promise<void> {
  await db.$executeRaw`SELECT action_plan_figures_rebuild()`;
}
