// What the trainer takes away from issuing activation links: the printable 开通通知 (one block per
// learner with a QR code drawn here, on the server, as SVG: nothing is fetched from anywhere)
// and the same links as an .xlsx, both built from one issue, since the tokens exist only now.
import "server-only";
import QRCode from "qrcode";
import { env } from "@/lib/env";
import { toXlsx } from "@/lib/export/tabular";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { IssuedFor, SignInId } from "./account-links";
import { signInIdOf } from "./account-links";
import { linkPath } from "./one-time-links";

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

export type NoticeEntry = {
  id: string;
  name: string;
  organisationName: string | null;
  branch: string | null;
  department: string | null;
  signInId: SignInId | null;
  url: string;
  qrSvg: string;
  /** Beijing time, as printed. */
  expires: string;
};

/** One learner's link, shown once on their page. */
export type LearnerLink = { purpose: "ACTIVATE" | "RESET"; url: string; qrSvg: string; expires: string };

export type ActivationNotices = { entries: NoticeEntry[]; xlsxBase64: string; fileName: string };

export async function buildActivationNotices(
  issued: IssuedFor[],
  origin: string,
  cohortName: string,
  now = new Date(),
): Promise<ActivationNotices> {
  const entries = await Promise.all(
    issued.map(async (l): Promise<NoticeEntry> => {
      const url = `${origin}${linkPath("ACTIVATE", l.token)}`;
      return {
        id: l.id,
        name: l.name,
        organisationName: l.organisation?.name ?? null,
        branch: l.branch,
        department: l.department,
        signInId: signInIdOf(l),
        url,
        qrSvg: await qrSvg(url),
        expires: formatDateTime(l.expiresAt),
      };
    }),
  );
  const xlsx = await toXlsx<(typeof issued)[number] & { url: string }>(
    "开通链接",
    [
      { header: "姓名", value: (r) => r.name, width: 12 },
      { header: "工号", value: (r) => r.employeeNo, width: 12 },
      { header: "手机", value: (r) => r.mobile, width: 14 },
      { header: "邮箱", value: (r) => r.email, width: 24 },
      { header: "分行", value: (r) => r.branch, width: 14 },
      { header: "支行/部门", value: (r) => r.department, width: 14 },
      { header: "登录账号", value: (r) => signInIdOf(r)?.value, width: 16 },
      { header: "开通链接", value: (r) => r.url, width: 70 },
      // As text in Beijing time: an Excel date cell would show the UTC time of day.
      { header: "有效期至（北京时间）", value: (r) => formatDateTime(r.expiresAt), width: 20 },
    ],
    issued.map((l, i) => ({ ...l, url: entries[i]!.url })),
  );
  const day = formatDateTime(now).slice(0, 10);
  return {
    entries,
    xlsxBase64: xlsx.toString("base64"),
    fileName: `开通链接-${cohortName.replace(/[\\/:*?"<>|]/g, "_")}-${day}.xlsx`,
  };
}

/** The site's address for links a trainer hands out: the configured one, else the address they are using. */
export function siteOrigin(h: Headers): string {
  if (env.SITE_URL) return env.SITE_URL.replace(/\/$/, "");
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${h.get("host") ?? "localhost"}`;
}
