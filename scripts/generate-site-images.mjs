// Draws the site's icons and share image from hand-written SVG and writes them as committed
// files (app/icon.svg, app/favicon.ico, app/apple-icon.png, public/icons/*.png, public/og-image.png).
// Run by hand when the design changes: `node scripts/generate-site-images.mjs`. The share image
// carries Chinese text, so the machine needs a CJK font (Debian: apt-get install fonts-noto-cjk);
// these static files need nothing at run time. (Images drawn per page or per cohort at run time —
// share cards, QR posters — are lib/share/, with the font shipped in node_modules: decision 0031.)
// sharp comes with Next.js (it is not a dependency of ours); its librsvg turns the SVG into PNG.
import { writeFileSync, mkdirSync } from "node:fs";
import sharp from "sharp";

const BRAND_900 = "#0f2f5f";
const BRAND_600 = "#1d5fbf";
const ACCENT = "#e0791a";

// The mark: a bank card on the brand blue, its stripe in the accent colour, with a chip.
const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="14" fill="${BRAND_600}"/>
  <rect x="10" y="18" width="44" height="30" rx="5" fill="#fff"/>
  <rect x="10" y="24" width="44" height="6" fill="${ACCENT}"/>
  <rect x="15" y="35" width="9" height="7" rx="1.5" fill="${BRAND_900}"/>
  <rect x="29" y="38" width="19" height="3" rx="1.5" fill="#9db8e0"/>
</svg>
`;

// Apple draws its own rounded corners and shows transparency as black: a square, full-bleed tile.
const appleSvg = iconSvg.replace('rx="14" fill', 'rx="0" fill');

// Android crops maskable icons to a circle of 80% of the width: the card shrinks into that zone.
const maskableSvg = appleSvg
  .replace('<rect x="10"', '<g transform="translate(6.4 6.4) scale(0.8)"><rect x="10"')
  .replace("</svg>", "</g></svg>");

const ogSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${BRAND_900}"/>
      <stop offset="1" stop-color="${BRAND_600}"/>
    </linearGradient>
  </defs>
  <rect width="1200" height="630" fill="url(#bg)"/>
  <g transform="translate(820 150) rotate(-8)">
    <rect width="300" height="190" rx="20" fill="#fff" opacity="0.95"/>
    <rect y="40" width="300" height="36" fill="${ACCENT}"/>
    <rect x="28" y="100" width="56" height="42" rx="8" fill="${BRAND_900}"/>
    <rect x="110" y="116" width="160" height="14" rx="7" fill="#9db8e0"/>
  </g>
  <g transform="translate(870 330) rotate(6)" opacity="0.55">
    <rect width="260" height="165" rx="18" fill="#d9eaff"/>
    <rect y="34" width="260" height="30" fill="${BRAND_900}" opacity="0.5"/>
  </g>
  <g font-family="Noto Sans CJK SC" fill="#fff">
    <text x="80" y="150" font-size="34" fill="#ffb870" font-weight="500">信用卡业务培训课程</text>
    <text x="80" y="270" font-size="96" font-weight="700">场景化金融生态</text>
    <text x="80" y="360" font-size="54" font-weight="500">信用卡业务的转型与发展</text>
    <text x="80" y="470" font-size="30" fill="#d9eaff">面向信用卡业务骨干与团队管理者的场景化实战课程</text>
    <text x="80" y="530" font-size="30" fill="#d9eaff">八个模块 · 银行案例 · 互动练习 · 银行内训</text>
  </g>
</svg>
`;

const png = (svg, size) =>
  sharp(Buffer.from(svg), { density: 72 * Math.ceil(size / 64) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

// An .ico file may hold PNG images directly (Windows Vista and every current browser read it).
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

mkdirSync("public/icons", { recursive: true });
writeFileSync("app/icon.svg", iconSvg);
writeFileSync(
  "app/favicon.ico",
  ico([
    { size: 16, data: await png(iconSvg, 16) },
    { size: 32, data: await png(iconSvg, 32) },
    { size: 48, data: await png(iconSvg, 48) },
  ]),
);
writeFileSync("app/apple-icon.png", await png(appleSvg, 180));
writeFileSync("public/icons/icon-192.png", await png(iconSvg, 192));
writeFileSync("public/icons/icon-512.png", await png(iconSvg, 512));
writeFileSync("public/icons/maskable-512.png", await png(maskableSvg, 512));
writeFileSync(
  "public/og-image.png",
  await sharp(Buffer.from(ogSvg)).png({ compressionLevel: 9, palette: true, quality: 90 }).toBuffer(),
);
console.log("写好了 app/icon.svg、app/favicon.ico、app/apple-icon.png、public/icons/、public/og-image.png");
