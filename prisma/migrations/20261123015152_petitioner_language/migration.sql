-- AlterTable
ALTER TABLE "Petitioner" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'vi';

