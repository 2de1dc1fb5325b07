import { describe, expect, it } from "vitest";
import type { CertificateFacts } from "@/lib/certificates/facts";
import { certificateWording, verifyUrl } from "@/lib/certificates/wording";

const facts: CertificateFacts = {
  number: "ABCDEFGHJKMNPQRSTUVW",
  userId: "u1",
  name: "张三明",
  courseTitle: "场景化金融生态 — 信用卡业务的转型与发展",
  // 17:30 UTC on the 4th is 01:30 on the 5th in Beijing.
  issuedAt: new Date("2026-03-04T17:30:00Z"),
  band: "GOOD",
  hours: { online: 2.34, classroom: 8, total: 10.34 },
  organisation: { id: "o1", name: "东方示范银行", logoType: null },
  cohort: { id: "c1", name: "信用卡业务骨干班 · 第一期" },
  issuerName: "示范管理咨询有限公司",
  signatoryTitle: "培训负责人",
  revoked: null,
};

describe("the certificate's wording", () => {
  it("dates it in Beijing time and names the bank, class, band and 学时", () => {
    const w = certificateWording(facts, verifyUrl("https://course.example.cn", facts.number));
    expect(w.date).toBe("2026年3月5日");
    expect(w.body).toBe(
      "东方示范银行“信用卡业务骨干班 · 第一期”学员，于2026年3月5日完成《场景化金融生态 — 信用卡业务的转型与发展》全部课程学习，并通过结业考核，准予结业。",
    );
    expect(w.facts).toEqual([
      { label: "结业成绩", value: "良好" },
      { label: "学时", value: "10.3 学时（线上 2.3，课堂 8）" },
      { label: "证书编号", value: "ABCDEFGHJKMNPQRSTUVW" },
    ]);
    expect(w.verifyAddress).toBe("https://course.example.cn/verify/ABCDEFGHJKMNPQRSTUVW");
    expect(w.revoked).toBeNull();
  });

  it("leaves out the class for a learner in none, and states a revocation with its date and reason", () => {
    const w = certificateWording(
      {
        ...facts,
        organisation: null,
        cohort: null,
        revoked: { at: new Date("2026-04-01T16:10:00Z"), reason: "DATA_ERROR" },
      },
      "https://x/verify/1",
    );
    expect(w.body.startsWith("于2026年3月5日完成")).toBe(true);
    expect(w.revoked).toBe("本证书已于 2026-04-02 撤销（证书信息有误），不再有效");
  });
});
