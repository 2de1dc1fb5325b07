// The certificate a bank's HR files (decision 0030): a learner who passed downloads it as PNG and
// PDF, a trainer revokes one, and the public verification page says so, on a 360 px phone.
import { readFileSync } from "node:fs";
import QRCode from "qrcode";
import { extractText, getDocumentProxy } from "unpdf";
import { loadContent } from "@/lib/content/load";
import { hashPassword } from "@/lib/auth/password";
import type { Question } from "@/lib/quiz/schema";
import { rightResponse } from "@/lib/quiz/score";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { finishModules, queryE2eDb, uniqueEmail } from "./server";
import { signIn } from "./sign-in";

test.skip(noChromium !== null, noChromium ?? "");

const squash = (s: string) => s.replace(/\s+/g, "");

test("a learner who passed downloads the certificate as an A4-landscape PNG and as a PDF", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `证书学员${Date.now() % 100_000}`;
  const email = uniqueEmail("cert");
  await page.goto("/signup");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("证书学员的长密码 2026");
  await page.getByLabel("班级邀请码（选填）").fill("DEMO2026");
  await page.getByRole("button", { name: "注册" }).click();
  // Signing up hashes the password and signs in: slow when the machine is busy.
  await expect(page).toHaveURL("/me", { timeout: 20_000 });

  // The modules written straight in; the final passed through the app, which issues the certificate.
  const [user] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  await finishModules(user!.id);
  const start = await page.request.post("/api/quizzes/final/attempts");
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  const questions = await queryE2eDb<{ id: string; data: Question }>(
    `SELECT v.id, v.data FROM "Attempt" a JOIN "QuestionVersion" v ON v.id = ANY(a."questionIds") WHERE a.id = $1`,
    [attemptId],
  );
  const answers = Object.fromEntries(questions.map((q) => [q.id, rightResponse(q.data)]));
  expect(
    await (await page.request.post(`/api/attempts/${attemptId}/submit`, { data: { answers } })).json(),
  ).toMatchObject({ passed: true });

  await page.goto("/me");
  await page.getByRole("link", { name: "查看结业证书" }).click();
  await expect(page).toHaveURL(/\/certificates\/[A-Z2-9]{20}$/);
  const number = page.url().slice(-20);
  const title = loadContent().course.title;
  await expect(page.getByRole("img", { name: `结业证书：${name}，《${title}》，证书编号 ${number}` })).toBeVisible();
  await expect(page.getByText("长按下方图片")).toBeVisible();

  const pngDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载图片（PNG）" }).click();
  const png = readFileSync((await (await pngDownload).path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  expect(width).toBeGreaterThan(height);
  expect(width / height).toBeCloseTo(297 / 210, 2);

  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载 PDF" }).click();
  const pdf = readFileSync((await (await pdfDownload).path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  for (const fact of [name, title, number, "东方示范银行", "信用卡业务骨干班 · 第一期", "结业证书"]) {
    expect(squash(text), fact).toContain(squash(fact));
  }

  // The print view: the browser's own print (Chromium's PDF) is one A4-landscape page.
  const printed = await getDocumentProxy(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
  expect(printed.numPages).toBe(1);
  const [, , pageWidth, pageHeight] = (await printed.getPage(1)).view;
  expect([Math.round(pageWidth!), Math.round(pageHeight!)]).toEqual([842, 595]);
});

test("a trainer revokes a certificate and the public verification page says 已撤销 on a 360 px phone", async ({
  page,
  browser,
}) => {
  // A learner of DEMO2026 (trainer@demo.local's class) holding a certificate, written straight in.
  const id = `cert${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const number = Array.from(
    { length: 20 },
    () => "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[Math.floor(Math.random() * 31)],
  ).join("");
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, '欧阳明月', $3, 'LEARNER', now())`,
    [id, uniqueEmail("revoked").toLowerCase(), await hashPassword(DEMO_PASSWORD)],
  );
  await queryE2eDb(
    `INSERT INTO "CohortMember" ("cohortId", "userId", "joinedAt")
     SELECT id, $1, now() - interval '1 day' FROM "Cohort" WHERE "inviteCode" = 'DEMO2026'`,
    [id],
  );
  await queryE2eDb(`INSERT INTO "Certificate" (id, "userId", name) VALUES ($1, $2, '欧阳明月')`, [number, id]);

  await signIn(page, "trainer@demo.local");
  await page.goto(`/certificates/${number}`);
  await page.getByRole("button", { name: "撤销证书" }).click();
  await expect(page.getByText("请选择撤销原因")).toBeVisible(); // nothing chosen: refused, nothing changed
  await page.getByLabel("撤销原因").selectOption({ label: "考核违纪" });
  await page.getByLabel("撤销说明").fill("结业测评期间在微信群中传播答案，经班主任核实");
  await page.getByRole("button", { name: "撤销证书" }).click();
  await expect(page.getByText(/^已撤销：本证书已于 \d{4}-\d{2}-\d{2} 撤销（考核违纪）/)).toBeVisible();
  await expect(page.getByRole("button", { name: "撤销证书" })).toHaveCount(0);
  const [audit] = await queryE2eDb<{ detail: string }>(
    `SELECT detail FROM "AuditEvent" WHERE action = 'CERTIFICATE_REVOKE' AND target = $1`,
    [number],
  );
  expect(audit?.detail).toBe("MISCONDUCT");
  // The class still counts the holder as 已结业 (they completed), but not as holding a valid certificate.
  const [demo] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Cohort" WHERE "inviteCode" = 'DEMO2026'`);
  await page.goto(`/trainer/cohorts/${demo!.id}`);
  await expect(page.getByText(/^\d+ 人，持有效证书 \d+ 人（[1-9]\d* 张已撤销）$/)).toBeVisible();

  const phone = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: clientAddressHeader(),
  });
  const visitor = await phone.newPage();
  const res = await visitor.goto(`/verify/${number}`);
  expect(res?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1, name: "结业证书核验" })).toBeVisible();
  await expect(visitor.getByRole("status")).toContainText("已撤销");
  await expect(visitor.getByRole("status")).toContainText("考核违纪");
  await expect(visitor.getByText("欧**月")).toBeVisible();
  await expect(visitor.getByText("欧阳明月")).toHaveCount(0);
  await expect(visitor.getByText("结业测评期间在微信群中传播答案")).toHaveCount(0); // the staff's note stays inside
  await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await phone.close();
});

test("an admin sets the issuer and uploads a seal; a file that is not PNG or JPEG is refused by its bytes", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // The demo has no design row: certificates carry the default issuer until an admin saves one.
  const reset = () => queryE2eDb(`DELETE FROM "CertificateDesign"`);
  await reset();
  await signIn(page, "admin@demo.local");
  await page.goto("/admin/certificate");
  await expect(page.getByRole("heading", { level: 1, name: "证书设置" })).toBeVisible();
  await expect(page.getByLabel("颁发机构名称")).toHaveValue("课程运营方");
  await page.getByLabel("颁发机构名称").fill("示范管理咨询有限公司");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存，新的证书图片和 PDF 即按此显示")).toBeVisible();

  // An SVG (which can carry script) named .png: refused with a field message, nothing stored.
  await page.getByLabel("印章").setInputFiles({
    name: "seal.png",
    mimeType: "image/png",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await page.getByRole("button", { name: "上传印章" }).click();
  await expect(page.getByText(/只能上传 PNG 或 JPEG 图片/).first()).toBeVisible();
  await expect(page.getByText("还没有上传印章。")).toBeVisible();

  const png = await QRCode.toBuffer("seal", { type: "png", width: 200 });
  await page.getByLabel("印章").setInputFiles({ name: "seal.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "上传印章" }).click();
  await expect(page.getByText("已更新印章")).toBeVisible();
  await expect(page.getByText("已上传印章。")).toBeVisible();
  const [audit] = await queryE2eDb<{ detail: string }>(
    `SELECT detail FROM "AuditEvent" WHERE action = 'CERTIFICATE_DESIGN_CHANGE' ORDER BY "createdAt" DESC LIMIT 1`,
  );
  expect(audit?.detail).toBe(`更换印章（image/png，${png.length} 字节）`);

  // The public page names the issuer; then the demo's design is put back for other tests.
  const [cert] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Certificate" ORDER BY id LIMIT 1`);
  await page.goto(`/verify/${cert!.id}`);
  await expect(page.getByText("示范管理咨询有限公司")).toBeVisible();
  // The 结项报告 names the same consultancy.
  const [cohort] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Cohort" WHERE "inviteCode" = 'SPRING26'`);
  await page.goto(`/trainer/cohorts/${cohort!.id}/report`);
  await expect(page.getByRole("article").getByText(/培训实施：示范管理咨询有限公司$/)).toBeVisible({ timeout: 60_000 });
  await reset();
});
