-- AlterTable
ALTER TABLE "Enquiry" ADD COLUMN     "formTokenId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Enquiry_formTokenId_key" ON "Enquiry"("formTokenId");
