-- AlterEnum
ALTER TYPE "CaseOutcome" ADD VALUE 'TOOK_EFFECT';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "appealDueAt" TIMESTAMP(3),
ADD COLUMN     "filingWindow" JSONB;

