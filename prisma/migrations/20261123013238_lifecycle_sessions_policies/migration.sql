-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('RESOLVED', 'GUIDED', 'REFUSED', 'WITHDRAWN', 'MERGED', 'APPEALED');

-- CreateEnum
CREATE TYPE "Complexity" AS ENUM ('NORMAL', 'COMPLEX', 'ESPECIALLY_COMPLEX');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('PERIODIC', 'THEMATIC');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('OPEN', 'CONCLUDED', 'CLOSED');

-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'AWAITING_INFO';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "answerDocuments" JSONB,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "complexity" "Complexity" NOT NULL DEFAULT 'NORMAL',
ADD COLUMN     "deadlines" JSONB,
ADD COLUMN     "extensionsUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "linkedFromId" UUID,
ADD COLUMN     "mergedIntoId" UUID,
ADD COLUMN     "outcome" "CaseOutcome",
-- Cases received before versioned policies existed ran under the built-in 2025-07-01 defaults.
ADD COLUMN     "policyVersion" TEXT NOT NULL DEFAULT '2025-07-01',
ADD COLUMN     "ratingComment" TEXT,
ADD COLUMN     "satisfied" BOOLEAN,
ADD COLUMN     "sessionId" UUID,
ADD COLUMN     "transfers" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ClockPolicyVersion" (
    "version" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "policy" JSONB NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClockPolicyVersion_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "CalendarOverride" (
    "date" TEXT NOT NULL,
    "dayOff" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "CalendarOverride_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "DialogueSession" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "topic" TEXT,
    "chairName" TEXT NOT NULL,
    "chairTitle" TEXT NOT NULL,
    "chairedByHead" BOOLEAN NOT NULL,
    "attendees" INTEGER NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'OPEN',
    "noticeDueAt" TIMESTAMP(3),
    "noticePublishedAt" TIMESTAMP(3),
    "conclusion" TEXT,
    "closedAt" TIMESTAMP(3),
    "workflowId" TEXT NOT NULL,

    CONSTRAINT "DialogueSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClockPolicyVersion_effectiveFrom_idx" ON "ClockPolicyVersion"("effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "DialogueSession_workflowId_key" ON "DialogueSession"("workflowId");

-- CreateIndex
CREATE INDEX "DialogueSession_unitId_heldOn_idx" ON "DialogueSession"("unitId", "heldOn");

-- CreateIndex
CREATE INDEX "Case_sessionId_idx" ON "Case"("sessionId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "DialogueSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_linkedFromId_fkey" FOREIGN KEY ("linkedFromId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogueSession" ADD CONSTRAINT "DialogueSession_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- New cases must name their policy version explicitly.
ALTER TABLE "Case" ALTER COLUMN "policyVersion" DROP DEFAULT;
