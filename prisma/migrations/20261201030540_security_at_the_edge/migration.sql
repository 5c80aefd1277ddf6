-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "citizenSecretAt" TIMESTAMP(3),
ADD COLUMN     "citizenSecretHash" TEXT;

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "tokenId" UUID;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "serviceAccount" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);


-- Tokens issued before service accounts acted as a person and never expired: revoke them.
UPDATE "ApiToken" SET "revokedAt" = CURRENT_TIMESTAMP WHERE "revokedAt" IS NULL;
