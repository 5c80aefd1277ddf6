-- CreateEnum
CREATE TYPE "DeciderRole" AS ENUM ('AGENCY_HEAD', 'PEOPLES_COMMITTEE_CHAIRMAN');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "decidedBy" "DeciderRole";

