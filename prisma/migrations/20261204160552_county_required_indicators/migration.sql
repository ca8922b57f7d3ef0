-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "requiredIndicators" TEXT[] DEFAULT ARRAY[]::TEXT[];
