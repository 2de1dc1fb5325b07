import { describe, expect, it } from "vitest";
import { maskName, scoreBand, SCORE_BAND_LABELS } from "@/lib/certificates/rules";

describe("the final score band", () => {
  it("is 优秀 from 90, 良好 from 80, otherwise 合格", () => {
    const band = (p: number | null) => SCORE_BAND_LABELS[scoreBand(p)];
    expect([100, 90, 89.9, 80, 79.99, 60].map(band)).toEqual(["优秀", "优秀", "良好", "良好", "合格", "合格"]);
  });

  it("is 合格 when the course had no scored final", () => {
    expect(scoreBand(null)).toBe("PASS");
  });
});

describe("the masked name on the verification page", () => {
  it("keeps the first and last character and stars the rest", () => {
    expect(maskName("张三明")).toBe("张*明");
    expect(maskName("欧阳明月")).toBe("欧**月");
    expect(maskName("张三")).toBe("张*");
    expect(maskName("李")).toBe("*");
    expect(maskName("  王小二 ")).toBe("王*二");
  });

  it("counts characters, not UTF-16 units, so rare characters are not split", () => {
    expect(maskName("𠀋小𠀋")).toBe("𠀋*𠀋");
  });
});
