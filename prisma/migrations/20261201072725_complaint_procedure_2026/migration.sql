-- CreateEnum
CREATE TYPE "TerminationGround" AS ENUM ('WITHDRAWN', 'COMPLAINANT_DIED', 'ORGANISATION_DISSOLVED', 'DECISION_REVOKED', 'COURT_ACCEPTED', 'OTHER');

-- AlterEnum
ALTER TYPE "CaseOutcome" ADD VALUE 'TERMINATED';

-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'SUSPENDED';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "respondentEmail" TEXT,
ADD COLUMN     "respondentName" TEXT,
ADD COLUMN     "respondentPosition" TEXT,
ADD COLUMN     "terminationGround" "TerminationGround";

