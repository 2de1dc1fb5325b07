-- CreateTable
CREATE TABLE "SurveyRun" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "openedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "userId" TEXT,
    "answers" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreTest" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "openedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PreTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreTestAttempt" (
    "id" TEXT NOT NULL,
    "preTestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "questionIds" TEXT[],
    "answers" JSONB,
    "results" JSONB,
    "correct" INTEGER,
    "total" INTEGER,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "PreTestAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SurveyRun_cohortId_createdAt_idx" ON "SurveyRun"("cohortId", "createdAt");

-- CreateIndex
CREATE INDEX "SurveyRun_surveyId_idx" ON "SurveyRun"("surveyId");

-- CreateIndex
CREATE INDEX "SurveyResponse_userId_idx" ON "SurveyResponse"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_runId_token_key" ON "SurveyResponse"("runId", "token");

-- CreateIndex
CREATE UNIQUE INDEX "PreTest_cohortId_key" ON "PreTest"("cohortId");

-- CreateIndex
CREATE INDEX "PreTestAttempt_userId_idx" ON "PreTestAttempt"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PreTestAttempt_preTestId_userId_key" ON "PreTestAttempt"("preTestId", "userId");

-- AddForeignKey
ALTER TABLE "SurveyRun" ADD CONSTRAINT "SurveyRun_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SurveyRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreTest" ADD CONSTRAINT "PreTest_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreTestAttempt" ADD CONSTRAINT "PreTestAttempt_preTestId_fkey" FOREIGN KEY ("preTestId") REFERENCES "PreTest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreTestAttempt" ADD CONSTRAINT "PreTestAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
