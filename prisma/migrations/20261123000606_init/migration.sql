-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "ContentRelease" (
    "id" SERIAL NOT NULL,
    "hash" TEXT NOT NULL,
    "modules" INTEGER NOT NULL,
    "lessons" INTEGER NOT NULL,
    "cases" INTEGER NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentRelease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentRelease_hash_key" ON "ContentRelease"("hash");
