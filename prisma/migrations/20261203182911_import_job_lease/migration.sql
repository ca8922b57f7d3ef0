-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "leaseOwner" VARCHAR(36),
ADD COLUMN     "leaseUntil" TIMESTAMP(3);
