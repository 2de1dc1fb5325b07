// Names sort by pinyin everywhere: in JavaScript with Intl.Collator("zh-CN"), in SQL by the byte
// order of User.nameSortKey. The two must agree, or a list would change order between pages.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNames, nameSortKey } from "@/lib/sorting/pinyin";

const byKey = (a: string, b: string) => {
  const [ka, kb] = [nameSortKey(a), nameSortKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

const han = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c));
const common = fc.constantFrom(
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红",
);
const latin = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789");
const name = fc
  .array(fc.oneof({ weight: 6, arbitrary: common }, { weight: 3, arbitrary: han }, { weight: 1, arbitrary: latin }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((cs) => cs.join(""));

describe("pinyin order of names", () => {
  it("orders common names as a Chinese reader expects", () => {
    const names = ["张伟", "王芳", "李娜", "赵敏", "阿强", "陈晓", "周杰", "吴磊"];
    expect([...names].sort(byKey)).toEqual(["阿强", "陈晓", "李娜", "王芳", "吴磊", "张伟", "赵敏", "周杰"]);
    // Code-point order (what ORDER BY name gives on the embedded database) is not pinyin.
    expect([...names].sort()).not.toEqual([...names].sort(byKey));
  });

  it("a shorter name sorts before a longer one that starts with it", () => {
    expect(["张三丰", "张", "张三"].sort(byKey)).toEqual(["张", "张三", "张三丰"]);
  });

  it("sorting by the stored key agrees with Intl.Collator('zh-CN') on generated names", () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 2, maxLength: 30 }), (names) => {
        expect([...names].sort(byKey)).toEqual([...names].sort(compareNames));
      }),
      { numRuns: 300 },
    );
  });
});
