// A fresh cohort of the demo trainer at the demo bank with one learner, written straight into the
// test database, so a browser test never shares a class (or its counts) with another run.
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { queryE2eDb, uniqueEmail } from "./server";

export async function freshCohortWithLearner(o: {
  tag: string;
  cohortName: string;
  learnerName: string;
  branch: string;
}) {
  const [org] = await queryE2eDb<{ id: string }>(`SELECT id FROM "Organisation" WHERE code = 'DFB'`);
  const [trainer] = await queryE2eDb<{ id: string }>(`SELECT id FROM "User" WHERE email = 'trainer@demo.local'`);
  const suffix = randomUUID().replaceAll("-", "").slice(0, 20);
  const cohortId = `${o.tag}c${suffix}`;
  const code = `${o.tag.slice(0, 1).toUpperCase()}${suffix.slice(0, 7).toUpperCase()}`;
  await queryE2eDb(
    `INSERT INTO "Cohort" (id, name, "inviteCode", "trainerId", "organisationId") VALUES ($1, $2, $3, $4, $5)`,
    [cohortId, `${o.cohortName} ${code}`, code, trainer!.id, org!.id],
  );
  const learner = {
    id: `${o.tag}l${suffix}`,
    email: uniqueEmail(o.tag).toLowerCase(),
    name: `${o.learnerName}${code.slice(1, 4)}`,
  };
  await queryE2eDb(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, branch, "updatedAt") VALUES ($1, $2, $3, $4, 'LEARNER', $5, now())`,
    [learner.id, learner.email, learner.name, await hashPassword(DEMO_PASSWORD), o.branch],
  );
  await queryE2eDb(`INSERT INTO "CohortMember" ("cohortId", "userId") VALUES ($1, $2)`, [cohortId, learner.id]);
  return { cohortId, learner };
}
