// The certificate as a PNG, A4 landscape at 150 dpi (1754 × 1240): what a learner long-presses to
// save inside WeChat, and what the print view prints. Drawn on the server by next/og (satori and
// resvg) with the shipped Noto Sans SC, so it looks the same on every phone.
import "server-only";
import { ImageResponse } from "next/og";
import { dataUrl, type CertificateArtwork } from "./artwork";
import { loadFonts } from "./fonts";
import type { CertificateWording } from "./wording";

export const PNG_SIZE = { width: 1754, height: 1240 };

const BRAND = "#174c99";
const INK = "#0f2f5f";
const GOLD = "#b08d3c";

export async function renderCertificatePng(w: CertificateWording, art: CertificateArtwork): Promise<Buffer> {
  const fonts = await loadFonts();
  const image = new ImageResponse(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        padding: 36,
        background: "#fffdf7",
        fontFamily: "Noto Sans SC",
        color: "#1f2937",
      }}
    >
      <div style={{ display: "flex", flex: 1, border: `10px solid ${BRAND}`, padding: 10 }}>
        <div
          style={{
            display: "flex",
            flexDirection: "column",
            flex: 1,
            border: `3px solid ${GOLD}`,
            padding: "40px 90px 44px",
            position: "relative",
          }}
        >
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", height: 96 }}>
            <div style={{ display: "flex", fontSize: 30, color: INK }}>{w.issuer}</div>
            <div style={{ display: "flex", alignItems: "center", fontSize: 30, color: INK }}>
              {art.logo ? (
                // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- satori draws <img>
                <img src={dataUrl(art.logo)} height={80} style={{ marginRight: 20, objectFit: "contain" }} />
              ) : null}
              {w.organisation ?? ""}
            </div>
          </div>
          <div
            style={{
              display: "flex",
              justifyContent: "center",
              marginTop: 24,
              fontSize: 110,
              fontWeight: 700,
              letterSpacing: 40,
              color: INK,
            }}
          >
            {w.title}
          </div>
          <div style={{ display: "flex", marginTop: 40, fontSize: 36 }}>{w.lead}</div>
          <div
            style={{
              display: "flex",
              justifyContent: "center",
              marginTop: 8,
              fontSize: 84,
              fontWeight: 700,
              color: INK,
            }}
          >
            {w.name}
          </div>
          <div style={{ display: "flex", marginTop: 28, fontSize: 38, lineHeight: 1.75, textAlign: "center" }}>
            {w.body}
          </div>
          <div style={{ display: "flex", justifyContent: "center", marginTop: 32, fontSize: 32 }}>
            {w.facts.map((f) => (
              <div key={f.label} style={{ display: "flex", margin: "0 28px" }}>
                <span style={{ color: "#6b7280", marginRight: 12 }}>{f.label}</span>
                <span style={{ fontWeight: 700, color: INK }}>{f.value}</span>
              </div>
            ))}
          </div>
          <div style={{ display: "flex", flex: 1 }} />
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end" }}>
            <div style={{ display: "flex", alignItems: "flex-end" }}>
              {/* eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- satori draws <img> */}
              <img src={dataUrl({ type: "image/png", bytes: art.qr })} width={190} height={190} />
              <div style={{ display: "flex", flexDirection: "column", marginLeft: 20, fontSize: 24, color: "#4b5563" }}>
                <span>{w.verifyHint}</span>
                <span style={{ marginTop: 6, fontSize: 20 }}>{w.verifyAddress}</span>
              </div>
            </div>
            <div
              style={{
                display: "flex",
                flexDirection: "column",
                alignItems: "center",
                width: 520,
                fontSize: 32,
                position: "relative",
              }}
            >
              <span style={{ fontWeight: 700, color: INK }}>{w.issuer}</span>
              <div style={{ display: "flex", alignItems: "center", marginTop: 14, height: 100 }}>
                <span style={{ color: "#4b5563", marginRight: 16 }}>{w.signatory}</span>
                {art.signature ? (
                  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- satori draws <img>
                  <img src={dataUrl(art.signature)} height={96} style={{ objectFit: "contain" }} />
                ) : (
                  <span style={{ width: 220, borderBottom: "2px solid #9ca3af" }} />
                )}
              </div>
              <span style={{ marginTop: 14 }}>{w.date}</span>
              {art.seal ? (
                // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- satori draws <img>
                <img
                  src={dataUrl(art.seal)}
                  width={230}
                  height={230}
                  style={{ position: "absolute", right: 10, bottom: -20, objectFit: "contain", opacity: 0.9 }}
                />
              ) : null}
            </div>
          </div>
          {w.revoked ? (
            <div
              style={{
                display: "flex",
                flexDirection: "column",
                alignItems: "center",
                position: "absolute",
                left: 0,
                right: 0,
                top: 330,
                color: "#b91c1c",
              }}
            >
              <div
                style={{
                  display: "flex",
                  fontSize: 190,
                  fontWeight: 700,
                  letterSpacing: 30,
                  border: "12px solid #b91c1c",
                  padding: "0 40px",
                  transform: "rotate(-12deg)",
                  opacity: 0.85,
                  background: "rgba(255,255,255,0.6)",
                }}
              >
                已撤销
              </div>
              <div style={{ display: "flex", marginTop: 40, fontSize: 40, fontWeight: 700, background: "#fff" }}>
                {w.revoked}
              </div>
            </div>
          ) : null}
        </div>
      </div>
    </div>,
    {
      ...PNG_SIZE,
      fonts: [
        { name: "Noto Sans SC", data: fonts.regular, weight: 400, style: "normal" },
        { name: "Noto Sans SC", data: fonts.bold, weight: 700, style: "normal" },
      ],
    },
  );
  return Buffer.from(await image.arrayBuffer());
}
