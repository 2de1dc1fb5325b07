import { loadContent } from "@/lib/content/load";
import { expect, noChromium, test } from "./fixtures";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();

test("every module page and every case page renders its title", async ({ page }) => {
  for (const m of content.modules) {
    await page.goto(`/course/${m.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: m.title })).toBeVisible();
  }
  for (const c of content.cases) {
    await page.goto(`/cases/${c.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
    await expect(page.getByRole("region", { name: "出处" })).toBeVisible();
  }
});

test("a glossary term in a lesson links to its definition", async ({ page }) => {
  const lesson = content.modules.flatMap((m) => m.lessons.map((l) => ({ m, l }))).find(({ l }) => l.terms.length > 0);
  expect(lesson, "some lesson mentions a glossary term").toBeDefined();
  const term = lesson!.l.terms[0]!;
  await page.goto(`/course/${lesson!.m.slug}/${lesson!.l.slug}`);
  await page.locator("a.glossary-term", { hasText: term }).first().click();
  await expect(page).toHaveURL(new RegExp(`/glossary#${encodeURIComponent(term)}$`));
  const entry = content.glossary.find((g) => g.term === term)!;
  await expect(page.getByText(entry.definition)).toBeVisible();
});

test("the case library filters by bank and by module", async ({ page }) => {
  await page.goto("/cases");
  const banks = [...new Set(content.cases.map((c) => c.bank))];
  const bank = banks[0]!;
  await page.getByLabel("按银行筛选").selectOption(bank);
  const expected = content.cases.filter((c) => c.bank === bank);
  await expect(page.getByText(`共 ${expected.length} 个案例`)).toBeVisible();
  for (const c of content.cases) {
    const link = page.getByRole("link", { name: c.title });
    if (c.bank === bank) await expect(link).toBeVisible();
    else await expect(link).toHaveCount(0);
  }
  await page.getByLabel("按银行筛选").selectOption("");
  const mod = content.modules.find((m) => content.cases.some((c) => c.modules.includes(m.slug)))!;
  await page.getByLabel("按课程模块筛选").selectOption(mod.slug);
  const byModule = content.cases.filter((c) => c.modules.includes(mod.slug));
  await expect(page.getByText(`共 ${byModule.length} 个案例`)).toBeVisible();
});
