// Issue 14's benchmark: quiz submissions through HTTP. 50 signed-in learners (real session
// cookies, real sign-ins) against `next start` on a PostgreSQL server, each in a loop: start an
// attempt, autosave three answers, submit. Beside it, in the same run, raw pg INSERTs of an
// attempt with its answers (the baseline). Target: submit p99 <= 100 ms, rate >= 25% of raw.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import type { Question } from "@/lib/quiz/schema";
import { prepareDatabase } from "../../prisma/seed";
import { freePort, startPostgresServer } from "../../tests/support/postgres-server";
import { answerFor, rawAttemptInsert, timed, type Row } from "./quiz-submit";
import { waitForHealth } from "./wait-for-health";

const LEARNERS = 50;
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 12); // per learner, timed
const WARMUP_ROUNDS = 2;
const PASSWORD = "bench-长城卡-2026-春";

type Learner = { cookie: string; ip: string };

function cookieOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** A real sign-in as next-auth/react sends it (CSRF token, then the credentials); the session cookie. */
export async function signIn(base: string, email: string, ip: string, password = PASSWORD): Promise<Learner> {
  const jar = new Map<string, string>();
  const headers = { "X-Forwarded-For": ip };
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  let cookie = cookieOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  cookie = cookieOf(res, jar);
  if (!cookie.includes("session-token")) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return { cookie, ip };
}

export type QuizHttpResult = {
  rows: Row[];
  autosave: Omit<Row, "setup">;
  /** The simplest route handler of the same server (GET /api/health: one SELECT 1), same concurrency. */
  ceiling: { requestsPerSecond: number; p99: number };
};

export async function benchQuizHttp(): Promise<QuizHttpResult> {
  const server = await startPostgresServer();
  const db = createPrismaClient(server.url, 4);
  const raw = new pg.Pool({ connectionString: server.url, max: 10 });
  raw.on("error", () => {});
  let app: ReturnType<typeof spawn> | undefined;
  try {
    await applyMigrations(server.url);
    await prepareDatabase(server.url, { demo: false });
    const quizId = "evolution";
    const versions = await db.questionVersion.findMany({
      where: { quizId, active: true },
      select: { id: true, data: true },
    });
    const answers = Object.fromEntries(versions.map((v) => [v.id, answerFor(v.data as Question)]));
    const passwordHash = await hashPassword(PASSWORD);
    await db.user.createMany({
      data: Array.from({ length: LEARNERS }, (_, i) => ({
        id: `http-${i}`,
        email: `http${i}@bench.local`,
        name: `学员${i}`,
        passwordHash,
      })),
    });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // BENCH_CPU_PROF_DIR=dir writes a V8 CPU profile of the server (for finding where a request's time goes).
    const prof = process.env.BENCH_CPU_PROF_DIR
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
      : [];
    app = spawn(
      process.execPath,
      [...prof, "node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: server.url,
          NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
          AUTH_TRUST_HOST: "true",
          TRUSTED_PROXIES: "loopback",
          NODE_OPTIONS: `--import=${pathToFileURL("scripts/lib/client-address-hook.mjs").href}`,
        },
        stdio: "ignore",
      },
    );
    await waitForHealth(base, 60_000);
    // Each learner from an address of their own, as 50 phones would be.
    const learners: Learner[] = [];
    for (let i = 0; i < LEARNERS; i++) learners.push(await signIn(base, `http${i}@bench.local`, `198.18.0.${i + 1}`));

    const post = async (l: Learner, path: string, body: unknown) => {
      const res = await fetch(base + path, {
        method: "POST",
        headers: { cookie: l.cookie, "X-Forwarded-For": l.ip, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ attemptId?: string }>;
    };
    const saveLatencies: number[] = [];
    // One round for one learner: start, autosave three answers, then (timed alone) submit.
    const round = (i: number) => {
      const l = learners[i % LEARNERS]!;
      return async () => {
        const { attemptId } = await post(l, `/api/quizzes/${quizId}/attempts`, {});
        for (const v of versions.slice(0, 3)) {
          const t0 = performance.now();
          await post(l, `/api/attempts/${attemptId}/answers`, { questionVersionId: v.id, response: answers[v.id] });
          saveLatencies.push(performance.now() - t0);
        }
        return attemptId!;
      };
    };
    const total = LEARNERS * ROUNDS;
    // Each learner goes round after round (one open attempt per learner and quiz); the 50 run at
    // once. Only the submit call is timed; starting and autosaving are measured apart.
    const runPhase = async (offset: number, count: number) => {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: LEARNERS }, async (_, l) => {
          for (let k = l; k < count; k += LEARNERS) {
            const attemptId = await round(offset + k)();
            const t0 = performance.now();
            await post(learners[l]!, `/api/attempts/${attemptId}/submit`, { answers });
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) =>
        +(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
      // The rate counts whole rounds (start, three autosaves, submit) a second.
      return { perSecond: Math.round(count / seconds), p50: pct(50), p99: pct(99), count };
    };
    await runPhase(total, LEARNERS * WARMUP_ROUNDS);
    saveLatencies.length = 0;
    const http = await runPhase(0, total);
    saveLatencies.sort((a, b) => a - b);
    const savePct = (p: number) => +(saveLatencies[Math.floor((p / 100) * (saveLatencies.length - 1))] ?? 0).toFixed(1);

    // The ceiling: how many requests a second this `next start` answers at all on this machine
    // when each does next to nothing. A round is five requests, so a fifth of this bounds the
    // rounds a second any handler code could reach here.
    await autocannon({ url: `${base}/api/health`, connections: LEARNERS, duration: 2 });
    const ceilingRun = await autocannon({ url: `${base}/api/health`, connections: LEARNERS, duration: 8 });
    const ceiling = { requestsPerSecond: Math.round(ceilingRun.requests.average), p99: ceilingRun.latency.p99 };

    const rawInsert = rawAttemptInsert(
      raw,
      quizId,
      versions.map((v) => v.id),
      answers,
      (i) => `http-${i % LEARNERS}`,
    );
    await timed(200, (i) => rawInsert(100_000 + i), LEARNERS);
    const rawRow = await timed(total, rawInsert, LEARNERS);
    return {
      rows: [
        { setup: "POST /api/attempts/:id/submit through next start (signed-in learners)", ...http },
        { setup: "raw pg INSERT attempt + answers (transaction; pool 10)", ...rawRow },
      ],
      autosave: { perSecond: 0, p50: savePct(50), p99: savePct(99), count: saveLatencies.length },
      ceiling,
    };
  } finally {
    app?.kill("SIGTERM");
    await db.$disconnect();
    await raw.end();
    await new Promise((r) => setTimeout(r, 500));
    server.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchQuizHttp());
