-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'ORGANISATION_EXPORT';
ALTER TYPE "AuditAction" ADD VALUE 'ORGANISATION_CLOSE';
ALTER TYPE "AuditAction" ADD VALUE 'LEARNER_PURGE';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedCertificates" INTEGER,
ADD COLUMN     "closedCohorts" INTEGER,
ADD COLUMN     "closedLearners" INTEGER;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OrganisationLogo" (
    "organisationId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganisationLogo_pkey" PRIMARY KEY ("organisationId")
);

-- AddForeignKey
ALTER TABLE "OrganisationLogo" ADD CONSTRAINT "OrganisationLogo_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
