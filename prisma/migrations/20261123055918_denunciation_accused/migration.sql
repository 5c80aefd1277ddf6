-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "accusedEmail" TEXT,
ADD COLUMN     "accusedName" TEXT,
ADD COLUMN     "accusedPosition" TEXT;

