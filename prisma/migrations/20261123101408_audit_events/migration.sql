-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('ENQUIRY_VIEW', 'ENQUIRY_EXPORT', 'ENQUIRY_ERASE', 'ENQUIRY_PURGE', 'COHORT_EXPORT', 'USER_ACCESS_CHANGE');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "action" "AuditAction" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "target" TEXT,
    "detail" TEXT,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_action_createdAt_idx" ON "AuditEvent"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_action_target_createdAt_idx" ON "AuditEvent"("actorId", "action", "target", "createdAt");
