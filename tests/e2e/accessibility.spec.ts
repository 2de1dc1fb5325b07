// Every page type, opened as the person who uses it, has no WCAG 2 A/AA violation that axe-core
// can find (tests/e2e/axe.ts). Runs on the desktop and the 360 px phone projects: the phone
// layout (folded menu, stacked tables) is a different page to check.
import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { loadContent } from "@/lib/content/load";
import { loadTrainerKit } from "@/lib/content/trainer-kit";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { expectNoAxeViolations } from "./axe";
import { expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();
const mod = content.modules[0]!;
const lesson = mod.lessons[0]!;
const kase = content.cases[0]!;

/** Opens each path (each must answer without an error) and checks it; every page's findings are
 * reported, not only the first page's. */
async function checkPages(page: Page, paths: string[]) {
  for (const path of paths) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(400);
    await expectNoAxeViolations(page, path);
  }
}

async function demoCohort() {
  const [cohort] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Cohort" WHERE "inviteCode" = 'DEMO2026'`);
  return cohort!.id;
}

// Generous time limits: each page is loaded, left to settle and analysed, on a shared 2-core machine.
test("public course pages: landing, course, module, lesson, case, glossary and exercises", async ({ page }) => {
  test.setTimeout(180_000);
  await checkPages(page, [
    "/",
    "/course",
    `/course/${mod.slug}`,
    `/course/${mod.slug}/${lesson.slug}`,
    "/cases",
    `/cases/${kase.slug}`,
    "/glossary",
    "/exercises",
    "/exercises/activity-rates",
  ]);
});

test("public pages: enquiry, sign-in, a certificate's verification and the not-found page", async ({ page }) => {
  test.setTimeout(180_000);
  const [cert] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Certificate" LIMIT 1`);
  await checkPages(page, [
    "/about",
    "/enquiry",
    "/enquiry/thanks",
    "/privacy",
    "/login",
    "/signup",
    "/forgot-password",
    `/verify/${cert!.id}`,
  ]);
  // The not-found page is a page too.
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expectNoAxeViolations(page, "the 404 page");
});

test("a learner's pages: progress, review, action plan, quiz and an attempt in progress", async ({ page }) => {
  test.setTimeout(180_000);
  // A learner of their own: starting an attempt must not leave one open on a shared demo account.
  const email = uniqueEmail("a11y-learner").toLowerCase();
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, '无障碍学员', $3, 'LEARNER', now())`,
    [`a11y${randomUUID().replaceAll("-", "").slice(0, 20)}`, email, await hashPassword(DEMO_PASSWORD)],
  );
  await signIn(page, email);
  await checkPages(page, ["/me", "/me/review", "/me/action-plan", "/worksheets", "/worksheets/objection-sort"]);
  await checkPages(page, [`/quiz/${mod.slug}`]);
  await page.getByRole("button", { name: "开始测验" }).click();
  await expect(page.locator("fieldset").first()).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page, "a quiz attempt");
});

test("a demo learner's progress page, with a cohort, and the join page", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "learner1@demo.local");
  await checkPages(page, ["/me", "/join/DEMO2026", "/check-in"]);
});

test("the trainer's dashboard and the demo cohort's pages", async ({ page }) => {
  test.setTimeout(180_000);
  const cohort = await demoCohort();
  const [learner] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'learner1@demo.local'`);
  const [session] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "CohortSession" WHERE "cohortId" = $1 ORDER BY "startsAt" LIMIT 1`,
    [cohort],
  );
  await signIn(page, "trainer@demo.local");
  const c = `/trainer/cohorts/${cohort}`;
  await checkPages(page, [
    "/trainer",
    c,
    `${c}/learners/${learner!.id}`,
    `${c}/quizzes`,
    `${c}/quizzes/${mod.slug}`,
    `${c}/activation`,
    `${c}/sessions`,
    `${c}/sessions/${session!.id}`,
    `${c}/sessions/${session!.id}/sheet`,
    `${c}/surveys`,
    `${c}/pretest`,
    `${c}/reminders`,
    `${c}/action-plans`,
    `${c}/report`,
    `/trainer/topics?c=${cohort}`,
  ]);
});

test("the trainer's enquiries and trainer kit", async ({ page }) => {
  test.setTimeout(180_000);
  const [enquiry] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "Enquiry" WHERE "erasedAt" IS NULL ORDER BY "createdAt" LIMIT 1`,
  );
  const rolePlay = loadTrainerKit(content).rolePlays[0]!.slug;
  await signIn(page, "trainer@demo.local");
  await checkPages(page, [
    "/trainer/enquiries",
    `/trainer/enquiries/${enquiry!.id}`,
    "/trainer/kit",
    "/trainer/kit/agenda-1-day",
    `/trainer/kit/modules/${mod.slug}`,
    `/trainer/kit/cases/${kase.slug}`,
    `/trainer/kit/role-plays/${rolePlay}`,
  ]);
});

test("a client bank's training admin: dashboard and cohort", async ({ page }) => {
  test.setTimeout(120_000);
  const cohort = await demoCohort();
  const [organisation] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  await signIn(page, "client@demo.local");
  await checkPages(page, [
    "/trainer",
    `/trainer/cohorts/${cohort}`,
    `/trainer/organisations/${organisation!.id}/report`,
  ]);
});

test("the admin's pages: users, organisations and the audit trail", async ({ page }) => {
  test.setTimeout(180_000);
  const [organisation] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  const [cert] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Certificate" LIMIT 1`);
  await signIn(page, "admin@demo.local");
  await checkPages(page, [
    `/certificates/${cert!.id}`,
    "/admin/certificate",
    "/admin/users",
    "/admin/organisations",
    `/admin/organisations/${organisation!.id}`,
    `/admin/organisations/${organisation!.id}/close`,
    "/admin/audit",
  ]);
});
