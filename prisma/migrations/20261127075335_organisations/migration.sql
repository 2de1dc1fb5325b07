-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CLIENT_ADMIN';

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'ORGANISATION_CHANGE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "organisationId" TEXT;

-- AlterTable (made NOT NULL below, once every existing cohort has its organisation)
ALTER TABLE "Cohort" ADD COLUMN     "organisationId" TEXT;

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "retentionDays" INTEGER NOT NULL DEFAULT 365,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationTrainer" (
    "organisationId" TEXT NOT NULL,
    "trainerId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationTrainer_pkey" PRIMARY KEY ("organisationId","trainerId")
);

-- Existing data: every cohort so far goes to one default organisation, and every trainer is
-- assigned to it, so each trainer still sees exactly the cohorts they saw before. An admin
-- renames it or moves cohorts to the real client banks afterwards.
INSERT INTO "Organisation" ("id", "name", "code", "updatedAt")
SELECT 'org_default', '默认机构', 'DEFAULT', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM "Cohort") OR EXISTS (SELECT 1 FROM "User" WHERE "role" = 'TRAINER');

UPDATE "Cohort" SET "organisationId" = 'org_default' WHERE "organisationId" IS NULL;

INSERT INTO "OrganisationTrainer" ("organisationId", "trainerId")
SELECT 'org_default', u."id" FROM "User" u
WHERE u."role" = 'TRAINER' OR EXISTS (SELECT 1 FROM "Cohort" c WHERE c."trainerId" = u."id");

ALTER TABLE "Cohort" ALTER COLUMN "organisationId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_code_key" ON "Organisation"("code");

-- CreateIndex
CREATE INDEX "OrganisationTrainer_trainerId_idx" ON "OrganisationTrainer"("trainerId");

-- CreateIndex
CREATE INDEX "Cohort_organisationId_idx" ON "Cohort"("organisationId");

-- AddForeignKey
ALTER TABLE "OrganisationTrainer" ADD CONSTRAINT "OrganisationTrainer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationTrainer" ADD CONSTRAINT "OrganisationTrainer_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
