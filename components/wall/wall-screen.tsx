"use client";
// The running wall: polls its data, rotates its panels, and never blanks. Every box has a fixed
// size, so new figures replace old ones in place.
import { WALL_REFUSED_MESSAGE, type WallData } from "@/lib/kiosk/types";
import { ForecastPanel } from "./forecast-panel";
import { KpiCards } from "./kpi-cards";
import { Fade } from "./panel";
import { ParksPanel } from "./parks-panel";
import { ProjectsPanel } from "./projects-panel";
import { RankingPanel } from "./ranking-panel";
import { TrendPanel } from "./trend-panel";
import { useTicker, useWallData } from "./use-wall-data";
import { WallHeader } from "./wall-header";
import { WallMessage } from "./wall-message";

/** Seconds between rotations: the projects ticker turns a page each tick, the paired views every two. */
const ROTATE_SECONDS = 10;

export function WallScreen({ initial, token, refreshSeconds }: { initial: WallData; token: string; refreshSeconds: number }) {
  const { data, offline, refused } = useWallData(initial, token, refreshSeconds);
  const tick = useTicker(ROTATE_SECONDS);

  if (refused) return <WallMessage title={WALL_REFUSED_MESSAGE} detail="管理员可在“系统管理 → 大屏链接”中创建新的链接。" tone="refused" />;

  if (data.status === "empty") {
    return (
      <div className="flex h-full flex-col px-9 pb-8 pt-6">
        <WallHeader county={data.county.name} periodLabel={null} generatedAt={data.generatedAt} offline={offline} reported={null} />
        <div className="min-h-0 flex-1">
          <WallMessage title={`${data.county.name}暂无已报送的数据`} detail="乡镇报送月报后，大屏将自动显示最新数据。" tone="empty" />
        </div>
      </div>
    );
  }

  // The paired views alternate out of step, so the screen never changes everywhere at once.
  // With a city, the rankings box turns to the 全市位次 as a third view.
  const rankingMode = (Math.floor(tick / 2) % (data.peers ? 3 : 2)) as 0 | 1 | 2;
  const trendMode = (Math.floor((tick + 1) / 2) % 2) as 0 | 1;
  // The parks and the year-end forecast share a box: parks first (two ticks), then the forecast.
  const forecastShown = data.forecast != null && Math.floor(tick / 2) % 2 === 1;
  return (
    <div className="flex h-full flex-col gap-6 px-9 pb-8 pt-6">
      <WallHeader
        county={data.county.name}
        periodLabel={data.period.label}
        generatedAt={data.generatedAt}
        offline={offline}
        reported={{ towns: data.reportedTowns, total: data.totalTowns }}
        scope={data.growthScope}
      />
      <KpiCards kpis={data.kpis} />
      <div className="flex min-h-0 flex-1 gap-6">
        <RankingPanel indicator={data.rankings.indicator} total={data.rankings.total} growth={data.rankings.growth} mode={rankingMode} tick={Math.floor(tick / 4)} peers={data.peers} />
        <div className="flex w-[700px] shrink-0 flex-col gap-6">
          <TrendPanel indicator={data.rankings.indicator} year={data.trend.year} lastYear={data.trend.lastYear} rows={data.trend.rows} partial={data.trend.partial ?? null} mode={trendMode} />
          {data.forecast ? (
            <div className="relative min-h-0 flex-1">
              <Fade active={!forecastShown}>
                <div className="flex h-full flex-col">
                  <ParksPanel parks={data.parks} periodLabel={data.period.label} tick={tick} />
                </div>
              </Fade>
              <Fade active={forecastShown}>
                <ForecastPanel forecast={data.forecast} tick={Math.floor(tick / 4)} />
              </Fade>
            </div>
          ) : (
            <ParksPanel parks={data.parks} periodLabel={data.period.label} tick={tick} />
          )}
        </div>
        <ProjectsPanel projects={data.projects} tick={tick} />
      </div>
    </div>
  );
}
