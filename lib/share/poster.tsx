// The QR posters a trainer drops into a class's WeChat group (1080 × 1440, a phone screen's shape):
// the course, the bank and the class, and one QR code — to join the class (the invite link) or to
// open the course. Drawn by next/og (lib/share/render.ts); satori needs flex on every box.
import { ACCENT, BACKGROUND, BRAND_100, BRAND_900, clip, splitCourseTitle } from "./palette";

export const POSTER_SIZE = { width: 1080, height: 1440 } as const;
export const POSTER_QR_PX = 400;

export const POSTER_KINDS = ["invite", "course"] as const;
export type PosterKind = (typeof POSTER_KINDS)[number];

export type PosterInput = {
  kind: PosterKind;
  courseTitle: string;
  bankName: string;
  cohortName: string;
  /** "2026-03-02 至 2026-04-10", or null when the class has no dates. */
  dates: string | null;
  /** The invite code, printed under the QR code for whoever cannot scan. */
  inviteCode: string | null;
  qrDataUrl: string;
  fontFamily: string;
};

// Two short lines each: "long-press to recognise the QR code" is how WeChat opens one in a picture.
const CALL_TO_ACTION: Record<PosterKind, { scan: [string, string]; then: string }> = {
  invite: { scan: ["长按识别二维码", "加入班级"], then: "注册或登录后即加入本班，用手机就能学" },
  course: { scan: ["长按识别二维码", "开始学习"], then: "模块课文 · 银行案例 · 随堂测验，手机随时学" },
};

export function posterFileName(kind: PosterKind, cohortName: string): string {
  return `${cohortName}-${kind === "invite" ? "邀请海报" : "课程海报"}.png`;
}

export function Poster({
  kind,
  courseTitle,
  bankName,
  cohortName,
  dates,
  inviteCode,
  qrDataUrl,
  fontFamily,
}: PosterInput) {
  const { name, line } = splitCourseTitle(courseTitle);
  const cta = CALL_TO_ACTION[kind];
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        padding: "90px 80px 70px",
        backgroundImage: BACKGROUND,
        color: "#fff",
        fontFamily,
      }}
    >
      <div style={{ display: "flex", fontSize: 36, color: ACCENT }}>信用卡业务培训课程</div>
      <div style={{ display: "flex", marginTop: 24, fontSize: 104, fontWeight: 700, lineHeight: 1.1 }}>{name}</div>
      {line && <div style={{ display: "flex", marginTop: 20, fontSize: 52 }}>{line}</div>}
      <div style={{ display: "flex", flexDirection: "column", marginTop: 64, fontSize: 40, color: BRAND_100 }}>
        <div style={{ display: "flex", fontWeight: 700, color: "#fff" }}>{clip(bankName, 24)}</div>
        <div style={{ display: "flex", marginTop: 12 }}>{clip(cohortName, 26)}</div>
        {dates && <div style={{ display: "flex", marginTop: 12, fontSize: 32 }}>{dates}</div>}
      </div>
      <div style={{ display: "flex", flex: 1 }} />
      <div
        style={{
          display: "flex",
          alignItems: "center",
          padding: 40,
          borderRadius: 32,
          background: "#fff",
          color: BRAND_900,
        }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- satori draws <img>, not next/image */}
        <img src={qrDataUrl} width={POSTER_QR_PX} height={POSTER_QR_PX} alt="" />
        <div style={{ display: "flex", flexDirection: "column", marginLeft: 40, flex: 1 }}>
          {cta.scan.map((text) => (
            <div key={text} style={{ display: "flex", fontSize: 46, fontWeight: 700, lineHeight: 1.3 }}>
              {text}
            </div>
          ))}
          <div style={{ display: "flex", marginTop: 20, fontSize: 30, color: "#374151", lineHeight: 1.4 }}>
            {cta.then}
          </div>
          {inviteCode && (
            <div style={{ display: "flex", marginTop: 28, fontSize: 30, color: "#374151" }}>
              邀请码 <span style={{ marginLeft: 12, fontWeight: 700, color: BRAND_900 }}>{inviteCode}</span>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
