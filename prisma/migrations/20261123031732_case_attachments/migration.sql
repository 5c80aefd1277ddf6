-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "attachments" JSONB;

