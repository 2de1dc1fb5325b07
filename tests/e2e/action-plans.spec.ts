// 行动计划 the way a learner and a trainer meet it: the learner files a plan on a phone (360 px),
// the day-30 check-in appears on /me once 30 days have passed, the learner reports, and the
// cohort's trainer sees the figures. The clock is moved by backdating the plan's filedAt in the
// test database (queryE2eDb): the app reads the real time and needs no test hook.
import { formatDate } from "@/lib/format/beijing-time";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { freshCohortWithLearner } from "./fresh-cohort";
import { queryE2eDb } from "./server";
import { signIn } from "./sign-in";

test.skip(noChromium !== null, noChromium ?? "");

const PHONE = { width: 360, height: 740 };

const freshCohort = () =>
  freshCohortWithLearner({ tag: "ap", cohortName: "行动计划测试班", learnerName: "计划学员", branch: "上海分行" });

test("a learner files a plan on a phone, reports at day 30, and the trainer sees the figures", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { cohortId, learner } = await freshCohort();
  const context = await browser.newContext({
    baseURL,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: clientAddressHeader(),
  });
  const phone = await context.newPage();
  await signIn(phone, learner.email);
  await phone.goto("/me");
  const card = phone.getByRole("region", { name: "行动计划" });
  await card.getByRole("link", { name: "填写行动计划" }).click();
  await expect(phone.getByRole("heading", { name: "行动计划", level: 1 })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // Nothing filled in: a field-level message, nothing stored.
  await phone.getByRole("button", { name: "提交行动计划" }).click();
  await expect(phone.getByRole("main").getByRole("alert")).toContainText("请按提示修改后再提交");
  await expect(phone.getByText("请至少填写一项行动")).toBeVisible();

  // A 银商合作 action without its merchant: told which field is missing.
  await phone.getByLabel("第 1 项：用到的课程工具").selectOption({ label: "银商合作方案（一家真实商户）" });
  await phone.getByLabel("第 1 项：具体要做什么").fill("与社区超市谈工作日晚间刷卡立减");
  await phone.getByLabel("第 1 项：衡量指标").selectOption({ label: "商户签约数" });
  await phone.getByLabel("第 1 项：基线").fill("0");
  await phone.getByLabel("第 1 项：目标").fill("1");
  const due = formatDate(new Date(Date.now() + 60 * 86_400_000));
  await phone.getByLabel("第 1 项：完成日期").fill(due);
  await phone.getByRole("button", { name: "提交行动计划" }).click();
  await expect(phone.getByText("银商合作方案请填写一家真实商户的名称")).toBeVisible();
  // What was chosen and typed stays for the correction.
  await expect(phone.getByLabel("第 1 项：用到的课程工具")).toHaveValue("PARTNERSHIP");
  await expect(phone.getByLabel("第 1 项：衡量指标")).toHaveValue("MERCHANT_SIGNINGS");
  expect(await queryE2eDb(`SELECT 1 FROM "ActionPlan" WHERE "userId" = $1`, [learner.id])).toHaveLength(0);

  await phone.getByLabel("第 1 项：合作商户（银商合作方案必填）").fill("城东社区生鲜超市");
  await phone.getByRole("button", { name: "提交行动计划" }).click();
  // The page turns into the filed plan.
  await expect(phone.getByRole("heading", { name: "我的行动" })).toBeVisible();
  await expect(phone.getByText(/城东社区生鲜超市/)).toBeVisible();
  expect(await queryE2eDb(`SELECT 1 FROM "ActionPlan" WHERE "userId" = $1`, [learner.id])).toHaveLength(1);

  // Before the first check-in the learner may rethink the target; the fields come back filled in.
  await phone.getByRole("link", { name: "修改行动计划" }).click();
  await expect(phone.getByLabel("第 1 项：合作商户（银商合作方案必填）")).toHaveValue("城东社区生鲜超市");
  await expect(phone.getByLabel("第 1 项：完成日期")).toHaveValue(due);
  await phone.getByLabel("第 1 项：目标").fill("");
  await phone.getByRole("button", { name: "保存修改" }).click();
  await expect(phone.getByText("请填写目标数值，如 45")).toBeVisible();
  await phone.getByLabel("第 1 项：目标").fill("2");
  await phone.getByRole("button", { name: "保存修改" }).click();
  await expect(phone.getByRole("status").filter({ hasText: "行动计划已修改，回访时间不变" })).toBeVisible();
  await expect(phone.getByText(/商户签约数 从 0 到 2/)).toBeVisible();

  // Day 0: /me tells when the first check-in comes and asks nothing yet.
  await phone.goto("/me");
  await expect(card).toContainText("下一次回访：第 30 天");
  await expect(card.getByRole("link", { name: "汇报进展" })).toHaveCount(0);

  // 30 days later (the plan's filedAt moved back): the day-30 check-in appears.
  await queryE2eDb(`UPDATE "ActionPlan" SET "filedAt" = "filedAt" - interval '30 days 1 minute' WHERE "userId" = $1`, [
    learner.id,
  ]);
  await phone.reload();
  await expect(card.getByRole("status")).toContainText("第 30 天回访");
  await card.getByRole("link", { name: "汇报进展" }).click();
  await expect(phone.getByRole("heading", { name: "第 30 天回访" })).toBeVisible();
  await phone.getByLabel("第 1 项进展").selectOption({ label: "完成" });
  await phone.getByRole("button", { name: "提交第 30 天回访" }).click();
  await expect(phone.getByText("已完成的行动请填写实际结果数值")).toBeVisible();
  await phone.getByLabel(/第 1 项目前结果/).fill("1");
  await phone.getByRole("button", { name: "提交第 30 天回访" }).click();
  // The check-in form gives way to the report, shown with the action.
  await expect(phone.getByText("第 30 天：完成，结果 1")).toBeVisible();
  await expect(phone.getByRole("heading", { name: "第 30 天回访" })).toHaveCount(0);
  // Once reported on, the plan stays as it was followed up.
  await expect(phone.getByRole("link", { name: "修改行动计划" })).toHaveCount(0);
  await phone.goto("/me");
  await expect(card).toContainText("回访已全部完成");
  await context.close();

  // The cohort's trainer, at a desk.
  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${cohortId}`);
  await page.getByRole("navigation", { name: "班级视图" }).getByRole("link", { name: "行动计划" }).click();
  await expect(page).toHaveURL(new RegExp(`/trainer/cohorts/${cohortId}/action-plans$`));
  const figure = (label: string) => page.locator("dl > div").filter({ hasText: label });
  await expect(figure("提交行动计划")).toContainText("100%");
  await expect(figure("提交行动计划")).toContainText("1 / 1 名学员");
  await expect(figure("第 30 天已回访")).toContainText("1 / 1 份");
  await expect(figure("第 60 天已回访")).toContainText("尚无计划满 60 天");
  await expect(figure("行动已完成")).toContainText("1 / 1 项行动");
  await expect(page.getByRole("heading", { name: new RegExp(learner.name) })).toBeVisible();
});

test("the 银商合作 exercise's checked plan becomes the first action and is stored with it", async ({ page }) => {
  const { learner } = await freshCohort();
  await signIn(page, learner.email);
  await page.goto("/exercises/partnership-plan");
  await page.getByRole("radio", { name: /集中投在工作日下午/ }).check();
  await page.getByRole("radio", { name: /按约定比例分担/ }).check();
  await page.getByRole("radio", { name: /刷卡直接立减/ }).check();
  await page.getByRole("button", { name: "检查方案" }).click();
  await page.getByRole("link", { name: "作为行动计划的一项保存" }).click();
  await expect(page.getByText("已带入银商合作练习中的方案。")).toBeVisible();
  await expect(page.getByLabel("第 1 项：用到的课程工具")).toHaveValue("PARTNERSHIP");
  await expect(page.getByLabel("第 1 项：具体要做什么")).toHaveValue(/^银行出力：/);
  await page.getByLabel("第 1 项：合作商户（银商合作方案必填）").fill("城西烘焙坊");
  await page.getByLabel("第 1 项：衡量指标").selectOption({ label: "新增动卡客户" });
  await page.getByLabel("第 1 项：基线").fill("10");
  await page.getByLabel("第 1 项：目标").fill("30");
  await page.getByLabel("第 1 项：完成日期").fill(formatDate(new Date(Date.now() + 45 * 86_400_000)));
  await page.getByRole("button", { name: "提交行动计划" }).click();
  await expect(page.getByRole("heading", { name: "我的行动" })).toBeVisible();
  const [stored] = await queryE2eDb<{ exercise: unknown }>(
    `SELECT a.exercise FROM "PlanAction" a JOIN "ActionPlan" p ON p.id = a."planId" WHERE p."userId" = $1`,
    [learner.id],
  );
  expect(stored?.exercise).toEqual({
    bankEffort: "targeted-slot",
    sharedGain: "split-cost",
    customerBenefit: "instant-discount",
  });
});
