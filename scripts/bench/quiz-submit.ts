// Benchmark of issue 5: quiz submissions at 50 concurrent learners against a PostgreSQL server,
// beside raw INSERTs of an attempt with its answers through the pg driver in the same run.
// Target: submission p99 <= 100 ms and a rate >= 25% of the raw-driver rate.
import pg from "pg";
import { loadContent } from "@/lib/content/load";
import { courseShapeOf } from "@/lib/dashboard/course-shape";
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { startAttempt, submitAttempt } from "@/lib/quiz/attempts";
import { loadQuizzes } from "@/lib/quiz/load";
import type { Question } from "@/lib/quiz/schema";
import { syncQuizzes } from "@/lib/quiz/sync";
import { startPostgresServer } from "../../tests/support/postgres-server";
import { nameSortKey } from "@/lib/sorting/pinyin";

const LEARNERS = 50;
const PER_LEARNER = Number(process.env.BENCH_SUBMITS ?? 40);
// Database connections: the app's own pool size (lib/db/create-client.ts) unless asked otherwise.
// 50 learners share them, as 50 browsers share one app server's pool; the raw baseline gets the same.
const POOL = Number(process.env.BENCH_POOL ?? 10);
// BENCH_COHORT=1: every learner is a member of one cohort, so each submit also adds to that
// cohort's kept question tallies and concurrent submits wait for each other's row locks there
// (docs/decisions/0028, "kept question tallies"); without it nobody belongs to a cohort.
const IN_COHORT = process.env.BENCH_COHORT === "1";

export type Row = { setup: string; perSecond: number; p50: number; p99: number; count: number };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function timed(count: number, worker: (i: number) => Promise<void>, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        const t0 = performance.now();
        await worker(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(count / seconds),
    p50: +percentile(latencies, 50).toFixed(1),
    p99: +percentile(latencies, 99).toFixed(1),
    count,
  };
}

export function answerFor(q: Question) {
  switch (q.type) {
    case "single":
      return { type: "single", choice: q.choices[0]!.id };
    case "multiple":
      return { type: "multiple", choices: q.choices.slice(0, 2).map((c) => c.id) };
    case "truefalse":
      return { type: "truefalse", value: true };
    case "ordering":
      return { type: "ordering", order: q.items.map((_, i) => i) };
    case "numeric":
      return { type: "numeric", value: q.answer };
  }
}

/** The baseline: one attempt with its answers written by two plain INSERTs in a transaction. */
export function rawAttemptInsert(
  raw: pg.Pool,
  quizId: string,
  versionIds: string[],
  answers: Record<string, unknown>,
  userOf: (i: number) => string,
) {
  return async (i: number) => {
    const client = await raw.connect();
    try {
      await client.query("BEGIN");
      const id = `raw-${i}-${Math.random().toString(36).slice(2)}`;
      await client.query(
        `INSERT INTO "Attempt" (id, "userId", "quizId", "questionIds", "submittedAt", correct, total, percent, passed)
           VALUES ($1, $2, $3, $4, now(), 3, 6, 50, false)`,
        [id, userOf(i), quizId, versionIds],
      );
      const values = versionIds.map((_, j) => `($1, $${j * 2 + 2}, $${j * 2 + 3}, true, now())`).join(", ");
      const params: unknown[] = [id];
      for (const v of versionIds) params.push(v, JSON.stringify(answers[v]));
      await client.query(
        `INSERT INTO "Answer" ("attemptId", "questionVersionId", response, correct, "savedAt") VALUES ${values}`,
        params,
      );
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  };
}

export async function benchQuizSubmit(): Promise<Row[]> {
  const server = await startPostgresServer();
  const db = createPrismaClient(server.url, POOL);
  const raw = new pg.Pool({ connectionString: server.url, max: POOL });
  raw.on("error", () => {}); // idle clients see the server stop at the end; nothing to do
  try {
    await applyMigrations(server.url);
    const content = loadContent();
    const quizzes = loadQuizzes(content);
    await syncQuizzes(db, quizzes);
    const course = courseShapeOf(content, quizzes);
    const quizId = content.modules[0]!.slug;
    const versions = await db.questionVersion.findMany({
      where: { quizId, active: true },
      select: { id: true, data: true },
    });
    const answers = Object.fromEntries(versions.map((v) => [v.id, answerFor(v.data as Question)]));
    const total = LEARNERS * PER_LEARNER;
    // Untimed warm-up submissions first (JIT, caches, connections), as the lesson bench's 2 s warm-up.
    const WARMUP = 200;
    // One learner per submission, each with an attempt opened before the clock starts, so the
    // timed phase measures submitting alone; 50 of them submit at any moment.
    await db.user.createMany({
      data: Array.from({ length: total + WARMUP }, (_, i) => ({
        id: `bench-user-${i}`,
        email: `bench${i}@bench.local`,
        name: `学员${i}`,
        nameSortKey: nameSortKey(`学员${i}`),
        passwordHash: "x",
      })),
    });
    const users = Array.from({ length: total + WARMUP }, (_, i) => ({ id: `bench-user-${i}` }));
    if (IN_COHORT) {
      const trainer = await db.user.create({
        data: { email: "trainer@bench.local", name: "讲师", nameSortKey: nameSortKey("讲师"), passwordHash: "x" },
        select: { id: true },
      });
      const org = await db.organisation.create({ data: { name: "压测银行", code: "BENCH" }, select: { id: true } });
      const cohort = await db.cohort.create({
        data: { name: "压测班", inviteCode: "BENCH-COHORT", trainerId: trainer.id, organisationId: org.id },
        select: { id: true },
      });
      await db.cohortMember.createMany({ data: users.map((u) => ({ cohortId: cohort.id, userId: u.id })) });
    }
    const attemptIds: string[] = [];
    for (const u of users) {
      const s = await startAttempt(db, course, u.id, quizId);
      if (!s.ok) throw new Error(s.message);
      attemptIds.push(s.attemptId);
    }
    const submit = (offset: number) => async (i: number) => {
      const r = await submitAttempt(db, course, users[offset + i]!.id, attemptIds[offset + i]!, answers);
      if (!r.ok) throw new Error(r.message);
    };
    await timed(WARMUP, submit(total), LEARNERS);
    const appRow = await timed(total, submit(0), LEARNERS);
    const app: Row = {
      setup: `submitAttempt (read + one atomic write, a pass with the certificate check; pool ${POOL}${IN_COHORT ? "; all in one cohort" : ""})`,
      ...appRow,
    };

    const rawInsert = rawAttemptInsert(
      raw,
      quizId,
      versions.map((v) => v.id),
      answers,
      (i) => users[i % LEARNERS]!.id,
    );
    await timed(WARMUP, (i) => rawInsert(total + i), LEARNERS);
    const rawRow = await timed(total, rawInsert, LEARNERS);
    return [app, { setup: `raw pg INSERT attempt + answers (transaction; pool ${POOL})`, ...rawRow }];
  } finally {
    await db.$disconnect();
    await raw.end();
    // Let the pools' sockets close before the server goes, so no client sees it terminate.
    await new Promise((r) => setTimeout(r, 500));
    server.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchQuizSubmit());
