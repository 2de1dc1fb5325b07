-- AlterTable
ALTER TABLE "User" ADD COLUMN     "reminderEmailOptOut" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "cohortId" TEXT NOT NULL,
    "notStartedOn" BOOLEAN NOT NULL DEFAULT true,
    "notStartedDays" INTEGER NOT NULL DEFAULT 3,
    "dueSoonOn" BOOLEAN NOT NULL DEFAULT true,
    "inactiveOn" BOOLEAN NOT NULL DEFAULT true,
    "checkInDueOn" BOOLEAN NOT NULL DEFAULT true,
    "emailOn" BOOLEAN NOT NULL DEFAULT false,
    "webhookUrl" TEXT,
    "automaticOn" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSettings_pkey" PRIMARY KEY ("cohortId")
);

-- CreateTable
CREATE TABLE "ModuleDueDate" (
    "cohortId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,

    CONSTRAINT "ModuleDueDate_pkey" PRIMARY KEY ("cohortId","moduleSlug")
);

-- CreateTable
CREATE TABLE "ReminderSend" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookPost" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReminderSend_cohortId_createdAt_idx" ON "ReminderSend"("cohortId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSend_userId_day_key" ON "ReminderSend"("userId", "day");

-- CreateIndex
CREATE INDEX "WebhookPost_state_nextAttemptAt_idx" ON "WebhookPost"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookPost_cohortId_day_key" ON "WebhookPost"("cohortId", "day");

-- AddForeignKey
ALTER TABLE "ReminderSettings" ADD CONSTRAINT "ReminderSettings_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModuleDueDate" ADD CONSTRAINT "ModuleDueDate_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSend" ADD CONSTRAINT "ReminderSend_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSend" ADD CONSTRAINT "ReminderSend_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookPost" ADD CONSTRAINT "WebhookPost_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
