// Rewrites ASCII punctuation inside Chinese interface text to full-width (，：；？！（）) in app/,
// components/ and lib/ — the same places and the same rule as tests/unit/ui-punctuation.test.ts,
// which fails while any is left. Only string literals, template text and JSX text change.
// Usage: node_modules/.bin/tsx scripts/fix-ui-punctuation.ts   (then review the diff)
import { readFileSync, writeFileSync } from "node:fs";
import { fixAsciiPunctuation, uiSourceFiles } from "../tests/support/ui-punctuation";

let changed = 0;
for (const file of uiSourceFiles()) {
  const code = readFileSync(file, "utf8");
  const fixed = fixAsciiPunctuation(file, code);
  if (fixed !== code) {
    writeFileSync(file, fixed);
    changed++;
    console.log(`已修改 ${file}`);
  }
}
console.log(`${changed} 个文件已改为全角标点`);
