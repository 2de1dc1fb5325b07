// The classroom day, as the people in the room live it: the trainer adds today's session and puts
// the check-in screen on the projector; a learner's phone (360 px, WeChat's browser) scans the QR
// signed out, signs in, and is checked in; the screen's count and the register follow; a second
// scan says 已签到; someone outside the class, and an expired code, are refused; a learner whose
// camera cannot scan types the 6-digit code; the register finds people by name and 分行; the 签到表
// prints one A4 page per 30 learners.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hashPassword } from "@/lib/auth/password";
import { signToken, windowOf } from "@/lib/attendance/token";
import { formatDate } from "@/lib/format/beijing-time";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { queryE2eDb } from "./server";
import { signIn } from "./sign-in";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

const WECHAT_UA =
  "Mozilla/5.0 (Linux; Android 13; V2219A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) " +
  "Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160083 MMWEBSDK/20231202 MMWEBID/1234 " +
  "MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";

const LEARNERS = 35;
const BRANCHES = ["上海分行", "杭州分行"];

/** A class of its own (so counts are this test's), with 35 learners and one person outside it. */
async function makeCohort() {
  const tag = randomUUID().replaceAll("-", "").slice(0, 10);
  const [org] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  const [trainer] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'trainer@demo.local'`);
  const cohortId = `ci${tag}`;
  const name = `签到测试班 ${tag.slice(0, 4)}`;
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId") VALUES ($1, $2, $3, $4, $5)`,
    [cohortId, name, `CI${tag.slice(0, 8).toUpperCase()}`, trainer!.id, org!.id],
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  const people = Array.from({ length: LEARNERS + 1 }, (_, i) => ({
    id: `ci${tag}${String(i).padStart(2, "0")}`,
    email: `checkin-${tag}-${i}@e2e.test`,
    name:
      i === 0 ? `扫码学员${tag.slice(0, 3)}` : i === 1 ? `输码学员${tag.slice(0, 3)}` : `学员${tag.slice(0, 3)}${i}`,
    branch: BRANCHES[i % 2]!,
  }));
  for (const p of people)
    await queryE2eDb(
      `INSERT INTO "User" (id, email, name, "passwordHash", branch, department, "updatedAt") VALUES ($1, $2, $3, $4, $5, '信用卡部', now())`,
      [p.id, p.email, p.name, hash, p.branch],
    );
  // The last person is not in the class.
  for (const p of people.slice(0, LEARNERS))
    await queryE2eDb(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ($1, $2)`, [cohortId, p.id]);
  return { cohortId, name, scanner: people[0]!, typer: people[1]!, outsider: people[LEARNERS]! };
}

test("a learner scans the projector's QR on a phone, signs in and is checked in; the register and 签到表 follow", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const c = await makeCohort();

  // The trainer adds today's session (the whole Beijing day, so the test runs at any hour).
  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${c.cohortId}/sessions`);
  await page.getByLabel("课次名称").fill("集中面授 · 场景化金融生态");
  await page.getByLabel("日期").fill(formatDate(new Date()));
  await page.getByLabel("开始时间（北京时间）").fill("00:00");
  await page.getByLabel("结束时间（北京时间）").fill("23:59");
  await page.getByLabel("地点").fill("总行培训中心 301 教室");
  await page.getByLabel("学时", { exact: true }).fill("3");
  await page.getByRole("button", { name: "添加课次" }).click();
  await expect(page.getByRole("status").filter({ hasText: "课次已添加" })).toBeVisible();
  await page.getByRole("link", { name: "集中面授 · 场景化金融生态" }).first().click();
  await expect(page.getByTestId("register-counts")).toContainText(`共 ${LEARNERS} 人`);
  const registerUrl = page.url();
  // A second device keeps the register open at the door; its clock is the test's, so the refresh
  // that brings new scans in can be run on demand instead of waited for. A context of its own
  // (signed in as the same trainer): Playwright's clock is per context, and the projector must keep
  // real time, as a projector in a room does.
  const registerContext = await browser.newContext({
    storageState: await page.context().storageState(),
    extraHTTPHeaders: clientAddressHeader(),
  });
  const register = await registerContext.newPage();
  await register.clock.install();
  await register.goto(registerUrl);
  await expect(register.getByRole("row").filter({ hasText: c.scanner.name })).toContainText("未签到");

  // The projector: a QR (its URL exposed for the "无法扫码？" link) and a 6-digit code.
  await page.getByRole("link", { name: "打开签到屏幕" }).click();
  const qr = page.getByRole("img", { name: "签到二维码" });
  await expect(qr.locator("svg")).toBeVisible();
  const url = (await qr.getAttribute("data-check-in-url"))!;
  expect(url).toMatch(/\/check-in\/[a-z0-9]+\.[a-z0-9]+\.in\.[\w-]+$/);
  await page.getByText("无法扫码？").click();
  await expect(page.getByRole("link", { name: "当前签到链接" })).toHaveAttribute("href", url);
  await expect(page.getByTestId("check-in-count")).toContainText(`0 / ${LEARNERS} 人`);

  // The learner's phone, inside WeChat, signed out: scan → sign in → back, checked in.
  const phoneContext = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    userAgent: WECHAT_UA,
    extraHTTPHeaders: clientAddressHeader(),
  });
  const phone = await phoneContext.newPage();
  await phone.goto(url);
  await expect(phone).toHaveURL(/\/login\?next=%2Fcheck-in/);
  await phone.getByLabel("邮箱 / 手机号 / 工号").fill(c.scanner.email);
  await phone.getByLabel("密码").fill(DEMO_PASSWORD);
  await phone.getByRole("button", { name: "登录" }).click();
  await expect(phone).toHaveURL("/check-in");
  await expect(phone.getByRole("status")).toContainText(/签到成功（\d\d:\d\d，(出勤|迟到)）/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // A second scan records nothing new and says when the first one was.
  const first = (await phone.getByRole("status").textContent())!.match(/\d\d:\d\d/)![0];
  await phone.goto(url);
  await expect(phone.getByRole("status")).toContainText(`已签到（${first}`);

  // The register on the other device follows without a reload.
  await register.clock.runFor(21_000);
  await expect(register.getByRole("row").filter({ hasText: c.scanner.name })).toContainText(/出勤|迟到/);
  await registerContext.close();

  // The projector's count and latest arrivals update without a reload.
  await expect(page.getByTestId("check-in-count")).toContainText(`1 / ${LEARNERS} 人`, { timeout: 15_000 });
  await expect(page.getByRole("list", { name: "最新签到" })).toContainText(c.scanner.name);

  // A learner whose camera cannot scan types the code shown under the QR.
  const typerContext = await browser.newContext({
    viewport: { width: 360, height: 740 },
    userAgent: WECHAT_UA,
    extraHTTPHeaders: clientAddressHeader(),
  });
  const typer = await typerContext.newPage();
  await typer.goto("/check-in");
  await typer.getByRole("link", { name: "登录后输入签到码" }).click();
  await typer.getByLabel("邮箱 / 手机号 / 工号").fill(c.typer.email);
  await typer.getByLabel("密码").fill(DEMO_PASSWORD);
  await typer.getByRole("button", { name: "登录" }).click();
  await expect(typer).toHaveURL("/check-in");
  await typer.getByRole("textbox", { name: "签到码" }).fill("12345");
  await typer.getByRole("button", { name: "签到", exact: true }).click();
  await expect(typer.getByText("请填写屏幕上显示的 6 位数字签到码")).toBeVisible();
  const code = (await page.getByTestId("manual-code").textContent())!.trim();
  await typer.getByRole("textbox", { name: "签到码" }).fill(code);
  await typer.getByRole("button", { name: "签到", exact: true }).click();
  await expect(typer.getByRole("status")).toContainText("签到成功");
  await typerContext.close();

  // Someone outside the class is refused, clearly; an expired code says to scan again.
  const outsiderContext = await browser.newContext({ userAgent: WECHAT_UA, extraHTTPHeaders: clientAddressHeader() });
  const outsider = await outsiderContext.newPage();
  // The QR has moved on meanwhile: scan the one on the screen now.
  await outsider.goto((await qr.getAttribute("data-check-in-url"))!);
  await outsider.getByLabel("邮箱 / 手机号 / 工号").fill(c.outsider.email);
  await outsider.getByLabel("密码").fill(DEMO_PASSWORD);
  await outsider.getByRole("button", { name: "登录" }).click();
  await expect(outsider).toHaveURL("/check-in");
  await expect(outsider.getByRole("alert").filter({ hasText: "您不在本班学员名单中" })).toBeVisible();
  const sessionId = new URL(url).pathname.split("/")[2]!.split(".")[0]!;
  const secret = `check-in:${readFileSync(".data/e2e/auth-secret", "utf8").trim()}`;
  await phone.goto(`/check-in/${signToken(secret, sessionId, windowOf(Date.now() - 90_000))}`);
  await expect(phone.getByRole("alert").filter({ hasText: "二维码已过期，请重新扫描屏幕上的二维码" })).toBeVisible();
  await outsiderContext.close();
  await phoneContext.close();

  // The register: both learners in, sorted by 分行 then name; the trainer marks someone 请假.
  await page.goto(registerUrl);
  await expect(page.getByTestId("register-counts")).toContainText(`未签到 ${LEARNERS - 2}`);
  await expect(page.getByRole("row").filter({ hasText: c.scanner.name })).toContainText(/出勤|迟到/);
  const absentee = page
    .getByRole("row")
    .filter({ hasText: `学员${c.scanner.name.slice(4)}2` })
    .first();
  const absenteeName = (await absentee.getByRole("cell").nth(2).textContent())!;
  await absentee.getByLabel(`${absenteeName} 的出勤情况`).selectOption("LEAVE");
  await absentee.getByLabel(`${absenteeName} 的备注`).fill("病假，已批准");
  await absentee.getByRole("button", { name: `登记 ${absenteeName}` }).click();
  await expect(absentee.getByRole("status")).toContainText("已登记");
  await page.reload();
  await expect(page.getByTestId("register-counts")).toContainText("请假 1");

  // A bank's session can have thousands: the register pages 50 at a time and finds people by name
  // or 工号 within a 分行; the counts at the top stay the whole session's.
  const search = page.getByRole("search", { name: "查找学员" });
  await search.getByLabel("姓名或工号").fill(c.scanner.name);
  await search.getByLabel("分行").selectOption(c.scanner.branch);
  await search.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("符合条件 1 人")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row").filter({ hasText: c.scanner.name })).toContainText(/出勤|迟到/);
  await expect(page.getByTestId("register-counts")).toContainText(`共 ${LEARNERS} 人`);
  await search.getByLabel("分行").selectOption(BRANCHES[1]!);
  await search.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("没有符合条件的学员。")).toBeVisible();
  await page.getByRole("link", { name: "显示全部" }).click();
  await expect(page.getByRole("row")).toHaveCount(LEARNERS + 1);

  // The 签到表: 35 learners print on two A4 pages (30 a page), each with its heading.
  await page.goto(`${registerUrl}/sheet`);
  await expect(page.getByRole("region", { name: "签到表第 2 页" })).toContainText("第 2 / 2 页");
  await page.emulateMedia({ media: "print" });
  // Each page of 30 ends in a page break, whatever fits: the breaks, not the paper, cut the list.
  expect(
    await page
      .getByRole("region", { name: "签到表第 1 页" })
      .evaluate((el) => [getComputedStyle(el).breakAfter, el.querySelectorAll("tbody tr").length]),
  ).toEqual(["page", 30]);
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length, "pages in the printed 签到表").toBe(2);
});

test("the trainer deletes a session added by mistake; one with attendance stays", async ({ page }) => {
  const c = await makeCohort();
  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/cohorts/${c.cohortId}/sessions`);
  const add = async (title: string) => {
    await page.getByLabel("课次名称").fill(title);
    await page.getByLabel("日期").fill(formatDate(new Date()));
    await page.getByLabel("开始时间（北京时间）").fill("09:00");
    await page.getByLabel("结束时间（北京时间）").fill("12:00");
    await page.getByLabel("地点").fill("总行培训中心 302 教室");
    await page.getByLabel("学时", { exact: true }).fill("3");
    await page.getByRole("button", { name: "添加课次" }).click();
    // The list, not the message: the first add's "课次已添加" is still on screen during the second.
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  };
  await add("误建的课次");
  await add("已签到的课次");
  const [kept] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "CohortSession" WHERE "cohortId" = $1 AND title = '已签到的课次'`,
    [c.cohortId],
  );
  await queryE2eDb(
    `INSERT INTO "Attendance" ("sessionId", "userId", status, "checkedInAt", "updatedAt") VALUES ($1, $2, 'PRESENT', now(), now())`,
    [kept!.id, c.scanner.id],
  );

  // Without the typed confirmation nothing happens; with it the session goes and the list says so.
  await page.getByRole("link", { name: "误建的课次" }).click();
  await page.locator("summary", { hasText: "删除课次" }).click();
  await page.getByRole("button", { name: "删除课次" }).click();
  await expect(page.getByText("请输入“删除”以确认", { exact: true })).toBeVisible();
  await page.getByLabel("输入“删除”以确认").fill("删除");
  await page.getByRole("button", { name: "删除课次" }).click();
  await expect(page).toHaveURL(new RegExp(`/trainer/cohorts/${c.cohortId}/sessions$`));
  await expect(page.getByRole("link", { name: "误建的课次" })).toHaveCount(0);

  await page.getByRole("link", { name: "已签到的课次" }).first().click();
  await page.locator("summary", { hasText: "删除课次" }).click();
  await page.getByLabel("输入“删除”以确认").fill("删除");
  await page.getByRole("button", { name: "删除课次" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "已有签到或登记记录，不能删除" })).toBeVisible();
  expect(await queryE2eDb(`SELECT 1 FROM "CohortSession" WHERE id = $1`, [kept!.id])).toHaveLength(1);
});
