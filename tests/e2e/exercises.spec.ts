import { OBJECTIONS, CAUSES } from "@/lib/exercises/objection-sort";
import { expect, noChromium, test } from "./fixtures";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

test.describe("活卡率 / 实动率 calculator", () => {
  test("computes the rates and compares with the state-owned-bank scenario", async ({ page }) => {
    await page.goto("/exercises/activity-rates");
    await page.getByLabel("发卡量（张）").fill("10000");
    await page.getByLabel("活跃卡量（张）").fill("800");
    await page.getByLabel("流通客户数（户）").fill("9000");
    await page.getByLabel("活跃客户数（户）").fill("900");
    await page.getByRole("button", { name: "计算" }).click();
    const result = page.getByRole("region", { name: "计算结果" });
    await expect(result).toContainText("8%");
    await expect(result).toContainText("10%");
    await expect(result).toContainText("不足10%");
  });

  test("explains bad input next to the field and shows no result", async ({ page }) => {
    await page.goto("/exercises/activity-rates");
    await page.getByLabel("发卡量（张）").fill("100");
    await page.getByLabel("活跃卡量（张）").fill("200");
    await page.getByLabel("流通客户数（户）").fill("-3");
    await page.getByRole("button", { name: "计算" }).click();
    await expect(page.getByText("活跃卡量不能多于发卡量")).toBeVisible();
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
    // Radios in one group move with the arrow keys, as a keyboard user would do it.
    await page.getByRole("radio", { name: /优惠成本全部由商户承担/ }).focus();
    await page.keyboard.press("ArrowUp");
    await expect(better).toBeChecked();
  }
  await page.getByRole("button", { name: "检查方案" }).click();
  await expect(page.getByText("三条原则都做到了")).toBeVisible();
});
