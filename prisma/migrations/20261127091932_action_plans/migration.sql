-- CreateEnum
CREATE TYPE "ActionTool" AS ENUM ('PARTNERSHIP', 'DAILY_REPORT', 'CORPORATE_EVENT', 'OTHER');

-- CreateEnum
CREATE TYPE "ActionMetric" AS ENUM ('ACTIVE_CARD_RATE', 'NEW_ACTIVE_CUSTOMERS', 'INSTALMENT_COUNT', 'MERCHANT_SIGNINGS', 'OTHER');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'ABANDONED');

-- CreateTable
CREATE TABLE "ActionPlan" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanAction" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "tool" "ActionTool" NOT NULL,
    "merchant" TEXT,
    "description" TEXT NOT NULL,
    "metric" "ActionMetric" NOT NULL,
    "metricName" TEXT,
    "baseline" DOUBLE PRECISION NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "exercise" JSONB,

    CONSTRAINT "PlanAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionCheckIn" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "status" "ActionStatus" NOT NULL,
    "result" DOUBLE PRECISION,
    "obstacles" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlan_userId_key" ON "ActionPlan"("userId");

-- CreateIndex
CREATE INDEX "ActionPlan_filedAt_idx" ON "ActionPlan"("filedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanAction_planId_position_key" ON "PlanAction"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ActionCheckIn_actionId_round_key" ON "ActionCheckIn"("actionId", "round");

-- AddForeignKey
ALTER TABLE "ActionPlan" ADD CONSTRAINT "ActionPlan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanAction" ADD CONSTRAINT "PlanAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionCheckIn" ADD CONSTRAINT "ActionCheckIn_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "PlanAction"("id") ON DELETE CASCADE ON UPDATE CASCADE;
