// Surveys the way a classroom day uses them: the trainer opens a survey for the cohort and shows
// its link and QR code; learners answer on their phones (360 px); an anonymous 训后满意度 shows
// results only from the fifth response and never names anyone; a named 训前调研 does.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

test.skip(noChromium !== null, noChromium ?? "");

const PHONE = { width: 360, height: 740 };

type Learner = { email: string; name: string };

/** A fresh cohort of the demo trainer at the demo bank, with `n` learners (so runs never share state). */
async function freshCohort(n: number) {
  const [org] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  const [trainer] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'trainer@demo.local'`);
  const cohortId = `svy${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const code = `S${randomUUID().replaceAll("-", "").slice(0, 7).toUpperCase()}`;
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId") VALUES ($1, $2, $3, $4, $5)`,
    [cohortId, `问卷测试班 ${code}`, code, trainer!.id, org!.id],
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  const learners: Learner[] = [];
  for (let i = 0; i < n; i++) {
    const id = `svl${randomUUID().replaceAll("-", "").slice(0, 20)}`;
    const learner = {
      email: uniqueEmail(`survey-${i}`).toLowerCase(),
      name: `问卷学员${"甲乙丙丁戊己"[i]}${code.slice(1, 4)}`,
    };
    await queryE2eDb(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, branch, "updatedAt") VALUES ($1, $2, $3, $4, 'LEARNER', '上海分行', now())`,
      [id, learner.email, learner.name, hash],
    );
    await queryE2eDb(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ($1, $2)`, [cohortId, id]);
    learners.push(learner);
  }
  return { cohortId, learners };
}

/** The trainer opens a survey and reads back the link it shows. */
async function openSurvey(page: Page, cohortId: string, survey: string, mode: string) {
  await page.goto(`/trainer/cohorts/${cohortId}/surveys`);
  await page.getByLabel("问卷", { exact: true }).selectOption({ label: survey });
  await page.getByLabel("作答方式").selectOption({ label: mode });
  await page.getByRole("button", { name: "发放问卷" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("问卷已发放");
  const item = page.getByRole("listitem").filter({ hasText: survey }).first();
  await expect(item.getByRole("img", { name: "作答二维码" })).toBeVisible();
  const link = (await item.getByText(/作答链接/).textContent())!.replace("作答链接：", "").trim();
  return new URL(link).pathname;
}

/** A learner's phone: opens the link, signs in, and comes back to the survey. */
async function onPhone(browser: Browser, baseURL: string, learner: Learner, path: string) {
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: clientAddressHeader(),
  });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel("邮箱").fill(learner.email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(new RegExp(`${path}$`));
  return { page, close: () => context.close() };
}

async function answerLikerts(page: Page, value: number) {
  const groups = page.getByRole("group").filter({ has: page.getByRole("radio", { name: /^5/ }) });
  for (const group of await groups.all()) {
    if ((await group.getByRole("radio").count()) === 5)
      await group.getByRole("radio", { name: new RegExp(`^${value}`) }).check();
  }
}

test("an anonymous 训后满意度 answered on five phones shows results only from the fifth, without names", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { cohortId, learners } = await freshCohort(5);
  await signIn(page, "trainer@demo.local");
  const path = await openSurvey(page, cohortId, "训后满意度调查", "匿名（训后满意度）");
  const resultsUrl = `/trainer/cohorts/${cohortId}/surveys/${path.split("/").pop()}`;

  for (const [i, learner] of learners.entries()) {
    const phone = await onPhone(browser, baseURL!, learner, path);
    const p = phone.page;
    await expect(p.getByRole("heading", { name: "训后满意度调查" })).toBeVisible();
    // Nothing wider than the phone.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    if (i === 0) {
      // Submitting with required items missing: a message beside each, nothing stored.
      await p.getByRole("radio", { name: /^4/ }).first().check();
      await p.getByRole("button", { name: "提交问卷" }).click();
      await expect(p.getByRole("main").getByRole("alert")).toContainText("还有必填项未完成");
      await expect(p.getByText("请选择一项").first()).toBeVisible();
      // A reload keeps what was chosen (the draft).
      await p.getByLabel("对课程内容或组织安排，您还有哪些改进建议？").fill("希望多一些城商行的案例。");
      await p.reload();
      await expect(p.getByRole("radio", { name: /^4/ }).first()).toBeChecked();
      await expect(p.getByLabel("对课程内容或组织安排，您还有哪些改进建议？")).toHaveValue("希望多一些城商行的案例。");
    }
    await answerLikerts(p, i % 2 === 0 ? 5 : 4);
    await p
      .getByRole("group", { name: /推荐这门课程/ })
      .getByRole("radio", { name: new RegExp(`^${[10, 9, 8, 6, 9][i]}`) })
      .check();
    await p.getByRole("button", { name: "提交问卷" }).click();
    await expect(p.getByRole("main").getByRole("status")).toContainText("提交成功");
    // Coming back: already answered.
    await p.reload();
    await expect(p.getByRole("main").getByRole("status")).toContainText("您已提交过这份问卷");
    await phone.close();

    await page.goto(resultsUrl);
    if (i < 4) {
      await expect(page.getByRole("main").getByRole("status")).toContainText(
        `匿名问卷满 5 份后才显示结果（目前 ${i + 1} 份）`,
      );
      await expect(page.getByRole("region", { name: "净推荐值" })).toHaveCount(0);
    }
  }

  await expect(page.getByText("已回收 5 份，班级 5 人，回收率 100%")).toBeVisible();
  // 10, 9, 9 promoters; 8 passive; 6 detractor: (3 - 1) / 5 = 40.
  const nps = page.getByRole("region", { name: "净推荐值" });
  await expect(nps).toContainText("40.0");
  await expect(nps).toContainText("推荐者（9–10 分）3 人");
  await expect(page.getByText("希望多一些城商行的案例。")).toBeVisible();
  for (const learner of learners) await expect(page.getByText(learner.name)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "导出 Excel" })).toBeVisible();
});

test("a named 训前调研 shows the trainer who answered what", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const { cohortId, learners } = await freshCohort(1);
  await signIn(page, "trainer@demo.local");
  const path = await openSurvey(page, cohortId, "训前需求调研", "实名（训前调研）");

  const phone = await onPhone(browser, baseURL!, learners[0]!, path);
  const p = phone.page;
  await expect(p.getByText("本问卷为实名问卷")).toBeVisible();
  await p.getByRole("radio", { name: "商户拓展与收单" }).check();
  await p.getByRole("radio", { name: "3–5 年" }).check();
  await p.getByLabel("您最希望通过这一天的培训解决工作中的哪些问题？").fill("想学会和商户谈联合营销。");
  await answerLikerts(p, 2);
  await p.getByRole("button", { name: "提交问卷" }).click();
  await expect(p.getByRole("main").getByRole("status")).toContainText("提交成功");
  await phone.close();

  await page.goto(`/trainer/cohorts/${cohortId}/surveys/${path.split("/").pop()}`);
  await expect(page.getByText("已回收 1 份")).toBeVisible();
  // The innermost item: the verbatim itself (the question's item contains it).
  const verbatim = page.getByRole("listitem").filter({ hasText: "想学会和商户谈联合营销。" }).last();
  await expect(verbatim).toContainText(learners[0]!.name);
  await expect(page.getByText("商户拓展与收单：1 人（100%）")).toBeVisible();
});
