// npm run user:create -- --email admin@bank.cn --role ADMIN [--name 王敏]
// Creates an account (the first admin, typically). The password is read from USER_PASSWORD
// when set (for scripts), otherwise asked for at the prompt without echoing it.
import { parseArgs } from "node:util";
import { createAccount } from "@/lib/auth/accounts";
import { emailSchema, nameSchema, passwordSchema, roleSchema } from "@/lib/auth/schemas";
import { createPrismaClient } from "@/lib/db/create-client";
import { withDatabase } from "./lib/with-database";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail("没有终端可输入密码:请用 USER_PASSWORD 环境变量提供 (no TTY: set USER_PASSWORD)");
  process.stdout.write(question);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let value = "";
  return new Promise((resolve) => {
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        if (ch === "\u007f") value = value.slice(0, -1);
        else value += ch;
      }
    };
    process.stdin.on("data", onData);
  });
}

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "LEARNER" }, name: { type: "string" } },
});
const email = emailSchema.safeParse(values.email ?? "");
if (!email.success) fail(`--email: ${email.error.issues[0]?.message}`);
const role = roleSchema.safeParse(values.role?.toUpperCase());
if (!role.success) fail("--role: 只能是 LEARNER、TRAINER 或 ADMIN");
const name = nameSchema.safeParse(values.name ?? email.data.split("@")[0]);
if (!name.success) fail(`--name: ${name.error.issues[0]?.message}`);

const raw = process.env.USER_PASSWORD ?? (await promptHidden("密码 (password): "));
const password = passwordSchema.safeParse(raw);
if (!password.success) fail(`密码: ${password.error.issues[0]?.message}`);
if (!process.env.USER_PASSWORD && (await promptHidden("再次输入 (again): ")) !== raw) fail("两次输入的密码不一致");

await withDatabase(async (url) => {
  const db = createPrismaClient(url, 1);
  try {
    const result = await createAccount(db, {
      email: email.data,
      name: name.data,
      password: password.data,
      role: role.data,
    });
    if (!result.ok) fail(Object.values(result.fieldErrors).join("; "));
    console.log(`已创建 (created) ${role.data} ${email.data}`);
  } finally {
    await db.$disconnect();
  }
});
