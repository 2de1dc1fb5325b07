// The certificate as a one-page A4 landscape PDF, for HR's staff file: the same wording as the
// PNG, laid out in points, with Noto Sans SC embedded as a subset (pdfkit keeps only the glyphs
// used), so the file is small and its text can be selected and searched.
import "server-only";
import PDFDocument from "pdfkit";
import type { CertificateArtwork } from "./artwork";
import { FONT_FILES } from "./fonts";
import type { CertificateWording } from "./wording";

const BRAND = "#174c99";
const INK = "#0f2f5f";
const GOLD = "#b08d3c";
const GREY = "#4b5563";

export function renderCertificatePdf(w: CertificateWording, art: CertificateArtwork): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 0,
    info: { Title: `${w.title} ${w.facts.find((f) => f.label === "证书编号")?.value ?? ""}`, Author: w.issuer },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", FONT_FILES.regular);
  doc.registerFont("bold", FONT_FILES.bold);
  const W = doc.page.width;
  const H = doc.page.height;
  const inner = { x: 70, w: W - 140 };

  doc.rect(0, 0, W, H).fill("#fffdf7");
  doc
    .lineWidth(5)
    .rect(20, 20, W - 40, H - 40)
    .stroke(BRAND);
  doc
    .lineWidth(1.5)
    .rect(28, 28, W - 56, H - 56)
    .stroke(GOLD);

  doc
    .font("regular")
    .fontSize(14)
    .fillColor(INK)
    .text(w.issuer, inner.x, 52, { width: inner.w / 2 });
  if (w.organisation) {
    const logoWidth = art.logo ? 46 : 0;
    doc.text(w.organisation, inner.x + inner.w / 2, 52, { width: inner.w / 2 - logoWidth - 8, align: "right" });
    if (art.logo) doc.image(Buffer.from(art.logo.bytes), inner.x + inner.w - logoWidth, 40, { fit: [logoWidth, 40] });
  }

  doc
    .font("bold")
    .fontSize(52)
    .fillColor(INK)
    .text(w.title, inner.x, 96, { width: inner.w, align: "center", characterSpacing: 18 });
  doc.font("regular").fontSize(17).fillColor("#1f2937").text(w.lead, inner.x, 186);
  doc.font("bold").fontSize(40).fillColor(INK).text(w.name, inner.x, 206, { width: inner.w, align: "center" });
  doc
    .font("regular")
    .fontSize(18)
    .fillColor("#1f2937")
    .text(w.body, inner.x + 20, 268, { width: inner.w - 40, align: "center", lineGap: 8 });
  const factsLine = w.facts.map((f) => `${f.label}  ${f.value}`).join("      ");
  doc.fontSize(15).fillColor(INK).text(factsLine, inner.x, 348, { width: inner.w, align: "center" });

  // Bottom left: the QR code to the verification page.
  doc.image(art.qr, inner.x, H - 168, { width: 96, height: 96 });
  doc
    .fontSize(11)
    .fillColor(GREY)
    .text(w.verifyHint, inner.x + 106, H - 110)
    .fontSize(9)
    .text(w.verifyAddress, inner.x + 106, H - 92, { width: 260 });

  // Bottom right: issuer, signatory and signature, date, and the seal over them.
  const signX = W - 340;
  doc
    .font("bold")
    .fontSize(16)
    .fillColor(INK)
    .text(w.issuer, signX, H - 170, { width: 260, align: "center" });
  doc
    .font("regular")
    .fontSize(15)
    .fillColor(GREY)
    .text(w.signatory, signX + 20, H - 128);
  if (art.signature) {
    doc.image(Buffer.from(art.signature.bytes), signX + 110, H - 148, { fit: [130, 48] });
  } else {
    doc
      .lineWidth(1)
      .moveTo(signX + 110, H - 112)
      .lineTo(signX + 240, H - 112)
      .stroke("#9ca3af");
  }
  doc
    .fontSize(15)
    .fillColor("#1f2937")
    .text(w.date, signX, H - 88, { width: 260, align: "center" });
  if (art.seal) doc.image(Buffer.from(art.seal.bytes), signX + 150, H - 180, { fit: [112, 112] });

  if (w.revoked) {
    doc.save().rotate(-12, { origin: [W / 2, H / 2] });
    doc
      .lineWidth(6)
      .rect(W / 2 - 190, H / 2 - 80, 380, 130)
      .stroke("#b91c1c");
    doc
      .font("bold")
      .fontSize(90)
      .fillColor("#b91c1c")
      .text("已撤销", W / 2 - 190, H / 2 - 72, { width: 380, align: "center" });
    doc.restore();
    doc
      .font("bold")
      .fontSize(18)
      .fillColor("#b91c1c")
      .text(w.revoked, inner.x, H / 2 + 90, { width: inner.w, align: "center" });
  }
  doc.end();
  return done;
}
