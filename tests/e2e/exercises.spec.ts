import { OBJECTIONS, CAUSES } from "@/lib/exercises/objection-sort";
import { optionsInOrder } from "@/lib/exercises/partnership-plan";
import { expect, noChromium, test } from "./fixtures";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

test.describe("活卡率 / 实动率 calculator", () => {
  test("states its 口径 and explains, without a verdict, why the two bases give different numbers", async ({
    page,
  }) => {
    await page.goto("/exercises/activity-rates");
    await expect(page.getByText("“活跃”指统计期内有交易")).toBeVisible();
    await page.getByRole("radio", { name: /^发卡量/ }).check();
    await page.getByLabel("发卡量（张）").fill("10000");
    await page.getByLabel("流通卡量（张）").fill("5000");
    await page.getByLabel("活跃卡量（张）").fill("800");
    await page.getByLabel("流通客户数（户）").fill("4000");
    await page.getByLabel("活跃客户数（户）").fill("900");
    await page.getByRole("button", { name: "计算" }).click();
    const result = page.getByRole("region", { name: "计算结果" });
    await expect(result.getByRole("definition").first()).toHaveText("8%");
    await expect(result).toContainText("活卡率（分母：发卡量）");
    await expect(result).toContainText("两者口径不同");
    await expect(result).toContainText("以流通卡量为分母，活卡率是 16%");
    await expect(result).not.toContainText("警戒线");
    await expect(result).not.toContainText("不足10%");
  });

  test("takes numbers as people type them: thousands separators and full-width digits", async ({ page }) => {
    await page.goto("/exercises/activity-rates");
    await page.getByLabel("流通卡量（张）").fill("100,000");
    await page.getByLabel("活跃卡量（张）").fill("１００００");
    await page.getByLabel("流通客户数（户）").fill("80，000");
    await page.getByLabel("活跃客户数（户）").fill("20000");
    await page.getByRole("button", { name: "计算" }).click();
    const result = page.getByRole("region", { name: "计算结果" });
    await expect(result.getByRole("definition").first()).toHaveText("10%");
    await expect(result.getByRole("definition").nth(1)).toHaveText("25%");
    await expect(result).toContainText("可以并排看");
    await expect(page.locator("[aria-invalid]")).toHaveCount(0);
  });

  test("explains bad input next to the field and shows no result", async ({ page }) => {
    await page.goto("/exercises/activity-rates");
    await page.getByLabel("流通卡量（张）").fill("100");
    await page.getByLabel("活跃卡量（张）").fill("200");
    await page.getByLabel("流通客户数（户）").fill("-3");
    await page.getByRole("button", { name: "计算" }).click();
    await expect(page.getByText("活跃卡量不能多于流通卡量或发卡量")).toBeVisible();
    await expect(page.getByText("流通客户数须为不带小数的非负整数")).toBeVisible();
    await expect(page.getByText("请填写活跃客户数")).toBeVisible();
    await expect(page.getByLabel("活跃卡量（张）")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("region", { name: "计算结果" })).toHaveCount(0);
  });
});

test("九宫格 objection sort gives feedback for a right and a wrong answer", async ({ page }) => {
  await page.goto("/exercises/objection-sort");
  const [first, second] = OBJECTIONS;
  const firstGroup = page.getByRole("group", { name: new RegExp(first!.text.slice(0, 8)) });
  await firstGroup.getByRole("radio", { name: CAUSES[first!.cause] }).check();
  const wrong = (Object.keys(CAUSES) as (keyof typeof CAUSES)[]).find((c) => c !== second!.cause)!;
  const secondGroup = page.getByRole("group", { name: new RegExp(second!.text.slice(0, 8)) });
  await secondGroup.getByRole("radio", { name: CAUSES[wrong] }).check();
  await page.getByRole("button", { name: "检查答案" }).click();
  await expect(page.getByRole("status").filter({ hasText: `正确，属于“${CAUSES[first!.cause]}”` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `应归为“${CAUSES[second!.cause]}”` })).toBeVisible();
  await expect(page.getByText(`答对 1 / ${OBJECTIONS.length}`)).toBeVisible();
});

test("九宫格 检查答案 with nothing chosen asks for an answer and shows no verdict", async ({ page }) => {
  await page.goto("/exercises/objection-sort");
  await page.getByRole("button", { name: "检查答案" }).click();
  const ask = page.getByRole("alert").filter({ hasText: "请先为至少一条商户异议选择原因，再检查答案。" });
  await expect(ask).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await expect(page.getByText(/答对 \d/)).toHaveCount(0);
  for (const label of Object.values(CAUSES)) await expect(page.getByText(`“${label}”`)).toHaveCount(0);

  // Choosing an answer clears the request; checking then grades only what was chosen.
  const first = OBJECTIONS[0]!;
  await page
    .getByRole("group", { name: new RegExp(first.text.slice(0, 8)) })
    .getByRole("radio", { name: CAUSES[first.cause] })
    .check();
  await expect(ask).toBeHidden();
  await page.getByRole("button", { name: "检查答案" }).click();
  await expect(page.getByText(`答对 1 / ${OBJECTIONS.length}`)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "还没有归类" })).toHaveCount(OBJECTIONS.length - 1);
});

test("银商合作 检查方案 with nothing chosen asks for a choice and judges nothing", async ({ page }) => {
  await page.goto("/exercises/partnership-plan");
  await page.getByRole("button", { name: "检查方案" }).click();
  await expect(page.getByText("请先为三条原则各选择一项做法，再检查方案。")).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await expect(page.getByText(/好的选择|需要调整|没有做到/)).toHaveCount(0);
});

test("银商合作 plan check praises a sound plan and corrects a weak one, by keyboard", async ({ page, isMobile }) => {
  await page.goto("/exercises/partnership-plan");
  await page.getByRole("radio", { name: /集中投在工作日下午/ }).check();
  await page.getByRole("radio", { name: /优惠成本全部由商户承担/ }).check();
  await page.getByRole("radio", { name: /刷卡直接立减/ }).check();
  await page.getByRole("button", { name: "检查方案" }).click();
  await expect(page.getByText("还有 1 条原则没有做到")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "需要调整" })).toContainText("利益分配失衡");

  const better = page.getByRole("radio", { name: /按约定比例分担/ });
  if (isMobile) await better.check();
  else {
    // Radios in one group move with the arrow keys, as a keyboard user would do it; the options
    // are shown in a shuffled order, so count the steps from the weak option to the better one.
    const order = optionsInOrder("sharedGain").map((o) => o.id);
    const steps = (order.indexOf("split-cost") - order.indexOf("merchant-pays") + order.length) % order.length;
    await page.getByRole("radio", { name: /优惠成本全部由商户承担/ }).focus();
    for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowDown");
    await expect(better).toBeChecked();
  }
  await page.getByRole("button", { name: "检查方案" }).click();
  await expect(page.getByText("三条原则都做到了")).toBeVisible();
});
