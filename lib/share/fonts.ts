// The Chinese font every server-drawn image uses (posters, share cards): Noto Sans SC (SIL Open
// Font License), shipped in node_modules by @expo-google-fonts/noto-sans-sc, so nothing is
// downloaded at run time. Full TTFs (10 MB each): satori lays out any text with them; they are
// read once per process and kept. The paths are written out whole so that file tracing copies
// these two files, not the package's nine weights (next.config.js also lists them).
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

export const FONT_FAMILY = "Noto Sans SC";

export type ImageFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };

let loading: Promise<ImageFont[]> | undefined;

/** Regular and bold, for next/og's ImageResponse `fonts`. */
export function loadImageFonts(): Promise<ImageFont[]> {
  loading ??= Promise.all([
    readFile(
      path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
    ),
    readFile(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf")),
  ]).then(
    ([regular, bold]) => [font(regular, 400), font(bold, 700)],
    (err: unknown) => {
      loading = undefined; // a later request tries again rather than failing forever
      throw err;
    },
  );
  return loading;
}

function font(b: Buffer, weight: 400 | 700): ImageFont {
  const data = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  return { name: FONT_FAMILY, data, weight, style: "normal" };
}
