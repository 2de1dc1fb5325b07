-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'REPORT_REFRESH';

-- CreateTable
CREATE TABLE "ReportSnapshot" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT,
    "organisationId" TEXT,
    "generatedAt" TIMESTAMP(3) NOT NULL,
    "generatedById" TEXT,
    "data" JSONB NOT NULL,

    CONSTRAINT "ReportSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportSnapshot_cohortId_key" ON "ReportSnapshot"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportSnapshot_organisationId_key" ON "ReportSnapshot"("organisationId");

-- CreateIndex
CREATE INDEX "ReportSnapshot_generatedById_idx" ON "ReportSnapshot"("generatedById");

-- AddForeignKey
ALTER TABLE "ReportSnapshot" ADD CONSTRAINT "ReportSnapshot_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSnapshot" ADD CONSTRAINT "ReportSnapshot_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSnapshot" ADD CONSTRAINT "ReportSnapshot_generatedById_fkey" FOREIGN KEY ("generatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A snapshot is the report of a cohort or of an organisation, never both nor neither
ALTER TABLE "ReportSnapshot" ADD CONSTRAINT "ReportSnapshot_one_scope" CHECK (("cohortId" IS NULL) <> ("organisationId" IS NULL));
