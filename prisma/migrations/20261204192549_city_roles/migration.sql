-- AlterEnum: the city's roles (市级审核员, 市领导). docs/decisions/016-city-and-peer-counties.md
ALTER TYPE "Role" ADD VALUE 'CITY_REVIEWER';
ALTER TYPE "Role" ADD VALUE 'CITY_LEADER';
