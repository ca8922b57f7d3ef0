import type { Metadata } from "next";
import { headers } from "next/headers";
import { WallMessage } from "@/components/wall/wall-message";
import { WallScreen } from "@/components/wall/wall-screen";
import { WallStage } from "@/components/wall/wall-stage";
import { verifyKioskToken } from "@/lib/kiosk";
import { refreshSeconds, WALL_REFUSED_MESSAGE } from "@/lib/kiosk/types";
import { getWallData } from "@/lib/kiosk/wall";

export const metadata: Metadata = {
  title: "乡镇工业运行大屏",
  // The token is in the URL: never send it on as a referrer, never index the page.
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

export const dynamic = "force-dynamic";

type Search = { k?: string | string[]; refresh?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function WallPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const token = one(params.k);
  const access = await verifyKioskToken(token);
  if (!access.ok || !token) {
    return (
      <WallStage nonce={nonce}>
        <WallMessage title={WALL_REFUSED_MESSAGE} detail="管理员可在“系统管理 → 大屏链接”中创建新的链接。" tone="refused" />
      </WallStage>
    );
  }
  const data = await getWallData(access.region);
  return (
    <WallStage nonce={nonce}>
      <WallScreen initial={data} token={token} refreshSeconds={refreshSeconds(one(params.refresh))} />
    </WallStage>
  );
}
