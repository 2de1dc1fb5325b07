// @ts-check
// Every environment variable the app reads, checked once. next.config.js imports this file, so
// a missing or malformed variable stops `next build` / `next start` with a message naming it;
// scripts/start.ts imports it too. Plain JS (not TS) because next.config.js loads it directly.
import { z } from "zod";
import { parseTrustedProxies } from "./security/client-address.js";

/** @param {number} fallback */
const port = (fallback) =>
  z.coerce
    .number({ error: "必须是数字 (must be a number)" })
    .int("必须是整数 (must be an integer)")
    .min(1, "端口范围 1-65535 (port 1-65535)")
    .max(65535, "端口范围 1-65535 (port 1-65535)")
    .default(fallback);

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Unset: scripts/start.ts serves an embedded PostgreSQL (PGlite) and sets it for the app.
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, "必须是 postgresql:// 开头的连接串 (must be a postgresql:// URL)")
        .optional(),
    ),
    PORT: port(3000),
    HOSTNAME: z.string().trim().min(1).default("0.0.0.0"),
    EMBEDDED_DB_PORT: port(54329),
    EMBEDDED_DB_DIR: z.string().trim().min(1).default(".data/pglite"),
    // "true" / "false": demo data is seeded into the embedded database by default, never into a
    // production database unless asked for.
    SEED_DEMO_DATA: optionalString.pipe(z.enum(["true", "false"]).optional()),
    SITE_URL: optionalString.pipe(z.url("必须是完整网址 (must be an absolute URL)").optional()),
    // Signs the session cookies. npm start creates and keeps one in .data/ for the embedded
    // database; with DATABASE_URL (production) it must be set: `openssl rand -base64 32`.
    NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "至少 32 个字符 (at least 32 characters)").optional()),
    NEXTAUTH_URL: optionalString.pipe(z.url("必须是完整网址 (must be an absolute URL)").optional()),
    // Enquiry notifications by mail. Unset SMTP_URL: no mail, the inbox (/trainer/enquiries) is the
    // notification. e.g. smtps://user:password@smtp.bank.cn:465 or smtp://127.0.0.1:25
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/.+/, "必须是 smtp:// 或 smtps:// 开头 (must be an smtp:// or smtps:// URL)")
        .optional(),
    ),
    ENQUIRY_NOTIFY_TO: optionalString.pipe(z.email("必须是邮箱地址 (must be an email address)").optional()),
    MAIL_FROM: optionalString.pipe(z.string().min(3).optional()),
    // How long enquiries keep their personal data before `npm run enquiries:purge` erases it.
    ENQUIRY_RETENTION_DAYS: z.coerce
      .number({ error: "必须是数字 (must be a number)" })
      .int()
      .min(1)
      .max(3650)
      .default(180),
    // Proxies whose X-Forwarded-For is believed: addresses or CIDR blocks, comma-separated, or
    // "loopback". Unset: nobody's; the client is the TCP peer (lib/security/client-address.js).
    // Behind deploy/nginx.conf on the same host: TRUSTED_PROXIES=127.0.0.1
    TRUSTED_PROXIES: optionalString.superRefine((v, ctx) => {
      const r = parseTrustedProxies(v);
      if (!r.ok) ctx.addIssue({ code: "custom", message: r.message });
    }),
    // Shown to a prospect whose submission was refused (rate limit), so a real person can still reach someone.
    ENQUIRY_CONTACT: optionalString,
  })
  .superRefine((v, ctx) => {
    if (v.SMTP_URL && !v.ENQUIRY_NOTIFY_TO) {
      ctx.addIssue({
        code: "custom",
        path: ["ENQUIRY_NOTIFY_TO"],
        message: "设置了 SMTP_URL 时必须设置收件地址 (required when SMTP_URL is set)",
      });
    }
  });

/** @typedef {z.infer<typeof envSchema>} Env */

/**
 * @param {Record<string, string | undefined>} source
 * @returns {Env}
 */
export function parseEnv(source) {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
  throw new Error(`环境变量配置有误 (invalid environment variables):\n${lines.join("\n")}\n参见 .env.example`);
}

export const env = parseEnv(process.env);
