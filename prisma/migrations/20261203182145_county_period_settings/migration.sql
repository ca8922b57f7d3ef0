-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "defaultPeriodShare" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "flashReportDay" INTEGER;
