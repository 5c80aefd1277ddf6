-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "forwarderEmail" TEXT,
ADD COLUMN     "forwarderName" TEXT;

