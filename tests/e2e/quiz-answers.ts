// The right answers to module 1's quiz, for the browser tests that take it.
// Answers by prompt, so the test does not depend on the (shuffled) order questions appear in.
type Answerer = (q: import("@playwright/test").Locator) => Promise<void>;
export const RIGHT: Record<string, Answerer> = {
  请把信用卡业务的四个发展阶段: async (q) => {
    // Move items up until the list reads in the stored order.
    const wanted = ["产品认同", "批量获客", "客户经营", "生态圈打造"];
    for (let target = 0; target < wanted.length; target++) {
      for (;;) {
        const texts = await q.locator("ol li span.flex-1").allTextContents();
        const at = texts.indexOf(wanted[target]!);
        if (at === target) break;
        await q.getByRole("button", { name: `上移：${wanted[target]}` }).click();
      }
    }
  },
  考核只看每月发卡量: (q) => q.getByRole("radio", { name: /阶段错位/ }).check(),
  开通了收单: (q) => q.getByRole("radio", { name: /带动商户完成收单办理/ }).check(),
  三个时代: async (q) => {
    await q.getByRole("checkbox", { name: /Diners Club/ }).check();
    await q.getByRole("checkbox", { name: /第三方支付/ }).check();
    await q.getByRole("checkbox", { name: /合二为一/ }).check();
  },
  上线多少天: (q) => q.getByRole("textbox").fill("73"),
  北极星: (q) => q.getByRole("radio", { name: "错误" }).check(),
};

/** Answers every question on the attempt page: all right, or all blank except a wrong numeric one. */
export async function answerAll(page: import("@playwright/test").Page, correctly: boolean) {
  const questions = page.locator("ol > li").filter({ has: page.locator("fieldset") });
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const prompt = (await q.locator("legend").textContent()) ?? "";
    const key = Object.keys(RIGHT).find((k) => prompt.includes(k));
    if (!key) throw new Error(`no answer for: ${prompt}`);
    if (correctly || key === "上线多少天") await RIGHT[key]!(q);
    if (!correctly && key === "上线多少天") await q.getByRole("textbox").fill("100");
  }
  await page.getByRole("textbox").first().blur();
}
