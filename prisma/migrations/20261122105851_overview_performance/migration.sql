-- DropIndex
DROP INDEX "ReportValue_indicatorId_year_month_idx";

-- CreateTable
CREATE TABLE "ComparableBase" (
    "townId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "value" DECIMAL(24,4) NOT NULL,
    "enterprises" INTEGER NOT NULL,

    CONSTRAINT "ComparableBase_pkey" PRIMARY KEY ("townId","year","month")
);

-- CreateIndex
CREATE INDEX "ReportValue_indicatorId_year_month_regionId_value_reportId_idx" ON "ReportValue"("indicatorId", "year", "month", "regionId", "value", "reportId");

-- CreateIndex
CREATE INDEX "ReportValue_regionId_year_month_indicatorId_value_reportId_idx" ON "ReportValue"("regionId", "year", "month", "indicatorId", "value", "reportId");

-- ---------------------------------------------------------------------------------------------
-- Keeping "ComparableBase" equal to its definition (written by hand; docs/decisions/005-overview-performance.md).
--
-- A town's row for (year, month) = Σ EnterpriseValue(gross_output, year − 1, month) over the town's
-- enterprises whose latest EnterpriseScaleChange on or before (year, month) says aboveScale, and the
-- number of those enterprises; no row when there are none.
--   EnterpriseValue changes   → their difference is added to the rows they count in (cheap, any batch size);
--   EnterpriseScaleChange, Enterprise.townId, the gross_output code → the towns involved are rebuilt;
--   TRUNCATE of a source      → the rollup is emptied.
-- Maintenance of a town takes a transaction-level advisory lock on it, so two writers cannot leave a
-- sum that misses the other's rows. Session_replication_role = replica (bulk loads) skips triggers:
-- call "ComparableBase_rebuild"(ARRAY(SELECT id FROM "Region")) afterwards.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION "ComparableBase_lock"(towns INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- In id order, so two writers lock shared towns in the same order.
  PERFORM pg_advisory_xact_lock(20261122, t) FROM (SELECT DISTINCT t FROM unnest(towns) AS t WHERE t IS NOT NULL ORDER BY t) AS s;
END $$;

-- Recomputes every row of the given towns from the source tables.
CREATE FUNCTION "ComparableBase_rebuild"(towns INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "ComparableBase_lock"(towns);
  DELETE FROM "ComparableBase" WHERE "townId" = ANY (towns);
  INSERT INTO "ComparableBase" ("townId", "year", "month", "value", "enterprises")
  SELECT e."townId", ev."year" + 1, ev."month", SUM(ev."value"), COUNT(*)
  FROM "Enterprise" e
  JOIN "EnterpriseValue" ev ON ev."enterpriseId" = e."id"
    AND ev."indicatorId" = (SELECT "id" FROM "Indicator" WHERE "code" = 'gross_output')
  JOIN "EnterpriseScaleChange" c ON c."enterpriseId" = e."id" AND c."aboveScale"
    AND (c."year", c."month") <= (ev."year" + 1, ev."month")
  WHERE e."townId" = ANY (towns)
    AND NOT EXISTS (
      SELECT 1 FROM "EnterpriseScaleChange" l
      WHERE l."enterpriseId" = c."enterpriseId"
        AND (l."year", l."month") > (c."year", c."month") AND (l."year", l."month") <= (ev."year" + 1, ev."month"))
  GROUP BY e."townId", ev."year", ev."month";
END $$;

-- Adds signed enterprise values (sign +1 for new rows, −1 for old ones) to the rows they count in.
CREATE FUNCTION "ComparableBase_apply"(enterprise_ids INTEGER[], indicator_ids INTEGER[], years INTEGER[], months INTEGER[], amounts NUMERIC[], signs INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gross INTEGER := (SELECT "id" FROM "Indicator" WHERE "code" = 'gross_output');
  towns INTEGER[];
BEGIN
  towns := ARRAY(
    SELECT DISTINCT e."townId" FROM unnest(enterprise_ids, indicator_ids) AS x(e, i)
    JOIN "Enterprise" e ON e."id" = x.e WHERE x.i = gross);
  IF cardinality(towns) = 0 THEN RETURN; END IF;
  -- Lock first: the statements below then read the scale history as of after any concurrent rebuild.
  PERFORM "ComparableBase_lock"(towns);
  INSERT INTO "ComparableBase" AS b ("townId", "year", "month", "value", "enterprises")
  SELECT e."townId", x.y + 1, x.m, SUM(x.v * x.s), SUM(x.s)::INTEGER
  FROM unnest(enterprise_ids, indicator_ids, years, months, amounts, signs) AS x(e, i, y, m, v, s)
  JOIN "Enterprise" e ON e."id" = x.e
  WHERE x.i = gross
    AND (SELECT c."aboveScale" FROM "EnterpriseScaleChange" c
         WHERE c."enterpriseId" = x.e AND (c."year", c."month") <= (x.y + 1, x.m)
         ORDER BY c."year" DESC, c."month" DESC LIMIT 1)
  GROUP BY e."townId", x.y, x.m
  ON CONFLICT ("townId", "year", "month") DO UPDATE
    SET "value" = b."value" + EXCLUDED."value", "enterprises" = b."enterprises" + EXCLUDED."enterprises";
  DELETE FROM "ComparableBase" WHERE "townId" = ANY (towns) AND "enterprises" <= 0;
END $$;

CREATE FUNCTION "ComparableBase_on_value"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "ComparableBase_apply"(array_agg(o."enterpriseId"), array_agg(o."indicatorId"), array_agg(o."year"), array_agg(o."month"), array_agg(o."value"), array_agg(-1))
    FROM old_rows o;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "ComparableBase_apply"(array_agg(n."enterpriseId"), array_agg(n."indicatorId"), array_agg(n."year"), array_agg(n."month"), array_agg(n."value"), array_agg(1))
    FROM new_rows n;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ComparableBase_value_insert" AFTER INSERT ON "EnterpriseValue"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_value"();
CREATE TRIGGER "ComparableBase_value_update" AFTER UPDATE ON "EnterpriseValue"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_value"();
CREATE TRIGGER "ComparableBase_value_delete" AFTER DELETE ON "EnterpriseValue"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_value"();

-- A scale change can flip an enterprise in or out of every later period: rebuild its town.
CREATE FUNCTION "ComparableBase_on_scale"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ids := ids || ARRAY(SELECT "enterpriseId" FROM old_rows); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ids := ids || ARRAY(SELECT "enterpriseId" FROM new_rows); END IF;
  PERFORM "ComparableBase_rebuild"(ARRAY(SELECT DISTINCT "townId" FROM "Enterprise" WHERE "id" = ANY (ids)));
  RETURN NULL;
END $$;

CREATE TRIGGER "ComparableBase_scale_insert" AFTER INSERT ON "EnterpriseScaleChange"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_scale"();
CREATE TRIGGER "ComparableBase_scale_update" AFTER UPDATE ON "EnterpriseScaleChange"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_scale"();
CREATE TRIGGER "ComparableBase_scale_delete" AFTER DELETE ON "EnterpriseScaleChange"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_scale"();

-- An enterprise that moves to another town (or is deleted) takes its figures with it.
CREATE FUNCTION "ComparableBase_on_enterprise"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  towns INTEGER[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    towns := ARRAY(
      SELECT o."townId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE n."townId" IS DISTINCT FROM o."townId"
      UNION SELECT n."townId" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE n."townId" IS DISTINCT FROM o."townId");
  ELSE
    towns := ARRAY(SELECT DISTINCT "townId" FROM old_rows);
  END IF;
  IF cardinality(towns) > 0 THEN PERFORM "ComparableBase_rebuild"(towns); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ComparableBase_enterprise_update" AFTER UPDATE ON "Enterprise"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_enterprise"();
CREATE TRIGGER "ComparableBase_enterprise_delete" AFTER DELETE ON "Enterprise"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_enterprise"();

-- Giving another indicator the gross_output code changes which figures count: rebuild everything.
CREATE FUNCTION "ComparableBase_on_indicator"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
             WHERE o."code" IS DISTINCT FROM n."code" AND 'gross_output' IN (o."code", n."code")) THEN
    PERFORM "ComparableBase_rebuild"(ARRAY(SELECT DISTINCT "townId" FROM "Enterprise"));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ComparableBase_indicator_update" AFTER UPDATE ON "Indicator"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_indicator"();

CREATE FUNCTION "ComparableBase_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "ComparableBase";
  RETURN NULL;
END $$;

CREATE TRIGGER "ComparableBase_value_truncate" AFTER TRUNCATE ON "EnterpriseValue" FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_truncate"();
CREATE TRIGGER "ComparableBase_scale_truncate" AFTER TRUNCATE ON "EnterpriseScaleChange" FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_truncate"();
CREATE TRIGGER "ComparableBase_enterprise_truncate" AFTER TRUNCATE ON "Enterprise" FOR EACH STATEMENT EXECUTE FUNCTION "ComparableBase_on_truncate"();

-- Existing data.
SELECT "ComparableBase_rebuild"(ARRAY(SELECT DISTINCT "townId" FROM "Enterprise"));
