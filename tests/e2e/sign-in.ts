// Signing in through the real form, as a person would (demo accounts share one password).
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/prisma/demo-data";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/(me|trainer|admin)/);
}
