-- CreateTable
CREATE TABLE "AdminChange" (
    "id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminChange_createdAt_idx" ON "AdminChange"("createdAt");

-- CreateIndex
CREATE INDEX "AdminChange_target_idx" ON "AdminChange"("target");

