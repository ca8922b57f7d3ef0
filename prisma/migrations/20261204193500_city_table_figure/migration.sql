-- CreateTable: what the city's table of counties says for a county with town detail, kept only for the
-- cross-check (never counted). docs/decisions/016-city-and-peer-counties.md
CREATE TABLE "CityTableFigure" (
    "id" SERIAL NOT NULL,
    "regionId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "importId" INTEGER,
    "source" VARCHAR(200) NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CityTableFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CityTableFigure_year_month_idx" ON "CityTableFigure"("year", "month");

-- CreateIndex
CREATE UNIQUE INDEX "CityTableFigure_regionId_indicatorId_year_month_key" ON "CityTableFigure"("regionId", "indicatorId", "year", "month");

-- AddForeignKey
ALTER TABLE "CityTableFigure" ADD CONSTRAINT "CityTableFigure_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CityTableFigure" ADD CONSTRAINT "CityTableFigure_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
