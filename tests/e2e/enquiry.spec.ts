import { readFileSync } from "node:fs";
import { clientAddressHeader, expect, noChromium, test } from "./fixtures";
import { signIn } from "./sign-in";
import { E2E_PORT, queryE2eDb } from "./server";

// Skipped only on a machine without Debian's Chromium, outside CI (noChromium says so); under CI it never skips.
test.skip(noChromium !== null, noChromium ?? "");

// The form refuses anything sent within 3 s of being handed out (a bot's speed); a person
// takes longer, a test has to wait that long on purpose.
const HUMAN_PAUSE_MS = 3_200;

test("a prospect corrects mistakes and sends; a trainer finds it, opens it and marks it 已联系", async ({ page }) => {
  test.setTimeout(90_000);
  const name = `测试客户${Date.now() % 1_000_000}`;
  const xss = `<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">请回电`;
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });

  await page.goto("/enquiry");
  const form = page.getByRole("form", { name: "咨询表单" });
  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.getByText("请填写姓名")).toBeVisible();
  await expect(form.getByText("请填写您所在的银行或分支机构")).toBeVisible();
  await expect(form.getByText("手机号和邮箱请至少填写一项，方便我们联系您").first()).toBeVisible();
  await expect(form.getByText("请阅读并勾选《个人信息处理说明》后再提交")).toBeVisible();

  await form.getByLabel("姓名 *").fill(name);
  await form.getByLabel("单位（银行 / 分支机构）*").fill("示例银行测试分行");
  await form.getByLabel("手机号").fill("12345");
  await form.getByLabel("邮箱").fill("not-an-email");
  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.getByText("请填写 11 位中国大陆手机号，如 138 0013 8000")).toBeVisible();
  await expect(form.getByText("请填写有效的邮箱地址，如 name@bank.com.cn")).toBeVisible();
  await expect(form.getByText("请填写姓名")).toBeHidden();

  await form.getByLabel("手机号").fill("+86 139 1234 5678");
  await form.getByLabel("邮箱").fill("");
  await form.getByLabel("咨询意向").selectOption({ label: "银行内训定制" });
  await form.getByLabel("预计参训人数").fill("45");
  await form.getByLabel("留言").fill(xss);
  await form.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  await form.getByRole("button", { name: "提交" }).click();
  await expect(page).toHaveURL("/enquiry/thanks");
  await expect(page.getByRole("heading", { name: "谢谢，我们已收到您的咨询" })).toBeVisible();
  const [stored] = await queryE2eDb<{ id: string; phone: string; email: string | null; noticeVersion: string }>(
    `SELECT id, phone, email, "noticeVersion" FROM "Enquiry" WHERE name = $1`,
    [name],
  );
  expect(stored).toMatchObject({
    phone: "13912345678",
    email: null,
    noticeVersion: expect.stringMatching(/^2026-11-v1\+\d+d$/),
  });

  // The trainer.
  await signIn(page, "trainer@demo.local");
  await page.goto("/trainer");
  await page.getByRole("link", { name: "咨询收件箱 →" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("139****5678"); // masked in the list
  await expect(row).toContainText("新");
  await expect(page.getByText("13912345678")).toHaveCount(0);
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("13912345678")).toBeVisible(); // in full on the detail page
  // The message is shown as the text that was typed; nothing in it ran.
  await expect(page.getByTestId("enquiry-message")).toHaveText(xss);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toBe(0);

  const followUp = page.getByRole("form", { name: "跟进" });
  await followUp.getByLabel("状态").selectOption({ label: "已联系" });
  await followUp.getByLabel("跟进备注").fill("已电话联系,约下周演示");
  await followUp.getByRole("button", { name: "保存跟进" }).click();
  await expect(followUp.getByRole("status")).toHaveText("已保存：状态已改为“已联系”，备注已添加");
  await page.reload();
  await expect(page.getByText(/^状态[:：]已联系$/)).toBeVisible();
  await expect(page.getByText(/状态[:：]新 → 已联系/)).toBeVisible();
  await expect(page.getByText("已电话联系,约下周演示")).toBeVisible();
  await page.goto(`/trainer/enquiries?status=CONTACTED&q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("已联系");
});

test("the compact form at the end of the course overview sends an enquiry too", async ({ page }) => {
  const name = `概览客户${Date.now() % 1_000_000}`;
  await page.goto("/course");
  const form = page.getByRole("form", { name: "快速咨询" });
  await form.getByLabel("姓名 *").fill(name);
  await form.getByLabel("单位（银行 / 分支机构）*").fill("示例银行");
  await form.getByLabel("邮箱").fill("Buyer@Example.COM");
  await form.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  await form.getByRole("button", { name: "提交" }).click();
  await expect(page).toHaveURL("/enquiry/thanks");
  const rows = await queryE2eDb<{ email: string }>(`SELECT email FROM "Enquiry" WHERE name = $1`, [name]);
  expect(rows).toEqual([{ email: "buyer@example.com" }]);
});

test("without JavaScript the enquiry page still sends: the first 提交 gets a token back, the second goes through", async ({
  browser,
}) => {
  // The page is static (its token is fetched by script); a browser without script posts the form.
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: clientAddressHeader() });
  const page = await context.newPage();
  const name = `无脚本客户${Date.now() % 1_000_000}`;
  await page.goto("/enquiry");
  const form = page.getByRole("form", { name: "咨询表单" });
  await form.getByLabel("姓名 *").fill(name);
  await form.getByLabel("单位（银行 / 分支机构）*").fill("示例银行无脚本支行");
  await form.getByLabel("邮箱").fill("noscript@example.com");
  await form.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
  await form.getByRole("button", { name: "提交" }).click();
  await expect(page.getByText("请确认信息无误后，再点一次“提交”。")).toBeVisible();
  await expect(page.getByLabel("姓名 *")).toHaveValue(name); // nothing typed is lost
  expect(await queryE2eDb(`SELECT id FROM "Enquiry" WHERE name = $1`, [name])).toEqual([]);
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
  await page.getByRole("button", { name: "提交" }).click();
  await expect(page).toHaveURL("/enquiry/thanks");
  expect(await queryE2eDb(`SELECT id FROM "Enquiry" WHERE name = $1`, [name])).toHaveLength(1);
  await context.close();
});

test("abuse: a honeypot or a too-fast submit is refused; the 6th enquiry from one address in an hour gets 429", async ({
  playwright,
}) => {
  test.setTimeout(60_000);
  const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  const api = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    extraHTTPHeaders: { "X-Forwarded-For": ip },
  });
  try {
    const tag = `滥用测试${Date.now() % 1_000_000}`;
    const body = (n: number, extra: Record<string, unknown> = {}) => ({
      name: tag,
      organisation: "示例银行",
      email: "abuse@example.com",
      message: `第 ${n} 条`,
      consent: "on",
      ...extra,
    });
    const { token } = (await (await api.get("/api/enquiries/token")).json()) as { token: string };

    const tooFast = await api.post("/api/enquiries", { data: body(0, { formToken: token }) });
    expect(tooFast.status()).toBe(400);
    expect((await tooFast.json()).error).toContain("提交得太快了");
    const forged = await api.post("/api/enquiries", { data: body(0, { formToken: `${Date.now() - 60_000}.forged` }) });
    expect(forged.status()).toBe(400);

    await new Promise((r) => setTimeout(r, HUMAN_PAUSE_MS));
    const honeypot = await api.post("/api/enquiries", {
      data: body(0, { formToken: token, website: "http://spam.example" }),
    });
    expect(honeypot.status()).toBe(400);
    expect((await honeypot.json()).error).toContain("如果您不是自动程序，请刷新页面后重新填写");
    const noConsent = await api.post("/api/enquiries", { data: body(0, { formToken: token, consent: "" }) });
    expect(noConsent.status()).toBe(422);
    expect((await noConsent.json()).fieldErrors).toEqual({ consent: "请阅读并勾选《个人信息处理说明》后再提交" });

    // One token sends one enquiry: a fresh form (token) for each, opened a moment ago.
    const tokens = await Promise.all(
      Array.from(
        { length: 6 },
        async () => ((await (await api.get("/api/enquiries/token")).json()) as { token: string }).token,
      ),
    );
    await new Promise((r) => setTimeout(r, HUMAN_PAUSE_MS));
    const ids: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const res = await api.post("/api/enquiries", { data: body(n, { formToken: tokens[n] }) });
      expect(res.status(), `enquiry ${n}`).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // Replaying a used token for a different enquiry is refused (L5).
    const replay = await api.post("/api/enquiries", { data: body(7, { formToken: tokens[1] }) });
    expect(replay.status()).toBe(400);
    expect((await replay.json()).error).toContain("这份表单已经提交过了");
    // The first token (already past the screens above) sends the fifth.
    const fifth = await api.post("/api/enquiries", { data: body(5, { formToken: token }) });
    expect(fifth.status()).toBe(201);
    ids.push(((await fifth.json()) as { id: string }).id);
    // The same submission again within a minute: the same enquiry, not a new one, and not refused.
    const again = await api.post("/api/enquiries", { data: body(5, { formToken: token }) });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ id: ids[4], duplicate: true });

    const sixth = await api.post("/api/enquiries", { data: body(6, { formToken: tokens[5] }) });
    expect(sixth.status()).toBe(429);
    expect((await sixth.json()).error).toContain("一小时内最多提交 5 次");
    const stored = await queryE2eDb<{ n: string }>(`SELECT count(*) AS n FROM "Enquiry" WHERE name = $1`, [tag]);
    expect(Number(stored[0]!.n)).toBe(5);
  } finally {
    await api.dispose();
  }
});

test("an admin sees in the audit trail who opened an enquiry's contact details and who exported the inbox", async ({
  browser,
}) => {
  const [enquiry] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "Enquiry" WHERE "erasedAt" IS NULL ORDER BY "createdAt" LIMIT 1`,
  );
  if (!enquiry) throw new Error("the demo data has no enquiry");

  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await signIn(trainer, "trainer2@demo.local");
  await trainer.goto(`/trainer/enquiries/${enquiry.id}`);
  await expect(trainer.getByText("都会记入个人信息操作记录")).toBeVisible();
  // Listing and hovering (which may prefetch) is not viewing: only the opened enquiry counts.
  await trainer.goto(`/trainer/enquiries?q=${encodeURIComponent("林晓梅")}`);
  const other = trainer.getByRole("link", { name: "林晓梅" });
  await other.hover();
  await trainer.waitForLoadState("networkidle");
  const [otherRow] = await queryE2eDb<{ id: string }>(
    `SELECT id FROM "Enquiry" WHERE name = '林晓梅' AND "erasedAt" IS NULL`,
  );
  const otherViews = await queryE2eDb<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'ENQUIRY_VIEW' AND "actorName" = '培训师 赵蕾' AND target = $1`,
    [otherRow!.id],
  );
  expect(Number(otherViews[0]!.n)).toBe(0);
  await trainer.goto("/trainer/enquiries?status=CLOSED");
  const download = trainer.waitForEvent("download");
  await trainer.getByRole("link", { name: "导出 CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await trainerContext.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@demo.local");
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "个人信息操作记录" }).click();
  const filter = admin.getByRole("search", { name: "筛选操作记录" });
  await filter.getByLabel("操作类型").selectOption({ label: "查看咨询联系方式" });
  await filter.getByLabel("操作人").fill("赵蕾");
  await filter.getByRole("button", { name: "筛选" }).click();
  const viewed = admin.getByRole("row").filter({ hasText: enquiry.id });
  await expect(viewed.first()).toContainText("培训师 赵蕾");
  await expect(viewed.first()).toContainText("查看咨询联系方式");
  // The target links to the enquiry itself.
  await expect(viewed.first().getByRole("link", { name: enquiry.id })).toHaveAttribute(
    "href",
    `/trainer/enquiries/${enquiry.id}`,
  );

  await filter.getByLabel("操作类型").selectOption({ label: "导出咨询" });
  await filter.getByRole("button", { name: "筛选" }).click();
  const exported = admin.getByRole("row").filter({ hasText: "csv;状态：已关闭" });
  await expect(exported.first()).toContainText("培训师 赵蕾");
  // No prospect's name or number appears anywhere in the trail.
  const [detail] = await queryE2eDb<{ name: string; phone: string | null }>(
    `SELECT name, phone FROM "Enquiry" WHERE id = $1`,
    [enquiry.id],
  );
  await expect(admin.getByText(detail!.name)).toHaveCount(0);

  // The filtered trail goes out as a file for the compliance review.
  const [file] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByRole("link", { name: "导出 CSV" }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/^个人信息操作记录-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8");
  expect(csv.startsWith("\uFEFF时间,操作人,操作,对象编号,条数,说明")).toBe(true);
  const lines = csv.trim().split(/\r?\n/).slice(1);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.includes("导出咨询"))).toBe(true); // the filter carried over
  expect(lines.some((l) => l.includes("培训师 赵蕾") && l.includes("csv;状态：已关闭"))).toBe(true);
  expect(csv).not.toContain(detail!.name);
  await adminContext.close();
});

test("follow-up: the saved status and history show at once; a note-only save keeps the status", async ({ page }) => {
  const name = `跟进客户${Date.now() % 1_000_000}`;
  const id = `e2efollow${Date.now()}`;
  // A stored enquiry, as the intake writes it (the form itself is covered above).
  await queryE2eDb(
    `INSERT INTO "Enquiry" (id, name, organisation, phone, "consentAt", "noticeVersion", fingerprint, "updatedAt")
     VALUES ($1, $2, '示例银行', '13800001111', now(), 'test', $1, now())`,
    [id, name],
  );
  await signIn(page, "trainer@demo.local");
  await page.goto(`/trainer/enquiries/${id}`);
  const followUp = page.getByRole("form", { name: "跟进" });
  const history = page.getByRole("list", { name: "跟进记录" });

  await followUp.getByLabel("状态").selectOption({ label: "已联系" });
  await followUp.getByRole("button", { name: "保存跟进" }).click();
  await expect(followUp.getByRole("status")).toContainText("已保存");
  // No reload: the page shows the new status and the change in the history straight away.
  await expect(page.getByText(/^状态[:：]已联系$/)).toBeVisible();
  await expect(history.getByText(/状态[:：]新 → 已联系/)).toBeVisible();
  await expect(followUp.getByLabel("状态")).toHaveValue("CONTACTED");

  await followUp.getByLabel("跟进备注").fill("客户要下周的方案");
  await followUp.getByRole("button", { name: "保存跟进" }).click();
  await expect(history.getByText("客户要下周的方案")).toBeVisible();
  await expect(page.getByText(/^状态[:：]已联系$/)).toBeVisible();
  const rows = await queryE2eDb<{ status: string; changes: string; notes: string }>(
    `SELECT status,
            (SELECT count(*) FROM "EnquiryStatusChange" c WHERE c."enquiryId" = e.id) AS changes,
            (SELECT count(*) FROM "EnquiryNote" n WHERE n."enquiryId" = e.id) AS notes
       FROM "Enquiry" e WHERE id = $1`,
    [id],
  );
  expect(rows[0]).toEqual({ status: "CONTACTED", changes: "1", notes: "1" });
});
