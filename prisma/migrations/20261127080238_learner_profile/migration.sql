-- AlterTable
ALTER TABLE "User" ADD COLUMN     "branch" TEXT,
ADD COLUMN     "department" TEXT,
ADD COLUMN     "employeeNo" TEXT,
ADD COLUMN     "mobile" TEXT,
ADD COLUMN     "position" TEXT,
ALTER COLUMN "email" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "User_employeeNo_idx" ON "User"("employeeNo");

-- CreateIndex
CREATE INDEX "User_mobile_idx" ON "User"("mobile");

-- CreateIndex
CREATE UNIQUE INDEX "User_organisationId_employeeNo_key" ON "User"("organisationId", "employeeNo");

-- CreateIndex
CREATE UNIQUE INDEX "User_organisationId_mobile_key" ON "User"("organisationId", "mobile");
