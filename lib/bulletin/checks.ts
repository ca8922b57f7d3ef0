// Checks for the reviewer, shown beside the bulletin and never printed in it (pure): where the
// project records and the towns' monthly reports (the official figures) disagree, by how much.
import Decimal from "decimal.js";
import { formatNumber } from "@/lib/stats";
import type { BulletinData } from "./types";

const wan = (x: Decimal.Value) => `${formatNumber(new Decimal(x).toFixed(), 2)} 万元`;

/** "项目库到账合计与乡镇月报相差 X 万元" and the like; empty when there is nothing to compare. */
export function reconciliationChecks(d: BulletinData): string[] {
  const a = d.attraction;
  if (!a) return [];
  const out: string[] = [];
  const reported = d.totals.funds_arrived?.value;
  if (reported != null) {
    const diff = new Decimal(a.arrivedWan).minus(reported);
    out.push(
      diff.isZero()
        ? `项目库到账合计与乡镇月报一致（${wan(reported)}）`
        : `项目库到账合计与乡镇月报相差 ${wan(diff.abs())}（项目库 ${wan(a.arrivedWan)}，乡镇月报 ${wan(reported)}）`,
    );
  }
  const projects = d.totals.attracted_projects?.value;
  if (projects != null && !new Decimal(projects).eq(a.signed)) {
    out.push(`项目库签约项目与乡镇月报招引项目相差 ${new Decimal(a.signed).minus(projects).abs().toFixed()} 个（项目库 ${a.signed} 个，乡镇月报 ${new Decimal(projects).toFixed()} 个）`);
  }
  if (a.unconverted > 0) out.push(`${a.unconverted}个外资项目缺少当期汇率，未计入项目库人民币合计`);
  return out;
}
