// How people's names sort: by pinyin, as Intl.Collator("zh-CN") orders them (阿强, 陈晓, 李娜, 王芳, 张伟).
// Lists sorted in JavaScript use compareNames. Lists sorted and paged in SQL (the progress matrix,
// exports) order by User.nameSortKey: the database cannot do it itself portably — the embedded
// PGlite's ICU has no Chinese data (ORDER BY name is code-point order there: 吴 before 张 before 阿),
// and a server's zh collation depends on how it was built. So the key is made here, from the same
// collator, and compared byte by byte (COLLATE "C").
const collator = new Intl.Collator("zh-CN");
export const compareNames = (a: string, b: string) => collator.compare(a, b);

// Each character becomes its rank in the zh-CN order of the characters names are written in,
// as four base-36 digits (fixed width, so byte order is rank order). Characters outside the table
// rank after it, by code point.
const WIDTH = 4;
const RANGES: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xff], // Latin-1
  [0x2e80, 0x2fdf], // CJK radicals
  [0x3000, 0x30ff], // CJK punctuation, kana
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff00, 0xffef], // full-width forms
];

let ranks: Map<string, number> | undefined;

function rankTable(): Map<string, number> {
  if (ranks) return ranks;
  // Case and width are not the order's business (a = A); the name itself breaks such ties.
  const base = new Intl.Collator("zh-CN", { sensitivity: "base" });
  const chars: string[] = [];
  for (const [from, to] of RANGES) for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c));
  chars.sort(base.compare);
  const table = new Map<string, number>();
  let rank = 0;
  chars.forEach((ch, i) => {
    if (i > 0 && base.compare(chars[i - 1]!, ch) !== 0) rank++;
    table.set(ch, rank);
  });
  ranks = table;
  return table;
}

/** The key User.nameSortKey holds for a name: byte order of keys = pinyin order of names. */
export function nameSortKey(name: string): string {
  const table = rankTable();
  const after = table.size;
  let key = "";
  for (const ch of name.normalize("NFC")) {
    const rank = table.get(ch) ?? after + ch.codePointAt(0)!;
    key += rank.toString(36).padStart(WIDTH, "0");
  }
  return key;
}
