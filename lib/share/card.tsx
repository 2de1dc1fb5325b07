// The share card (Open Graph image, 1200 × 630) of a landing page, lesson, case or certificate:
// what a link pasted into 企业微信, Teams or a mail shows. Only what the page shows to anyone.
import { ACCENT, BACKGROUND, BRAND_100, BRAND_900, clip } from "./palette";

export const CARD_SIZE = { width: 1200, height: 630 } as const;

export type CardInput = {
  /** The small line above the title: "模块 3 · 第 2 课", "银行案例", "结业证书". */
  eyebrow: string;
  title: string;
  /** One or two lines under the title (a summary); cut to fit. */
  text?: string | null;
  /** The bottom line: the site name, or the certificate's facts. */
  footer: string;
  fontFamily: string;
};

export function ShareCard({ eyebrow, title, text, footer, fontFamily }: CardInput) {
  const long = [...title].length > 14;
  return (
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        padding: "70px 80px",
        backgroundImage: BACKGROUND,
        color: "#fff",
        fontFamily,
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
        <div style={{ display: "flex", fontSize: 34, color: ACCENT }}>{clip(eyebrow, 30)}</div>
        <div style={{ display: "flex", marginTop: 28, fontSize: long ? 64 : 88, fontWeight: 700, lineHeight: 1.2 }}>
          {clip(title, 34)}
        </div>
        {text && (
          <div style={{ display: "flex", marginTop: 28, fontSize: 30, lineHeight: 1.5, color: BRAND_100 }}>
            {clip(text, 62)}
          </div>
        )}
        <div style={{ display: "flex", flex: 1 }} />
        <div style={{ display: "flex", fontSize: 28, color: BRAND_100 }}>{clip(footer, 40)}</div>
      </div>
      <CardMark />
    </div>
  );
}

/** The site's mark, a bank card (as in app/icon.svg), on the right of every card. */
function CardMark() {
  return (
    <div style={{ display: "flex", flexDirection: "column", justifyContent: "center", marginLeft: 40 }}>
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          width: 220,
          height: 140,
          borderRadius: 16,
          background: "#fff",
          transform: "rotate(-8deg)",
        }}
      >
        <div style={{ display: "flex", marginTop: 28, height: 28, background: "#e0791a" }} />
        <div style={{ display: "flex", alignItems: "center", marginTop: 22, marginLeft: 22 }}>
          <div style={{ display: "flex", width: 40, height: 30, borderRadius: 6, background: BRAND_900 }} />
          <div
            style={{ display: "flex", width: 110, height: 10, marginLeft: 20, borderRadius: 5, background: "#9db8e0" }}
          />
        </div>
      </div>
    </div>
  );
}
