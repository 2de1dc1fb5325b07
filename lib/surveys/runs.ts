// Survey runs: a trainer opens a template for a cohort with a window and a mode; learners of the
// cohort answer once; the trainer (and the cohort's bank's client admins, read-only) see results.
// Cohort visibility only through lib/organisations/scope.ts. Domain codes, not sentences.
import type { ZodError } from "zod";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { scopedCohortWhere, type Viewer } from "@/lib/organisations/scope";
import { getSurvey } from "./catalog";
import { answersSchema, storedAnswersSchema, type SurveyAnswers } from "./schema";
import { responseToken } from "./token";

export type RunFailure = { ok: false; code: "NOT_FOUND" | "FORBIDDEN" | "NOT_OPEN" | "CLOSED" | "ALREADY_ANSWERED" };
const fail = (code: RunFailure["code"]): RunFailure => ({ ok: false, code });

export type RunState = "scheduled" | "open" | "closed";
export function runState(run: { opensAt: Date; closesAt: Date }, now: Date): RunState {
  return now < run.opensAt ? "scheduled" : now >= run.closesAt ? "closed" : "open";
}

/** Opens a template for a cohort the trainer may manage (client admins only read). */
export async function openSurveyRun(
  db: PrismaClient,
  viewer: Viewer,
  input: { cohortId: string; surveyId: string; anonymous: boolean; opensAt: Date; closesAt: Date },
) {
  if (viewer.role === "CLIENT_ADMIN" || viewer.role === "LEARNER") return fail("FORBIDDEN");
  if (!getSurvey(input.surveyId)) return fail("NOT_FOUND");
  const cohort = await db.cohort.findFirst({
    where: scopedCohortWhere(viewer, { id: input.cohortId }),
    select: { id: true },
  });
  if (!cohort) return fail("FORBIDDEN");
  const run = await db.surveyRun.create({ data: { ...input, openedById: viewer.id }, select: { id: true } });
  return { ok: true as const, runId: run.id };
}

const runSelect = {
  id: true,
  surveyId: true,
  anonymous: true,
  opensAt: true,
  closesAt: true,
  createdAt: true,
  _count: { select: { responses: true } },
} as const;

export async function listCohortRuns(db: PrismaClient, cohortId: string) {
  return db.surveyRun.findMany({ where: { cohortId }, orderBy: { createdAt: "desc" }, select: runSelect });
}

/** A run of a cohort the viewer may see (trainer, client admin, admin), else null. */
export async function getVisibleRun(db: PrismaClient, viewer: Viewer, cohortId: string, runId: string) {
  if (!/^[a-z0-9]{1,40}$/i.test(runId)) return null;
  return db.surveyRun.findFirst({
    where: { id: runId, cohort: scopedCohortWhere(viewer, { id: cohortId }) },
    select: { ...runSelect, cohortId: true },
  });
}

/** The runs a learner may answer now, across their cohorts, and whether they already have. */
export async function listOpenRunsForLearner(db: PrismaClient, secret: string, userId: string, now = new Date()) {
  const runs = await db.surveyRun.findMany({
    where: { opensAt: { lte: now }, closesAt: { gt: now }, cohort: { members: { some: { userId } } } },
    orderBy: { closesAt: "asc" },
    select: { id: true, surveyId: true, anonymous: true, closesAt: true, cohort: { select: { name: true } } },
  });
  const answered = await answeredTokens(
    db,
    runs.map((r) => ({ runId: r.id, token: responseToken(secret, r.id, userId) })),
  );
  return runs.map((r) => ({ ...r, answered: answered.has(r.id) }));
}

async function answeredTokens(db: PrismaClient, pairs: { runId: string; token: string }[]) {
  if (pairs.length === 0) return new Set<string>();
  const rows = await db.surveyResponse.findMany({ where: { OR: pairs }, select: { runId: true } });
  return new Set(rows.map((r) => r.runId));
}

/** A run as its learner sees it: only members of the run's cohort; others get NOT_FOUND. */
export async function getRunForLearner(db: PrismaClient, secret: string, userId: string, runId: string) {
  if (!/^[a-z0-9]{1,40}$/i.test(runId)) return fail("NOT_FOUND");
  const run = await db.surveyRun.findFirst({
    where: { id: runId, cohort: { members: { some: { userId } } } },
    select: {
      id: true,
      surveyId: true,
      anonymous: true,
      opensAt: true,
      closesAt: true,
      cohort: { select: { name: true } },
    },
  });
  const survey = run && getSurvey(run.surveyId);
  if (!run || !survey) return fail("NOT_FOUND");
  const answered = (await answeredTokens(db, [{ runId, token: responseToken(secret, runId, userId) }])).has(runId);
  return { ok: true as const, run, survey, answered };
}

/**
 * Stores one learner's answers. The unique (run, token) index makes a second submit (double tap,
 * second tab, replay) record nothing: it is answered ALREADY_ANSWERED. In anonymous mode the row
 * holds the token, the answers and the respondent's 分行, never the user id.
 */
export async function submitSurveyResponse(
  db: PrismaClient,
  secret: string,
  userId: string,
  runId: string,
  raw: Record<string, unknown>,
  now = new Date(),
): Promise<{ ok: true } | RunFailure | { ok: false; code: "INVALID"; error: ZodError }> {
  const found = await getRunForLearner(db, secret, userId, runId);
  if (!found.ok) return found;
  const state = runState(found.run, now);
  if (state === "scheduled") return fail("NOT_OPEN");
  if (state === "closed") return fail("CLOSED");
  if (found.answered) return fail("ALREADY_ANSWERED");
  const parsed = answersSchema(found.survey).safeParse(raw);
  if (!parsed.success) return { ok: false, code: "INVALID", error: parsed.error };
  const answers = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as SurveyAnswers;
  // The 分行 only, never who: the report breaks results down by it (docs/decisions/0027).
  const respondent = await db.user.findUnique({ where: { id: userId }, select: { branch: true } });
  try {
    await db.surveyResponse.create({
      data: {
        runId,
        token: responseToken(secret, runId, userId),
        userId: found.run.anonymous ? null : userId,
        branch: respondent?.branch?.trim() || null,
        answers,
        submittedAt: now,
      },
      select: { id: true },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return fail("ALREADY_ANSWERED");
    throw err;
  }
  return { ok: true };
}

/** The responses of a run, with the respondent's name only in named mode. */
export async function getRunResponses(db: PrismaClient, run: { id: string; anonymous: boolean }) {
  if (run.anonymous) {
    // Ordered by the token (a hash), not by time: who handed in last must not be readable from
    // the order of the verbatims or the export's rows.
    const rows = await db.surveyResponse.findMany({
      where: { runId: run.id },
      orderBy: { token: "asc" },
      select: { answers: true },
    });
    return rows.map((r) => ({ answers: storedAnswersSchema.parse(r.answers), by: null, submittedAt: null }));
  }
  const rows = await db.surveyResponse.findMany({
    where: { runId: run.id },
    orderBy: { submittedAt: "asc" },
    select: { answers: true, submittedAt: true, user: { select: { name: true, branch: true } } },
  });
  return rows.map((r) => ({
    answers: storedAnswersSchema.parse(r.answers),
    by: r.user ? (r.user.branch ? `${r.user.name}（${r.user.branch}）` : r.user.name) : "（已删除的学员）",
    submittedAt: r.submittedAt,
  }));
}

/** Every run of one template across the cohorts this viewer may see, newest first, for comparison. */
export async function listRunsOfSurvey(db: PrismaClient, viewer: Viewer, surveyId: string) {
  return db.surveyRun.findMany({
    where: { surveyId, cohort: scopedCohortWhere(viewer) },
    orderBy: { opensAt: "desc" },
    take: 20,
    select: {
      id: true,
      anonymous: true,
      opensAt: true,
      cohort: { select: { id: true, name: true, _count: { select: { members: true } } } },
      _count: { select: { responses: true } },
    },
  });
}
