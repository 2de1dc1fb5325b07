// npm run db:seed — brings a migrated database up to date with content/ and, when asked, demo
// data. scripts/serve.ts calls prepareDatabase on every start; both steps are idempotent.
import { issueMissingCertificates } from "@/lib/certificates/certificates";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { keepProgressRollupFor } from "@/lib/dashboard/learner-progress";
import { keepQuestionTallies } from "@/lib/dashboard/question-tally";
import { createPrismaClient } from "@/lib/db/create-client";
import { loadQuizzes } from "@/lib/quiz/load";
import { syncQuizzes } from "@/lib/quiz/sync";
import { seedDemoActionPlans } from "./demo-action-plans";
import { keepDemoCohortsCurrent } from "./demo-cohort";
import { seedDemoEvaluation } from "./demo-evaluation";
import { seedDemoData } from "./demo-data";
import { seedDemoSessions } from "./demo-sessions";
import { backfillNameSortKeys } from "@/lib/sorting/backfill-name-keys";

export async function prepareDatabase(url: string, options: { demo: boolean }) {
  const db = createPrismaClient(url, 2);
  try {
    const loaded = loadContent();
    const quizzes = loadQuizzes(loaded);
    const synced = await syncQuizzes(db, quizzes);
    await backfillNameSortKeys(db);
    const demo = options.demo ? await seedDemoData(db, loaded) : { created: false };
    // A demo instance left running for weeks would otherwise show everyone as inactive.
    if (options.demo && !demo.created) await keepDemoCohortsCurrent(db);
    // Surveys and pre-tests of the demo cohorts; also added to a demo database seeded before them.
    if (options.demo) await seedDemoEvaluation(db);
    // After the move, so a session seeded "today" is today; cohorts that have sessions are left alone.
    if (options.demo) await seedDemoSessions(db);
    // 行动计划 at every stage of the 30/60/90-day follow-up; also added to an older demo database.
    if (options.demo) await seedDemoActionPlans(db);
    // Certificates come with the event that completes the course; this catches the learners no
    // event completed: those who finished before that was so, and those a content change
    // completed (a lesson they had not done was removed). Usually issues none.
    await issueMissingCertificates(db, courseShapeOf(loaded, quizzes));
    // The per-learner roll-up the trainer pages read, for this course: rebuilt only when the
    // course changed since the last start (docs/decisions/0028).
    await keepProgressRollupFor(db, courseShapeOf(loaded, quizzes));
    // The question analysis's kept tallies: checked against the first attempts ProgressSummary
    // names, rebuilt only if they disagree (docs/decisions/0028, "kept question tallies").
    await keepQuestionTallies(db);
    return { quizzesChanged: synced.created > 0, demoCreated: demo.created };
  } finally {
    await db.$disconnect();
  }
}

/** Demo data by default on the embedded database; with DATABASE_URL only if SEED_DEMO_DATA=true. */
export function wantsDemoData(env: { DATABASE_URL?: string; SEED_DEMO_DATA?: "true" | "false" }) {
  if (env.SEED_DEMO_DATA) return env.SEED_DEMO_DATA === "true";
  return !env.DATABASE_URL;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { withDatabase } = await import("../scripts/lib/with-database");
  const { env } = await import("@/lib/env");
  await withDatabase(async (url) => {
    const r = await prepareDatabase(url, { demo: wantsDemoData(env) });
    console.log(
      r.quizzesChanged ? "测验题目已同步 (quiz questions synced)" : "测验题目无变化 (quiz questions unchanged)",
    );
    if (r.demoCreated) console.log("已创建演示数据 (demo data created)");
  });
}
