-- CreateTable
CREATE TABLE "RecurringHoliday" (
    "month" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecurringHoliday_pkey" PRIMARY KEY ("month","day")
);

