// The Chinese font every server-drawn image uses (posters, share cards): Noto Sans SC (SIL Open
// Font License), shipped in node_modules by @expo-google-fonts/noto-sans-sc, so nothing is
// downloaded at run time. Read from disk by path, which Next's file tracing does not follow: the
// files are listed in next.config.js outputFileTracingIncludes. Full TTFs (10 MB each): satori
// lays out any text with them; they are read once per process and kept.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

export const NOTO_SANS_SC_DIR = "node_modules/@expo-google-fonts/noto-sans-sc";
const FILES = { 400: "400Regular/NotoSansSC_400Regular.ttf", 700: "700Bold/NotoSansSC_700Bold.ttf" } as const;

export const FONT_FAMILY = "Noto Sans SC";

export type ImageFont = { name: string; data: ArrayBuffer; weight: 400 | 700; style: "normal" };

let loading: Promise<ImageFont[]> | undefined;

/** Regular and bold, for next/og's ImageResponse `fonts`. */
export function loadImageFonts(): Promise<ImageFont[]> {
  loading ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: FONT_FAMILY,
      data: toArrayBuffer(await readFile(path.join(process.cwd(), NOTO_SANS_SC_DIR, FILES[weight]))),
      weight,
      style: "normal" as const,
    })),
  ).catch((err: unknown) => {
    loading = undefined; // a later request tries again rather than failing forever
    throw err;
  });
  return loading;
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}
