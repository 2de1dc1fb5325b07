// Benchmark of issue 6: the trainer dashboard on PostgreSQL with 10,000 learners in one cohort,
// a 40-lesson course (10 modules × 4) and 10 quizzes (9 module quizzes + the final) of attempts.
// For each page: server time of everything the page asks the database (p50/p95 over repeated
// loads) and the number of statements it sends, beside a baseline in the same run: one indexed
// query for the first 50 members by name, the least any page listing learners must do.
// Target: p95 <= 300 ms for the overview, the first matrix page and the question analysis.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { CourseShape } from "@/lib/dashboard/course-shape";
import { getItemAnalysis } from "@/lib/dashboard/item-analysis";
import { getCohortOverviews, getCompletionTimeline } from "@/lib/dashboard/overview";
import { DEFAULT_QUERY } from "@/lib/dashboard/params";
import { getProgressMatrix } from "@/lib/dashboard/progress-matrix";
import { getTopicMastery } from "@/lib/dashboard/topic-mastery";
import { getCohortFor } from "@/lib/cohorts/cohorts";
import { applyMigrations } from "@/lib/db/migrate";
import { startPostgresServer } from "../../tests/support/postgres-server";
import { nameSortKey } from "@/lib/sorting/pinyin";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const MODULES = 10;
const LESSONS_PER_MODULE = 4;
const QUESTIONS = 8;
const TAGS = ["指标", "银商合作", "客群经营", "场景", "数据", "活动", "生态圈", "案例"];

export type DashboardRow = { page: string; p50: number; p95: number; queries: number };

export const shape: CourseShape = {
  modules: Array.from({ length: MODULES }, (_, i) => ({
    slug: `m${String(i + 1).padStart(2, "0")}`,
    number: i + 1,
    title: `模块${i + 1}`,
    lessons: Array.from({ length: LESSONS_PER_MODULE }, (_, j) => `l${j + 1}`),
    quizId: i < MODULES - 1 ? `m${String(i + 1).padStart(2, "0")}` : null,
    quizTitle: i < MODULES - 1 ? `模块${i + 1}测验` : null,
  })),
  finalQuizId: "final",
};

function question(quiz: string, n: number) {
  return {
    id: `${quiz}-q${n}`,
    type: "single",
    prompt: `${quiz} 第 ${n} 题`,
    explanation: "解析",
    lesson: `${quiz === "final" ? "m01" : quiz}/l1`,
    tags: [TAGS[(n + quiz.length) % TAGS.length]],
    choices: ["a", "b", "c", "d"].map((id) => ({ id, text: `选项${id}`, correct: id === "a" })),
  };
}

/** Fills the database in PostgreSQL itself (generate_series), deterministic via setseed. */
export async function seed(client: pg.Client) {
  const quizzes = [...shape.modules.flatMap((m) => (m.quizId ? [m.quizId] : [])), "final"];
  for (const q of quizzes) {
    await client.query(
      `INSERT INTO "Quiz"(id, title, "moduleSlug", "passMark", shuffle, "revealAnswers", "updatedAt") VALUES ($1, $1, $2, 80, true, 'always', now())`,
      [q, q === "final" ? null : q],
    );
    const count = q === "final" ? 20 : QUESTIONS;
    for (let n = 1; n <= count; n++) {
      await client.query(
        `INSERT INTO "QuestionVersion"(id, "quizId", "questionKey", version, "contentHash", position, active, data) VALUES ($1, $2, $3, 1, $3, $4, true, $5)`,
        [`${q}-v${n}`, q, `${q}-q${n}`, n - 1, JSON.stringify(question(q, n))],
      );
    }
  }
  const sql = `
    SELECT setseed(0.42);
    INSERT INTO "User"(id, email, name, "passwordHash", role, "updatedAt") VALUES ('trainer', 'trainer@bench.local', '培训师', 'x', 'TRAINER', now());
    INSERT INTO "User"(id, email, name, "passwordHash", "updatedAt")
      SELECT 'u' || g, 'u' || g || '@bench.local', '学员' || lpad(g::text, 5, '0'), 'x', now() FROM generate_series(1, ${LEARNERS}) g;
    INSERT INTO "Organisation"(id, name, code, "updatedAt") VALUES ('o1', '基准银行', 'BENCH', now());
    INSERT INTO "OrganisationTrainer"("organisationId", "trainerId") VALUES ('o1', 'trainer');
    INSERT INTO "Cohort"(id, name, "inviteCode", "trainerId", "organisationId") VALUES ('c1', '万人班', 'BENCH001', 'trainer', 'o1');
    INSERT INTO "CohortMember"("cohortId", "userId", "joinedAt") SELECT 'c1', 'u' || g, now() - interval '60 days' FROM generate_series(1, ${LEARNERS}) g;
    -- Each learner's level: lessons done (0..40) and ability (0..1); a tenth never start.
    CREATE TEMP TABLE lv AS
      SELECT g, CASE WHEN random() < 0.1 THEN 0 ELSE floor(random() * 41)::int END AS lessons, random() AS ability, random() * 50 AS days_ago
      FROM generate_series(1, ${LEARNERS}) g;
    INSERT INTO "LessonProgress"("userId", "moduleSlug", "lessonSlug", "completedAt")
      SELECT 'u' || g, 'm' || lpad((((k - 1) / ${LESSONS_PER_MODULE}) + 1)::text, 2, '0'), 'l' || (((k - 1) % ${LESSONS_PER_MODULE}) + 1),
             now() - (days_ago || ' days')::interval - ((lessons - k) || ' hours')::interval
      FROM lv, generate_series(1, lv.lessons) k;
    -- Module quizzes of every module fully read (first attempt; a third also retake), the final for those who read all.
    CREATE TEMP TABLE att AS
      SELECT 'a' || g || '-' || q.quiz || '-' || n AS id, 'u' || g AS user_id, q.quiz, n, lv.ability,
             now() - (lv.days_ago || ' days')::interval - ((10 - q.m) || ' hours')::interval + (n || ' hours')::interval AS started
      FROM lv
      JOIN LATERAL (SELECT m, 'm' || lpad(m::text, 2, '0') AS quiz FROM generate_series(1, ${MODULES - 1}) m WHERE lv.lessons >= m * ${LESSONS_PER_MODULE}
                    UNION ALL SELECT 10, 'final' WHERE lv.lessons = ${MODULES * LESSONS_PER_MODULE}) q ON true
      JOIN LATERAL (SELECT 1 AS n UNION ALL SELECT 2 WHERE random() < 0.3) r ON true;
    CREATE TEMP TABLE ans AS
      SELECT att.id AS attempt_id, qv.id AS qv_id, qv.position,
             CASE WHEN random() < 0.35 + 0.6 * att.ability THEN 'a' ELSE (ARRAY['b', 'c', 'd'])[1 + floor(random() * 3)::int] END AS choice, att.started
      FROM att JOIN "QuestionVersion" qv ON qv."quizId" = att.quiz;
    INSERT INTO "Attempt"(id, "userId", "quizId", "questionIds", "startedAt", "submittedAt", correct, total, percent, passed)
      SELECT att.id, att.user_id, att.quiz, s.ids, att.started, att.started + interval '5 minutes', s.c, s.t, 100.0 * s.c / s.t, 100.0 * s.c / s.t >= 80
      FROM att JOIN (SELECT attempt_id, array_agg(qv_id ORDER BY position) AS ids, count(*) FILTER (WHERE choice = 'a')::int AS c, count(*)::int AS t FROM ans GROUP BY 1) s
        ON s.attempt_id = att.id;
    INSERT INTO "Answer"("attemptId", "questionVersionId", response, correct, "savedAt")
      SELECT attempt_id, qv_id, jsonb_build_object('type', 'single', 'choice', choice), choice = 'a', started FROM ans;
    INSERT INTO "Certificate"(id, "userId", name, "issuedAt")
      SELECT 'cert-' || "userId", "userId", 'x', max("submittedAt") FROM "Attempt" WHERE "quizId" = 'final' AND passed GROUP BY "userId";
    `;
  await client.query(sql);
  // Names sort by pinyin through keys the app writes with every name (lib/sorting/pinyin.ts).
  const users = (await client.query<{ id: string; name: string }>(`SELECT id, name FROM "User"`)).rows;
  await client.query(
    `UPDATE "User" u SET "nameSortKey" = k.key FROM unnest($1::text[], $2::text[]) AS k(id, key) WHERE u.id = k.id`,
    [users.map((u) => u.id), users.map((u) => nameSortKey(u.name))],
  );
  // As autovacuum would have done by now on tables this size: visibility map set, statistics fresh
  // (measuring against the statistics of empty tables would test plans production never runs).
  await client.query("VACUUM ANALYZE");
  const counts = await client.query<{ t: string; n: string }>(
    `SELECT 'learners' t, count(*) n FROM "CohortMember" UNION ALL SELECT 'lessons done', count(*) FROM "LessonProgress"
     UNION ALL SELECT 'attempts', count(*) FROM "Attempt" UNION ALL SELECT 'answers', count(*) FROM "Answer" UNION ALL SELECT 'certificates', count(*) FROM "Certificate"`,
  );
  return counts.rows.map((r) => `${r.t} ${Number(r.n).toLocaleString("en")}`).join(", ");
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function benchDashboard(): Promise<{ data: string; rows: DashboardRow[] }> {
  const server = await startPostgresServer();
  const pool = new pg.Pool({ connectionString: server.url, max: 10 });
  pool.on("error", () => {});
  // Count every statement the page sends: the adapter runs non-transactional queries through pool.query.
  let statements = 0;
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statements++;
    return query(...args);
  };
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await applyMigrations(server.url);
    await admin.connect();
    const data = await seed(admin);
    const trainer = { id: "trainer", role: "TRAINER" as const, organisationId: null };
    const pages: [string, () => Promise<unknown>][] = [
      [
        "baseline: first 50 members by name (one indexed query)",
        () =>
          db.$queryRaw`SELECT u.id, u.name FROM "CohortMember" cm JOIN "User" u ON u.id = cm."userId" WHERE cm."cohortId" = 'c1' ORDER BY u.name LIMIT 50`,
      ],
      [
        "cohort overview (figures + completions chart)",
        async () => {
          await getCohortFor(db, trainer, "c1");
          await Promise.all([getCohortOverviews(db, shape, ["c1"]), getCompletionTimeline(db, shape, "c1")]);
        },
      ],
      [
        "progress matrix, first page (by name)",
        async () => {
          await getCohortFor(db, trainer, "c1");
          await getProgressMatrix(db, shape, "c1", DEFAULT_QUERY);
        },
      ],
      [
        "progress matrix, first page (by progress, in-progress filter)",
        async () => {
          await getCohortFor(db, trainer, "c1");
          await getProgressMatrix(db, shape, "c1", {
            ...DEFAULT_QUERY,
            sort: "progress",
            dir: "desc",
            status: "in_progress",
          });
        },
      ],
      [
        "question analysis (module 1 quiz)",
        async () => {
          await getCohortFor(db, trainer, "c1");
          await db.quiz.findUnique({ where: { id: "m01" }, select: { id: true, title: true } });
          await getItemAnalysis(db, "c1", "m01");
        },
      ],
      [
        "topic mastery (all quizzes)",
        async () => {
          await getTopicMastery(db, ["c1"]);
        },
      ],
    ];
    const rows: DashboardRow[] = [];
    for (const [page, load] of pages) {
      for (let i = 0; i < 3; i++) await load(); // warm-up: plans cached, pages in memory
      statements = 0;
      await load();
      const queries = statements;
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await load();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push({ page, p50: +pct(times, 50).toFixed(1), p95: +pct(times, 95).toFixed(1), queries });
    }
    return { data, rows };
  } finally {
    await admin.end().catch(() => {});
    await db.$disconnect();
    await pool.end().catch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    server.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { data, rows } = await benchDashboard();
  console.log(data);
  console.table(rows);
}
