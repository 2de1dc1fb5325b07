// The certificate's facts, who may see it in full, the public verification facts and revoking,
// on a real database (decision 0030).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCertificateId } from "@/lib/certificates/certificates";
import { setCertificateImage, getCertificateDesign } from "@/lib/certificates/design";
import { authoriseCertificate, getPublicCertificateFacts } from "@/lib/certificates/facts";
import { revokeCertificate } from "@/lib/certificates/revoke";
import { loadContent } from "@/lib/content/load";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/organisations/scope";
import { loadQuizzes } from "@/lib/quiz/load";
import { syncQuizzes } from "@/lib/quiz/sync";
import { assignTestTrainer, testOrganisationId } from "../support/organisations";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
const people: Record<string, Viewer & { name: string }> = {};
let bankA: string;
let number: string;

async function person(key: string, role: Role, organisationId: string | null = null) {
  const u = await t.db.user.create({
    data: {
      email: `${key}@cert.test`,
      name: key === "learner" ? "张三明" : key,
      passwordHash: "x",
      role,
      organisationId,
    },
    select: { id: true, name: true },
  });
  people[key] = { id: u.id, name: u.name, role, organisationId };
}

beforeAll(async () => {
  t = await createTestDb();
  await syncQuizzes(t.db, loadQuizzes(loadContent()));
  bankA = await testOrganisationId(t.db, "CERTA");
  const bankB = await testOrganisationId(t.db, "CERTB");
  await person("learner", "LEARNER", bankA);
  await person("stranger", "LEARNER", bankA);
  await person("trainer", "TRAINER");
  await person("otherTrainer", "TRAINER");
  await person("clientAdmin", "CLIENT_ADMIN", bankA);
  await person("otherClientAdmin", "CLIENT_ADMIN", bankB);
  await person("admin", "ADMIN");
  await assignTestTrainer(t.db, bankA, people.trainer!.id);
  await assignTestTrainer(t.db, bankA, people.otherTrainer!.id);
  const cohort = await t.db.cohort.create({
    data: { name: "2026 春季班", inviteCode: "CERT2026", trainerId: people.trainer!.id, organisationId: bankA },
    select: { id: true },
  });
  await t.db.cohortMember.create({ data: { cohortId: cohort.id, userId: people.learner!.id } });
  // Two passed finals: the band is the best of them.
  for (const percent of [85, 92]) {
    await t.db.attempt.create({
      data: {
        userId: people.learner!.id,
        quizId: "final",
        questionIds: [],
        submittedAt: new Date(),
        percent,
        passed: true,
      },
    });
  }
  number = newCertificateId();
  await t.db.certificate.create({ data: { id: number, userId: people.learner!.id, name: "张三明" } });
});
afterAll(async () => t?.close());

describe("certificates", () => {
  it("shows the public the facts with the name masked, and nothing that identifies the learner", async () => {
    const facts = await getPublicCertificateFacts(t.db, number);
    expect(facts).toMatchObject({
      number,
      maskedName: "张*明",
      organisationName: "测试银行 CERTA",
      cohortName: "2026 春季班",
      band: "EXCELLENT",
      issuerName: "课程运营方",
      revoked: null,
    });
    expect(facts!.courseTitle).toBe(loadContent().course.title);
    expect(JSON.stringify(facts)).not.toContain("张三明");
    expect(JSON.stringify(facts)).not.toContain(people.learner!.id);
    expect(await getPublicCertificateFacts(t.db, "ABCDEFGHJKMNPQRSTUVW")).toBeNull();
    expect(await getPublicCertificateFacts(t.db, "not a number")).toBeNull();
  });

  it("is seen in full by its holder, the class's staff and the bank's client admin; revoked only by staff", async () => {
    const outcome = async (key: string) => {
      const r = await authoriseCertificate(t.db, people[key]!, number);
      return r.ok ? (r.canRevoke ? "revoke" : "read") : r.code;
    };
    expect({
      learner: await outcome("learner"),
      stranger: await outcome("stranger"),
      trainer: await outcome("trainer"),
      otherTrainer: await outcome("otherTrainer"),
      clientAdmin: await outcome("clientAdmin"),
      otherClientAdmin: await outcome("otherClientAdmin"),
      admin: await outcome("admin"),
    }).toEqual({
      learner: "read",
      stranger: "FORBIDDEN",
      trainer: "revoke",
      otherTrainer: "FORBIDDEN",
      clientAdmin: "read",
      otherClientAdmin: "FORBIDDEN",
      admin: "revoke",
    });
  });

  it("revokes once, audited with the reason's code and not the note, and the public facts say so", async () => {
    const audits = () =>
      t.db.auditEvent.findMany({
        where: { action: "CERTIFICATE_REVOKE" },
        select: { actorId: true, target: true, detail: true, rows: true },
      });
    const note = "学员张三明在结业测评中与他人共享答案";
    // A client admin reads but does not revoke: refused, nothing changes, nothing recorded.
    expect(await revokeCertificate(t.db, people.clientAdmin!, number, "MISCONDUCT", note)).toEqual({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await audits()).toEqual([]);

    const at = new Date("2026-11-20T03:00:00Z");
    expect(await revokeCertificate(t.db, people.trainer!, number, "MISCONDUCT", note, at)).toEqual({ ok: true });
    expect(await revokeCertificate(t.db, people.admin!, number, "OTHER", "再次撤销")).toEqual({
      ok: false,
      code: "ALREADY_REVOKED",
    });
    expect(await audits()).toEqual([{ actorId: people.trainer!.id, target: number, detail: "MISCONDUCT", rows: 1 }]);
    expect(JSON.stringify(await audits())).not.toContain("张三明");

    const facts = await getPublicCertificateFacts(t.db, number);
    expect(facts!.revoked).toEqual({ at, reason: "MISCONDUCT" });
    expect(JSON.stringify(facts)).not.toContain(note);
  });

  it("takes a seal only as PNG or JPEG (by its bytes) and records the change", async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await setCertificateImage(t.db, people.admin!, "seal", svg)).toEqual({
      ok: false,
      code: "IMAGE_NOT_PNG_OR_JPEG",
    });
    expect((await getCertificateDesign(t.db)).seal).toBeNull();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await setCertificateImage(t.db, people.admin!, "seal", png)).toEqual({ ok: true });
    expect((await getCertificateDesign(t.db)).seal).toMatchObject({ type: "image/png" });
    const changes = await t.db.auditEvent.findMany({
      where: { action: "CERTIFICATE_DESIGN_CHANGE" },
      select: { detail: true },
    });
    expect(changes).toEqual([{ detail: "更换印章（image/png，12 字节）" }]);
  });
});
