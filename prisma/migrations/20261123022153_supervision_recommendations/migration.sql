-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('OPEN', 'RESPONDED');

-- CreateTable
CREATE TABLE "SupervisionRecommendation" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "caseId" UUID,
    "sessionId" UUID,
    "content" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3),
    "deadline" JSONB,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'OPEN',
    "response" TEXT,
    "respondedBy" TEXT,
    "respondedAt" TIMESTAMP(3),
    "workflowId" TEXT NOT NULL,

    CONSTRAINT "SupervisionRecommendation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionRecommendation_workflowId_key" ON "SupervisionRecommendation"("workflowId");

-- CreateIndex
CREATE INDEX "SupervisionRecommendation_unitId_status_idx" ON "SupervisionRecommendation"("unitId", "status");

-- AddForeignKey
ALTER TABLE "SupervisionRecommendation" ADD CONSTRAINT "SupervisionRecommendation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

