-- SMS beside email (issue 15, point 4). Existing rows are mail: channel EMAIL by default, and their
-- recipientEmail stays set. Only SMS rows leave it null and carry recipientPhone instead.
-- (No semicolons in comments: the migration runner splits statements on them.)

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS');

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "channel" "NotificationChannel" NOT NULL DEFAULT 'EMAIL',
ADD COLUMN     "recipientPhone" TEXT,
ALTER COLUMN "recipientEmail" DROP NOT NULL;

-- Each row has the address of its channel (Prisma does not model CHECK constraints, so it is kept here).
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_channel_address" CHECK (
  ("channel" = 'EMAIL' AND "recipientEmail" IS NOT NULL) OR ("channel" = 'SMS' AND "recipientPhone" IS NOT NULL)
);

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "headPhone" TEXT;
