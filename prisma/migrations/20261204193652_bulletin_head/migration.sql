-- AlterTable
ALTER TABLE "Bulletin" ADD COLUMN     "docNumber" VARCHAR(40),
ADD COLUMN     "issueDate" DATE,
ADD COLUMN     "issuer" VARCHAR(40);
