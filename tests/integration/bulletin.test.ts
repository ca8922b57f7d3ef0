// The demo county's bulletin: every figure in it is the dashboard's (the overview API), no
// placeholders, the Word export carries the same text, and published versions are kept.
import { mkdirSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as docxGET } from "@/app/api/v1/bulletin/docx/route";
import { GET as overviewGET } from "@/app/api/v1/overview/route";
import { loadActiveUser } from "@/lib/auth/session";
import { composeBulletin, sectionsToText } from "@/lib/bulletin/compose";
import { getBulletinData } from "@/lib/bulletin/data";
import { getBulletinView, saveBulletin } from "@/lib/bulletin/service";
import { getPrisma } from "@/lib/db/client";
import { DEMO_COUNTY } from "@/lib/demo/places";
import { seedDemoCounty } from "@/lib/demo/seed";
import type { Cell } from "@/lib/overview/compute";
import { getRegionByCode } from "@/lib/regions";
import { formatGrowth, formatNumber, formatPercent, formatScheduleGap, formatYi } from "@/lib/stats";
import { callApi, createApiToken } from "../support/api";
import { resetDatabase } from "../support/db";

type Overview = { totals: Record<string, Cell>; children: { region: { name: string }; values: Record<string, Cell> }[] };
let token: string;
let overview: Overview;
let text: string;

beforeAll(async () => {
  await resetDatabase();
  await seedDemoCounty(getPrisma(), { throughYear: 2024, throughMonth: 7 });
  token = await createApiToken("reviewer", { readOnly: false });
  overview = (await callApi(overviewGET, `/api/v1/overview?region=${DEMO_COUNTY.code}&period=2024-07`, token)).body as unknown as Overview;
  const county = (await getRegionByCode(DEMO_COUNTY.code))!;
  text = sectionsToText(composeBulletin(await getBulletinData(county, 2024, 7)).sections);
  if (process.env.BULLETIN_OUT) {
    const res = await docxGET(new Request(`http://localhost/api/v1/bulletin/docx?region=${DEMO_COUNTY.code}&period=2024-07`, { headers: { authorization: `Bearer ${token}` } }));
    mkdirSync(process.env.BULLETIN_OUT, { recursive: true });
    writeFileSync(`${process.env.BULLETIN_OUT}/bulletin.docx`, Buffer.from(await res.arrayBuffer()));
    writeFileSync(`${process.env.BULLETIN_OUT}/bulletin.txt`, text);
  }
}, 180_000);

describe("the demo county's bulletin for 2024年1–7月", () => {
  it("headline: total output, growth, plan completion and schedule gap as the overview API has them", () => {
    const g = overview.totals.gross_output;
    expect(text).toContain(`2024年1–7月，全市乡镇工业完成工业总产值${formatYi(g.value)}亿元，同比${formatGrowth(g.yoyPercent)}，完成年计划的${formatPercent(g.planCompletionPercent)}，${formatScheduleGap(g.scheduleGapPoints)}；`);
    for (const [code, name] of [["above_scale_output", "规上工业总产值"], ["sales_revenue", "销售收入"], ["tax", "入库税金"]] as const) {
      const c = overview.totals[code];
      expect(text).toContain(`${name}${formatYi(c.value)}亿元，同比${formatGrowth(c.yoyPercent)}`);
    }
  });

  it("rankings: top three by total and by growth in rank order, and the towns behind schedule", () => {
    const by = (k: "rank" | "growthRank") => overview.children.filter((c) => c.values.gross_output[k] !== null).sort((a, b) => a.values.gross_output[k]! - b.values.gross_output[k]!);
    const top = by("rank").slice(0, 3).map((c) => c.region.name).join("、");
    expect(text).toContain(`工业总产值总量列前三位的是${top}；`);
    const growth = by("growthRank").slice(0, 3).map((c) => `${c.region.name}（${formatGrowth(c.values.gross_output.yoyPercent)}）`).join("、");
    expect(text).toContain(`增幅列前三位的是${growth}。`);
    const behind = overview.children.filter((c) => (c.values.gross_output.scheduleGapPoints ?? 0) <= -0.05);
    if (behind.length > 0) for (const c of behind) expect(text).toContain(`${c.region.name}（落后${formatScheduleGap(c.values.gross_output.scheduleGapPoints).replace("落后时序进度", "")}）`);
    else expect(text).toContain("均达到时序进度要求");
    expect(text).toContain("沙沟镇利润总额同比扭亏为盈");
  });

  it("parks, projects, attraction, private economy and enterprise tiers from their tables", async () => {
    const db = getPrisma();
    expect(text).toContain(`乡镇共有工业项目${await db.project.count()}个`);
    const big = await db.project.count({ where: { totalInvestment: { gte: 10000 } } });
    expect(text).toContain(`亿元以上项目${big}个：`);
    const signed = await db.attractionRecord.count({ where: { year: 2024, month: { lte: 7 } } });
    expect(text).toContain(`新签约招商引资项目${signed}个（其中外资项目`);
    expect(text).toContain("兴化经济开发区（省级开发区）实现销售收入");
    const npe = overview.totals.new_private_enterprises;
    expect(text).toContain(`新发展私营企业${formatNumber(npe.value, 0)}户`);
    expect(text).toMatch(/其中产值超亿元的\d+家/);
  });

  it("has no placeholders", () => {
    expect(text).not.toMatch(/xx|NaN|undefined|Infinity|null|—|入库入库/);
  });

  it("the Word export is a real .docx with the same text and the tables", async () => {
    const res = await docxGET(new Request(`http://localhost/api/v1/bulletin/docx?region=${DEMO_COUNTY.code}&period=2024-07`, { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file("word/document.xml")!.async("string");
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
    expect(paragraphs).toContain("兴化市乡镇工业经济运行情况通报（2024年1–7月）");
    for (const line of text.split("\n").filter(Boolean)) expect(paragraphs).toContain(line);
    expect(xml).toContain("<w:tbl>");
    expect(paragraphs).toContain("表1 各乡镇工业总产值完成情况（万元）");
  });

  it("a reviewer's edit is saved as a draft, published versions are kept and audited", async () => {
    const db = getPrisma();
    const r = await db.user.findUniqueOrThrow({ where: { username: "reviewer" }, select: { id: true, sessionVersion: true } });
    const user = (await loadActiveUser(r.id, r.sessionVersion))!;
    const county = (await getRegionByCode(DEMO_COUNTY.code))!;
    const p = { year: 2024, month: 7 };
    await saveBulletin(user, county, p, { title: "通报", body: `一、总体情况\n${text.split("\n")[1]}`, publish: false });
    await saveBulletin(user, county, p, { title: "通报", body: "一、总体情况\n第一版。", publish: true });
    await saveBulletin(user, county, p, { title: "通报", body: "一、总体情况\n第二版。", publish: true });
    const view = await getBulletinView(county, p);
    expect(view.revisions.map((x) => [x.revision, x.status, x.body])).toEqual([
      [2, "PUBLISHED", "一、总体情况\n第二版。"],
      [1, "PUBLISHED", "一、总体情况\n第一版。"],
    ]);
    expect(view.current).toMatchObject({ source: "published", revision: 2, sections: [{ heading: "一、总体情况", paragraphs: ["第二版。"] }] });
    expect(await db.auditLog.count({ where: { entity: "Bulletin", action: "publish" } })).toBe(2);
    const leader = await db.user.findUniqueOrThrow({ where: { username: "leader" }, select: { id: true, sessionVersion: true } });
    await expect(saveBulletin((await loadActiveUser(leader.id, leader.sessionVersion))!, county, p, { title: "x", body: "y", publish: true })).rejects.toThrow("只有县局审核员");
  });
});
