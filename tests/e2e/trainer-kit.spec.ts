import ExcelJS from "exceljs";
import { loadContent } from "@/lib/content/load";
import { loadTrainerKit } from "@/lib/content/trainer-kit";
import { getWorksheet, WORKSHEETS } from "@/lib/worksheets/definitions";
import { expect, noChromium, test } from "./fixtures";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const content = loadContent();
const kit = loadTrainerKit(content);
const kase = content.cases[0]!;
const note = kit.caseNotes.find((n) => n.case === kase.slug)!;
const NOTE_LINK = "培训师：本案例的教学笔记";

test("a trainer opens the kit from the dashboard, then a case's teaching note from the case page", async ({ page }) => {
  await signIn(page, "trainer@demo.local");
  await page.goto("/trainer");
  await page.getByRole("link", { name: "培训师工具包" }).click();
  await expect(page.getByRole("heading", { level: 1, name: kit.index.title })).toBeVisible();
  await expect(page.getByRole("link", { name: kase.title })).toBeVisible();

  await page.goto(`/cases/${kase.slug}`);
  await page.getByRole("link", { name: NOTE_LINK }).click();
  await expect(page).toHaveURL(`/trainer/kit/cases/${kase.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: note.title })).toBeVisible();
  await expect(page.getByText("案例教学笔记", { exact: true })).toBeVisible();
});

test("a learner is refused the kit and a teaching note, and the case page does not link to it", async ({ page }) => {
  await signIn(page, "learner1@demo.local");
  // Asked over HTTP with the learner's cookies (a 403 page in the browser would log a console error).
  for (const path of ["/trainer/kit", `/trainer/kit/cases/${kase.slug}`]) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(403);
    expect(await res.text()).not.toContain(note.title);
  }

  const me = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/me");
  await page.goto(`/cases/${kase.slug}`);
  await me;
  await expect(page.getByRole("heading", { level: 1, name: kase.title })).toBeVisible();
  await expect(page.getByRole("link", { name: NOTE_LINK })).toHaveCount(0);
});

test("a signed-out visitor is sent to sign in for the kit and a teaching note", async ({ page }) => {
  for (const path of ["/trainer/kit", `/trainer/kit/cases/${kase.slug}`]) {
    await page.goto(path);
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe(path);
  }
});

test("a learner downloads a worksheet as .xlsx that reads back with its title and headers", async ({ page }) => {
  const worksheet = getWorksheet("objection-sort")!;
  await signIn(page, "learner1@demo.local");
  await page.goto("/worksheets");
  await page.getByRole("link", { name: worksheet.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: worksheet.title })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 Excel", exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${worksheet.title}.xlsx`);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0]!;
  expect(sheet.getCell("A1").value).toBe(worksheet.title);
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ""))));
  for (const header of ["拒绝原因", "商户原话", "背后的顾虑", "我的回应", "未意识到需要"])
    expect(texts).toContain(header);
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
});

test("every printable worksheet fits a 360 px screen and prints without the site's chrome", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "learner1@demo.local");
  for (const w of WORKSHEETS) {
    await page.goto(`/worksheets/${w.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: w.title })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${w.slug} overflows at 360 px`).toBeLessThanOrEqual(0);
  }
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: /打印/ })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: WORKSHEETS.at(-1)!.title })).toBeVisible();
});
