-- AlterTable
ALTER TABLE "User" ADD COLUMN     "nameSortKey" TEXT NOT NULL DEFAULT '';
