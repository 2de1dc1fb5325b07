-- CreateEnum
CREATE TYPE "CertificateRevokeReason" AS ENUM ('MISCONDUCT', 'DATA_ERROR', 'ISSUED_IN_ERROR', 'OTHER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'CERTIFICATE_REVOKE';
ALTER TYPE "AuditAction" ADD VALUE 'CERTIFICATE_DESIGN_CHANGE';

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "revokeNote" TEXT,
ADD COLUMN     "revokeReason" "CertificateRevokeReason",
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "revokedById" TEXT;

-- CreateTable
CREATE TABLE "CertificateDesign" (
    "id" TEXT NOT NULL DEFAULT 'current',
    "issuerName" TEXT NOT NULL,
    "signatoryTitle" TEXT NOT NULL,
    "sealType" TEXT,
    "sealBytes" BYTEA,
    "sealSha256" TEXT,
    "signatureType" TEXT,
    "signatureBytes" BYTEA,
    "signatureSha256" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CertificateDesign_pkey" PRIMARY KEY ("id")
);
