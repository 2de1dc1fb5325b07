// The final as an exam (issue 19, docs/decisions/0029), the way learners and a trainer meet it:
// the cohort's window (closed: the page says when, in Beijing time), the timer across a reload,
// the time running out (on the page, and with the tab closed), and a trainer's extra attempt.
// Learners are on a phone (360 px). The clock is moved by rewriting the attempt's deadline or the
// cohort's window in the test database (queryE2eDb): the app reads the real time, no test hook.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { finishModules, queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

test.skip(noChromium !== null, noChromium ?? "");
// Two people sign in and the app builds pages on a loaded 2-core machine: more than the default.
test.describe.configure({ timeout: 120_000 });

const PHONE = { width: 360, height: 740 };

/** A fresh cohort of the demo trainer at the demo bank with one learner who has done every module. */
async function freshCohortWithLearner(window?: { opensInMinutes: number; closesInMinutes: number }) {
  const [org] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  const [trainer] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'trainer@demo.local'`);
  const suffix = randomUUID().replaceAll("-", "").slice(0, 20);
  const cohortId = `exc${suffix}`;
  const code = `X${suffix.slice(0, 7).toUpperCase()}`;
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId", "finalOpensAt", "finalClosesAt")
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6::int), now() + make_interval(mins => $7::int))`,
    [
      cohortId,
      `结业测评测试班 ${code}`,
      code,
      trainer!.id,
      org!.id,
      window?.opensInMinutes ?? null,
      window?.closesInMinutes ?? null,
    ],
  );
  const learner = { id: `exl${suffix}`, email: uniqueEmail("exam").toLowerCase(), name: `考试学员${code.slice(1, 4)}` };
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, branch, "updatedAt") VALUES ($1, $2, $3, $4, 'LEARNER', '上海分行', now())`,
    [learner.id, learner.email, learner.name, await hashPassword(DEMO_PASSWORD)],
  );
  await queryE2eDb(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ($1, $2)`, [cohortId, learner.id]);
  await finishModules(learner.id);
  return { cohortId, learner };
}

async function phoneFor(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: clientAddressHeader(),
  });
  const phone = await context.newPage();
  await signIn(phone, email);
  return phone;
}

/** Seconds the timer shows ("29:58" → 1798). */
async function secondsLeft(page: Page) {
  const text = (await page.getByRole("timer", { name: "剩余时间" }).textContent()) ?? "";
  const [m, s] = text.split(":").map(Number);
  return m! * 60 + s!;
}

async function openAttempt(userId: string) {
  const [row] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "Attempt" WHERE "userId" = $1 AND "quizId" = 'final' AND "submittedAt" IS NULL`,
    [userId],
  );
  return row!.id;
}

test("outside the cohort's window the final says when it opens or closed, in Beijing time", async ({
  browser,
  baseURL,
  page,
}) => {
  const { cohortId, learner } = await freshCohortWithLearner({ opensInMinutes: 60, closesInMinutes: 120 });
  const phone = await phoneFor(browser, baseURL, learner.email);
  await phone.goto("/quiz/final");
  await expect(
    phone.getByText(/^本班结业测评将于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）开放，届时再来参加。$/),
  ).toBeVisible();
  await expect(phone.getByRole("button", { name: "开始测验" })).toHaveCount(0);
  expect((await phone.request.post("/api/quizzes/final/attempts")).status()).toBe(403);

  // The trainer moves the window into the past through the cohort's page.
  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${cohortId}/quizzes`);
  const section = page.getByRole("region", { name: "结业测评开放时间" });
  await section.getByLabel("开放时间（北京时间）").fill("2026-01-05T09:00");
  await section.getByLabel("截止时间（北京时间）").fill("2026-01-05T09:30");
  await section.getByRole("button", { name: "保存开放时间" }).click();
  await expect(
    section.getByText("已设定：结业测评 2026-01-05 09:00 至 2026-01-05 09:30（北京时间）开放"),
  ).toBeVisible();
  // A close before the opening is refused field by field and changes nothing.
  await section.getByLabel("截止时间（北京时间）").fill("2026-01-05T08:00");
  await section.getByRole("button", { name: "保存开放时间" }).click();
  await expect(section.getByText("截止时间须晚于开放时间")).toBeVisible();
  const [stored] = await queryE2eDb<{ closes: string }>(
    `SELECT to_char(("finalClosesAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS closes FROM "Cohort" WHERE id = $1`,
    [cohortId],
  );
  expect(stored!.closes).toBe("2026-01-05 09:30");
  const [audit] = await queryE2eDb<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'EXAM_WINDOW_CHANGE' AND target = $1`,
    [cohortId],
  );
  expect(Number(audit!.n)).toBe(1);

  await phone.reload();
  await expect(phone.getByText("本班结业测评已于 2026-01-05 09:30（北京时间）截止。")).toBeVisible();
  await phone.context().close();
});

test("the timer counts down from the server's deadline and does not reset on a reload", async ({
  browser,
  baseURL,
}) => {
  const { learner } = await freshCohortWithLearner();
  const phone = await phoneFor(browser, baseURL, learner.email);
  await phone.goto("/quiz/final");
  await expect(phone.getByText("限时 30 分钟")).toBeVisible();
  await phone.getByRole("button", { name: "开始测验" }).click();
  await expect(phone).toHaveURL(/\/quiz\/attempt\//, { timeout: 20_000 });
  await expect(phone.getByRole("timer", { name: "剩余时间" })).toHaveText(/^(29:[0-5]\d|30:00)$/);
  await phone.waitForTimeout(3_000);
  const shown = await secondsLeft(phone);
  await phone.reload();
  await expect(phone.getByRole("timer", { name: "剩余时间" })).toBeVisible();
  const after = await secondsLeft(phone);
  expect(after).toBeLessThanOrEqual(shown);
  expect(after).toBeLessThan(30 * 60 - 2);

  // Switching away from the page is counted on the attempt (for the trainer), once per switch
  // (leaving the page for the reload above counted too; the count is throttled to one per 3 s).
  const attemptId = await openAttempt(learner.id);
  const hides = async () => {
    const [row] = await queryE2eDb<{ n: number }>(`SELECT "visibilityChanges" AS n FROM "Attempt" WHERE id = $1`, [
      attemptId,
    ]);
    return row!.n;
  };
  await phone.waitForTimeout(3_500);
  const before = await hides();
  await phone.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect.poll(hides).toBe(before + 1);
  await phone.context().close();
});

test("when time runs out the autosaved answers are handed in, on the page or with the tab closed", async ({
  browser,
  baseURL,
}) => {
  const { learner } = await freshCohortWithLearner();
  const phone = await phoneFor(browser, baseURL, learner.email);
  await phone.goto("/quiz/final");
  await phone.getByRole("button", { name: "开始测验" }).click();
  await expect(phone).toHaveURL(/\/quiz\/attempt\//, { timeout: 20_000 });
  const picked = phone.getByRole("radio").first();
  await picked.check();
  await expect(phone.getByText("已自动保存")).toBeVisible();
  const pickedVersion = await picked.getAttribute("name");
  const first = await openAttempt(learner.id);

  // On the page: four seconds left; at 0:00 the page hands in and shows the result.
  await queryE2eDb(`UPDATE "Attempt" SET "deadlineAt" = now() + interval '4 seconds' WHERE id = $1`, [first]);
  await phone.reload();
  await expect(phone.getByRole("heading", { name: /本次成绩/ })).toBeVisible({ timeout: 20_000 });
  // Handed in by the page in time (with what it showed, the picked answer among it).
  const [handedIn] = await queryE2eDb<{ picked: string; submitted: boolean; timedOut: boolean }>(
    `SELECT (SELECT count(*) FROM "Answer" WHERE "attemptId" = a.id AND "questionVersionId" = $2) AS picked,
            a."submittedAt" IS NOT NULL AS submitted, a."timedOut" AS "timedOut"
     FROM "Attempt" a WHERE a.id = $1`,
    [first, pickedVersion],
  );
  expect(handedIn).toEqual({ picked: "1", submitted: true, timedOut: false });

  // The tab closed: the deadline passes with nobody on the page. The learner's next visit finds
  // the attempt scored from its autosave, and a late submit from a stale tab is refused.
  await phone.getByRole("button", { name: "再测一次" }).click();
  await expect(phone).toHaveURL(/\/quiz\/attempt\//, { timeout: 20_000 });
  await phone.getByRole("radio").first().check();
  await expect(phone.getByText("已自动保存")).toBeVisible();
  const second = await openAttempt(learner.id);
  await phone.goto("/me");
  await queryE2eDb(`UPDATE "Attempt" SET "deadlineAt" = now() - interval '2 minutes' WHERE id = $1`, [second]);
  const late = await phone.request.post(`/api/attempts/${second}/submit`, { data: { answers: {} } });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as { error: string }).error).toMatch(
    /^作答时间已于 .*（北京时间）截止，这次提交未被接受；截止前自动保存的答案已计分。$/,
  );
  await phone.goto(`/quiz/attempt/${second}`);
  await expect(phone.getByText("已到作答时限，系统按截止前自动保存的答案交卷。")).toBeVisible();
  const [timedOut] = await queryE2eDb<{ answers: string; timedOut: boolean }>(
    `SELECT (SELECT count(*) FROM "Answer" WHERE "attemptId" = a.id) AS answers, a."timedOut" AS "timedOut"
     FROM "Attempt" a WHERE a.id = $1`,
    [second],
  );
  expect(timedOut).toEqual({ answers: "1", timedOut: true });
  await phone.context().close();
});

test("a trainer grants a learner who used every attempt one more, and it is audited", async ({
  browser,
  baseURL,
  page,
}) => {
  const { cohortId, learner } = await freshCohortWithLearner();
  const phone = await phoneFor(browser, baseURL, learner.email);
  for (let i = 0; i < 3; i++) {
    const start = await phone.request.post("/api/quizzes/final/attempts");
    expect(start.status()).toBe(201);
    const { attemptId } = (await start.json()) as { attemptId: string };
    expect((await phone.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers: {} } })).ok()).toBe(true);
  }
  await phone.goto("/quiz/final");
  await expect(phone.getByText("作答次数已用完")).toBeVisible();

  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${cohortId}/learners/${learner.id}`);
  const section = page.getByRole("region", { name: "结业测评作答次数" });
  await expect(section).toContainText("已用 3 / 3 次");
  await section.getByRole("button", { name: "增加一次作答机会" }).click();
  await expect(section.getByText("已增加一次结业测评机会（共 4 次）")).toBeVisible({ timeout: 15_000 });
  await expect(section).toContainText("已用 3 / 4 次（含培训师增加的 1 次）");
  // A second press while the learner still has the attempt is refused and changes nothing.
  await section.getByRole("button", { name: "增加一次作答机会" }).click();
  await expect(section.getByText("该学员还有未用完的作答次数，用完后才能再增加")).toBeVisible({ timeout: 15_000 });
  const [audit] = await queryE2eDb<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'EXTRA_ATTEMPT_GRANT' AND target = $1`,
    [learner.id],
  );
  expect(Number(audit!.n)).toBe(1);

  await phone.reload();
  await expect(phone.getByText("剩余次数：1")).toBeVisible();
  await phone.getByRole("button", { name: "再测一次" }).click();
  await expect(phone).toHaveURL(/\/quiz\/attempt\//, { timeout: 20_000 });
  await expect(phone.getByRole("timer", { name: "剩余时间" })).toBeVisible();
  await phone.context().close();
});
