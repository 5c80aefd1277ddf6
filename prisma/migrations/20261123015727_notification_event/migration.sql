-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "event" TEXT NOT NULL DEFAULT '';


-- Rows written before this column: the key is "<event>:<recipient email>".
UPDATE "Notification" SET "event" = left("key", length("key") - length("recipientEmail") - 1) WHERE "event" = '';
