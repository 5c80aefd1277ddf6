-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "extensionRequestReason" TEXT,
ADD COLUMN     "extensionRequestedAt" TIMESTAMP(3),
ADD COLUMN     "extensionRequestedBy" TEXT;


-- Requests already pending, from the audit trail: the latest extension event of an open case
UPDATE "Case" c SET "extensionRequestedAt" = e."at", "extensionRequestedBy" = e."actor", "extensionRequestReason" = e."reason"
FROM (
  SELECT DISTINCT ON ("caseId") "caseId", "type", "at", "actor", "reason" FROM "CaseEvent"
  WHERE "type" IN ('extension_requested', 'extension_approved', 'extension_refused')
  ORDER BY "caseId", "at" DESC
) e
WHERE e."caseId" = c."id" AND e."type" = 'extension_requested' AND c."status" <> 'CLOSED';
