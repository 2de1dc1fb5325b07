-- DropTable
DROP TABLE "ContentRelease";
