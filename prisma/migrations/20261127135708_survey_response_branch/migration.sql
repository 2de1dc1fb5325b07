-- AlterTable
ALTER TABLE "SurveyResponse" ADD COLUMN     "branch" TEXT;

-- Named responses already say who answered: their 分行 is the user's. Anonymous ones given before
-- this column existed stay without one (the report counts them under 未填).
UPDATE "SurveyResponse" r SET "branch" = u.branch FROM "User" u WHERE u.id = r."userId";
