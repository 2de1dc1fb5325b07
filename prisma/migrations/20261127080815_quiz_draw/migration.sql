-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN     "drawCount" INTEGER,
ADD COLUMN     "drawMinPerModule" INTEGER NOT NULL DEFAULT 0;
