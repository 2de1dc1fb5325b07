-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;
