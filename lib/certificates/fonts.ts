// The Chinese font the certificate is drawn with: Noto Sans SC (SIL Open Font License), shipped
// in node_modules by @expo-google-fonts/noto-sans-sc, so nothing is downloaded at run time.
// next.config.js traces these two files into the build output.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");

export const FONT_FILES = {
  regular: path.join(FONT_DIR, "400Regular", "NotoSansSC_400Regular.ttf"),
  bold: path.join(FONT_DIR, "700Bold", "NotoSansSC_700Bold.ttf"),
};

let loaded: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

/** Both weights, read once per process (about 10 MB each). */
export function loadFonts() {
  loaded ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return loaded;
}
