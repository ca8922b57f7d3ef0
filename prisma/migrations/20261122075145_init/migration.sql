-- CreateEnum
CREATE TYPE "RegionLevel" AS ENUM ('CITY', 'COUNTY', 'TOWN');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('FLOW', 'STOCK');

-- CreateEnum
CREATE TYPE "PriceBasis" AS ENUM ('CURRENT', 'COMPARABLE');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "Ownership" AS ENUM ('PRIVATE', 'STATE', 'FOREIGN', 'HMT');

-- CreateEnum
CREATE TYPE "ParkLevel" AS ENUM ('PROVINCIAL', 'MUNICIPAL', 'TOWNSHIP');

-- CreateEnum
CREATE TYPE "ProjectStage" AS ENUM ('NEGOTIATING', 'SIGNED', 'STARTED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION');

-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('CNY', 'USD');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'REVIEWER', 'REPORTER', 'LEADER');

-- CreateEnum
CREATE TYPE "BulletinStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEWED', 'RUNNING', 'COMMITTED', 'FAILED');

-- CreateTable
CREATE TABLE "Region" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(12) NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "kind" VARCHAR(20) NOT NULL DEFAULT '镇',
    "level" "RegionLevel" NOT NULL,
    "parentId" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "reportsJanuary" BOOLEAN NOT NULL DEFAULT true,
    "reportDeadlineDay" INTEGER NOT NULL DEFAULT 5,
    "approvedOnly" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "kind" "IndicatorKind" NOT NULL,
    "precision" INTEGER NOT NULL DEFAULT 2,
    "percentPrecision" INTEGER NOT NULL DEFAULT 1,
    "allowNegative" BOOLEAN NOT NULL DEFAULT false,
    "integerOnly" BOOLEAN NOT NULL DEFAULT false,
    "isMoney" BOOLEAN NOT NULL DEFAULT false,
    "priceBasis" "PriceBasis" NOT NULL DEFAULT 'CURRENT',
    "yoyWarnPercent" DECIMAL(9,2) NOT NULL DEFAULT 50,
    "planWarnPercent" DECIMAL(9,2) NOT NULL DEFAULT 150,
    "magnitudeWarnRatio" DECIMAL(12,2) NOT NULL DEFAULT 1000,
    "onTownForm" BOOLEAN NOT NULL DEFAULT true,
    "onEnterpriseForm" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "usdRate" DECIMAL(12,6),
    "priceIndex" DECIMAL(9,4),

    CONSTRAINT "Period_pkey" PRIMARY KEY ("year","month")
);

-- CreateTable
CREATE TABLE "TownReport" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "submittedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewerId" INTEGER,
    "reviewerComment" TEXT,
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TownReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportValue" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "explanation" TEXT,

    CONSTRAINT "ReportValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualPlan" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "AnnualPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" SERIAL NOT NULL,
    "creditCode" CHAR(18) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "townId" INTEGER NOT NULL,
    "parkId" INTEGER,
    "industryCode" VARCHAR(5) NOT NULL,
    "ownership" "Ownership" NOT NULL DEFAULT 'PRIVATE',
    "aboveScale" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseScaleChange" (
    "id" SERIAL NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "aboveScale" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "EnterpriseScaleChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnterpriseValue" (
    "id" SERIAL NOT NULL,
    "enterpriseId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "explanation" TEXT,

    CONSTRAINT "EnterpriseValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Park" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "level" "ParkLevel" NOT NULL,
    "townId" INTEGER NOT NULL,
    "plannedArea" DECIMAL(14,2) NOT NULL,
    "leadingIndustries" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Park_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParkValue" (
    "id" SERIAL NOT NULL,
    "parkId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "developedArea" DECIMAL(14,2) NOT NULL,
    "infrastructureInvestment" DECIMAL(18,4) NOT NULL,
    "enterpriseCount" INTEGER NOT NULL,
    "salesRevenue" DECIMAL(18,4) NOT NULL,
    "profitTax" DECIMAL(18,4) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ParkValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "townId" INTEGER NOT NULL,
    "parkId" INTEGER,
    "enterpriseId" INTEGER,
    "sector" VARCHAR(40) NOT NULL,
    "totalInvestment" DECIMAL(18,4) NOT NULL,
    "stage" "ProjectStage" NOT NULL,
    "signedOn" DATE,
    "startedOn" DATE,
    "completedOn" DATE,
    "plannedEndOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectYearPlan" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "planned" DECIMAL(18,4) NOT NULL,

    CONSTRAINT "ProjectYearPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectProgress" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "completedYtd" DECIMAL(18,4) NOT NULL,
    "note" TEXT,

    CONSTRAINT "ProjectProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectStageChange" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "stage" "ProjectStage" NOT NULL,
    "changedOn" DATE NOT NULL,
    "userId" INTEGER,

    CONSTRAINT "ProjectStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttractionRecord" (
    "id" SERIAL NOT NULL,
    "townId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "name" VARCHAR(120) NOT NULL,
    "investor" VARCHAR(120) NOT NULL DEFAULT '',
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',
    "plannedAmount" DECIMAL(18,4) NOT NULL,
    "arrivedAmount" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttractionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "displayName" VARCHAR(40) NOT NULL,
    "role" "Role" NOT NULL,
    "regionId" INTEGER,
    "passwordHash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "actor" VARCHAR(80) NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "entity" VARCHAR(40) NOT NULL,
    "entityId" VARCHAR(40) NOT NULL,
    "regionId" INTEGER,
    "year" INTEGER,
    "month" INTEGER,
    "field" VARCHAR(60),
    "oldValue" TEXT,
    "newValue" TEXT,
    "reason" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KioskLink" (
    "id" SERIAL NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "label" VARCHAR(60) NOT NULL,
    "regionId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KioskLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "prefix" VARCHAR(12) NOT NULL,
    "userId" INTEGER NOT NULL,
    "regionId" INTEGER,
    "readOnly" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bulletin" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "title" VARCHAR(120) NOT NULL,
    "body" TEXT NOT NULL,
    "status" "BulletinStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bulletin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "fileHash" CHAR(64) NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_code_key" ON "Region"("code");

-- CreateIndex
CREATE INDEX "Region_parentId_sortOrder_idx" ON "Region"("parentId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "TownReport_year_month_status_idx" ON "TownReport"("year", "month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "TownReport_regionId_year_month_key" ON "TownReport"("regionId", "year", "month");

-- CreateIndex
CREATE INDEX "ReportValue_indicatorId_year_month_idx" ON "ReportValue"("indicatorId", "year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "ReportValue_reportId_indicatorId_key" ON "ReportValue"("reportId", "indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportValue_regionId_indicatorId_year_month_key" ON "ReportValue"("regionId", "indicatorId", "year", "month");

-- CreateIndex
CREATE INDEX "AnnualPlan_indicatorId_year_idx" ON "AnnualPlan"("indicatorId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualPlan_regionId_indicatorId_year_key" ON "AnnualPlan"("regionId", "indicatorId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_creditCode_key" ON "Enterprise"("creditCode");

-- CreateIndex
CREATE INDEX "Enterprise_townId_idx" ON "Enterprise"("townId");

-- CreateIndex
CREATE INDEX "Enterprise_parkId_idx" ON "Enterprise"("parkId");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseScaleChange_enterpriseId_year_month_key" ON "EnterpriseScaleChange"("enterpriseId", "year", "month");

-- CreateIndex
CREATE INDEX "EnterpriseValue_indicatorId_year_month_idx" ON "EnterpriseValue"("indicatorId", "year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "EnterpriseValue_enterpriseId_indicatorId_year_month_key" ON "EnterpriseValue"("enterpriseId", "indicatorId", "year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "ParkValue_parkId_year_month_key" ON "ParkValue"("parkId", "year", "month");

-- CreateIndex
CREATE INDEX "Project_townId_idx" ON "Project"("townId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectYearPlan_projectId_year_key" ON "ProjectYearPlan"("projectId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectProgress_projectId_year_month_key" ON "ProjectProgress"("projectId", "year", "month");

-- CreateIndex
CREATE INDEX "ProjectStageChange_projectId_changedOn_idx" ON "ProjectStageChange"("projectId", "changedOn");

-- CreateIndex
CREATE INDEX "AttractionRecord_townId_year_month_idx" ON "AttractionRecord"("townId", "year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_at_idx" ON "AuditLog"("entity", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_regionId_at_idx" ON "AuditLog"("regionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "KioskLink_tokenHash_key" ON "KioskLink"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Bulletin_regionId_year_month_revision_key" ON "Bulletin"("regionId", "year", "month", "revision");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TownReport" ADD CONSTRAINT "TownReport_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportValue" ADD CONSTRAINT "ReportValue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "TownReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportValue" ADD CONSTRAINT "ReportValue_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportValue" ADD CONSTRAINT "ReportValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualPlan" ADD CONSTRAINT "AnnualPlan_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enterprise" ADD CONSTRAINT "Enterprise_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseScaleChange" ADD CONSTRAINT "EnterpriseScaleChange_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseValue" ADD CONSTRAINT "EnterpriseValue_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnterpriseValue" ADD CONSTRAINT "EnterpriseValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Park" ADD CONSTRAINT "Park_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParkValue" ADD CONSTRAINT "ParkValue_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectYearPlan" ADD CONSTRAINT "ProjectYearPlan_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectProgress" ADD CONSTRAINT "ProjectProgress_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectStageChange" ADD CONSTRAINT "ProjectStageChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttractionRecord" ADD CONSTRAINT "AttractionRecord_townId_fkey" FOREIGN KEY ("townId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttractionRecord" ADD CONSTRAINT "AttractionRecord_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KioskLink" ADD CONSTRAINT "KioskLink_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bulletin" ADD CONSTRAINT "Bulletin_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
