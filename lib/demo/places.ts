// The demo county: real-looking 统计用区划代码 and town names, synthetic figures.
export const DEMO_CITY = { code: "321200000000", name: "泰州市" };
export const DEMO_COUNTY = { code: "321281000000", name: "兴化市" };
/** The demo county's 必填指标: the headline figures every town report must carry. */
export const DEMO_REQUIRED_INDICATORS = ["gross_output", "above_scale_output", "sales_revenue", "profit", "tax"] as const;

export type DemoTown = { code: string; name: string; kind: string; size: number; newThisYear?: boolean };

// size: relative industrial weight of the town.
export const DEMO_TOWNS: readonly DemoTown[] = [
  { code: "321281001000", name: "昭阳街道", kind: "街道", size: 1.3 },
  { code: "321281002000", name: "临城街道", kind: "街道", size: 1.0 },
  { code: "321281100000", name: "戴南镇", kind: "镇", size: 3.2 },
  { code: "321281101000", name: "张郭镇", kind: "镇", size: 2.1 },
  { code: "321281102000", name: "安丰镇", kind: "镇", size: 1.2 },
  { code: "321281103000", name: "戴窑镇", kind: "镇", size: 0.9 },
  { code: "321281104000", name: "合陈镇", kind: "镇", size: 0.7 },
  { code: "321281105000", name: "永丰镇", kind: "镇", size: 0.6 },
  { code: "321281106000", name: "陈堡镇", kind: "镇", size: 1.1 },
  { code: "321281107000", name: "竹泓镇", kind: "镇", size: 0.8 },
  { code: "321281108000", name: "沙沟镇", kind: "镇", size: 0.5 },
  { code: "321281109000", name: "周庄镇", kind: "镇", size: 0.9 },
  { code: "321281110000", name: "大营镇", kind: "镇", size: 0.6 },
  // A development zone set up in the current year: no last-year figures, so no 同比.
  { code: "321281400000", name: "兴化高新区", kind: "开发区", size: 0.8, newThisYear: true },
];

/** Towns whose profit tells a story leaders look for. */
export const LOSS_TO_PROFIT_TOWN = "321281108000"; // 沙沟镇: loss last year, profit this year (扭亏为盈)
export const SHRINKING_LOSS_TOWN = "321281105000"; // 永丰镇: loss both years, smaller this year (减亏)

export const DEMO_PARKS = [
  { name: "兴化经济开发区", level: "PROVINCIAL", townCode: "321281001000", plannedArea: 32000, industries: "不锈钢制品、健康食品、新能源装备" },
  { name: "戴南不锈钢产业园", level: "MUNICIPAL", townCode: "321281100000", plannedArea: 12500, industries: "不锈钢冶炼及制品" },
  { name: "张郭镇工业集中区", level: "TOWNSHIP", townCode: "321281101000", plannedArea: 4800, industries: "不锈钢精密加工、机械配件" },
] as const;

/** Industries with the name endings a firm of that industry would carry (a 食品 firm is not 不锈钢). */
export const INDUSTRIES = [
  { code: "C3311", name: "金属结构制造", suffixes: ["钢结构有限公司", "金属结构有限公司"] },
  { code: "C3140", name: "铁合金冶炼", suffixes: ["合金材料有限公司", "冶金有限公司"] },
  { code: "C3399", name: "其他金属制品", suffixes: ["不锈钢制品有限公司", "金属制品有限公司"] },
  { code: "C3435", name: "金属切削机床", suffixes: ["机床有限公司", "精密机械有限公司"] },
  { code: "C1371", name: "蔬菜加工", suffixes: ["食品有限公司", "蔬菜制品有限公司"] },
  { code: "C1391", name: "淀粉及淀粉制品", suffixes: ["淀粉制品有限公司", "生物食品有限公司"] },
  { code: "C3829", name: "其他输配电及控制设备", suffixes: ["电气有限公司", "电力设备有限公司"] },
  { code: "C2929", name: "塑料零件及其他塑料制品", suffixes: ["塑业有限公司", "塑料制品有限公司"] },
  { code: "C2662", name: "专项化学用品", suffixes: ["化工科技有限公司", "新材料科技有限公司"] },
  { code: "C1811", name: "运动机织服装", suffixes: ["服饰有限公司", "运动用品有限公司"] },
] as const;

export const NAME_WORDS = ["华鑫", "永盛", "宏达", "恒泰", "金源", "天润", "瑞丰", "中兴", "嘉禾", "鼎盛", "汇通", "新远", "广源", "盛达", "海纳", "正和", "诚信", "富康", "远大", "锦程"];
export const NAME_SUFFIXES = ["不锈钢制品有限公司", "金属材料有限公司", "机械有限公司", "食品有限公司", "电气有限公司", "新材料科技有限公司", "精密制造有限公司", "服饰有限公司"];
