import { describe, expect, it } from "vitest";
import { mayHavePoster, posterTarget } from "@/lib/share/cohort-poster";
import { clip, splitCourseTitle } from "@/lib/share/palette";
import { posterFileName } from "@/lib/share/poster";

const open = { organisation: { closedAt: null } } as Parameters<typeof mayHavePoster>[1];
const closed = { organisation: { closedAt: new Date("2026-06-30T00:00:00Z") } } as Parameters<typeof mayHavePoster>[1];

describe("who gets which poster of a cohort they can see", () => {
  it("gives the invite poster (the invite link) to trainers and admins while the bank is a client", () => {
    expect(mayHavePoster("TRAINER", open, "invite")).toBeNull();
    expect(mayHavePoster("ADMIN", open, "invite")).toBeNull();
    expect(mayHavePoster("TRAINER", closed, "invite")).toMatchObject({ code: "ORGANISATION_CLOSED", status: 409 });
  });

  it("keeps the invite link from the bank's read-only client admin, who still gets the course poster", () => {
    expect(mayHavePoster("CLIENT_ADMIN", open, "invite")).toMatchObject({ code: "INVITE_NOT_YOURS", status: 403 });
    expect(mayHavePoster("CLIENT_ADMIN", open, "course")).toBeNull();
  });

  it("points the QR code at the join link or the course, on the public address", () => {
    expect(posterTarget("invite", "https://training.bank.cn", "DEMO2026")).toBe(
      "https://training.bank.cn/join/DEMO2026",
    );
    expect(posterTarget("course", "https://training.bank.cn", "DEMO2026")).toBe("https://training.bank.cn/course");
  });

  it("names the file after the class and the kind of poster", () => {
    expect(posterFileName("invite", "信用卡业务骨干班 · 第一期")).toBe("信用卡业务骨干班 · 第一期-邀请海报.png");
    expect(posterFileName("course", "华南分行")).toBe("华南分行-课程海报.png");
  });
});

describe("text on drawn images", () => {
  it("splits the course title into its name and the line under it", () => {
    expect(splitCourseTitle("场景化金融生态 — 信用卡业务的转型与发展")).toEqual({
      name: "场景化金融生态",
      line: "信用卡业务的转型与发展",
    });
    expect(splitCourseTitle("零售信贷")).toEqual({ name: "零售信贷", line: null });
  });

  it("cuts long text by characters, not UTF-16 units, and marks the cut", () => {
    expect(clip("银商合作", 10)).toBe("银商合作");
    expect(clip("一二三四五六", 4)).toBe("一二三…");
    expect([...clip("𠮷".repeat(10), 5)]).toHaveLength(5);
  });
});
