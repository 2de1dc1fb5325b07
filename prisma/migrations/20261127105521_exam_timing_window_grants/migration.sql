-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'EXAM_WINDOW_CHANGE';
ALTER TYPE "AuditAction" ADD VALUE 'EXTRA_ATTEMPT_GRANT';

-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "finalClosesAt" TIMESTAMP(3),
ADD COLUMN     "finalOpensAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "timeLimitMinutes" INTEGER;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "deadlineAt" TIMESTAMP(3),
ADD COLUMN     "lastHiddenAt" TIMESTAMP(3),
ADD COLUMN     "timedOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "visibilityChanges" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ExtraAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "grantedById" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtraAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExtraAttempt_userId_quizId_idx" ON "ExtraAttempt"("userId", "quizId");

-- CreateIndex
CREATE INDEX "Attempt_deadlineAt_idx" ON "Attempt"("deadlineAt");

-- AddForeignKey
ALTER TABLE "ExtraAttempt" ADD CONSTRAINT "ExtraAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtraAttempt" ADD CONSTRAINT "ExtraAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
