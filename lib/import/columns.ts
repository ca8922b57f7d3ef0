// Column names as counties write them. Each field lists the variants seen in real sheets;
// matching ignores spaces, brackets (and units inside them) and full/half width.
import type { FieldSpec } from "./headers";

export const TOWN: FieldSpec = { field: "town", label: "乡镇", aliases: ["所属乡镇", "镇街", "乡镇街道", "乡镇名称", "镇", "镇别", "地区", "区划代码", "统计用区划代码", "乡镇代码"], required: true, example: "戴南镇" };
export const PERIOD: FieldSpec = { field: "period", label: "统计期", aliases: ["年月", "月份", "报告期", "报表期", "期别", "统计月份", "所属期"], example: "2024-07" };
export const YEAR: FieldSpec = { field: "year", label: "年度", aliases: ["年份", "计划年度", "年"], example: "2024" };
export const CREDIT_CODE: FieldSpec = { field: "creditCode", label: "统一社会信用代码", aliases: ["信用代码", "社会信用代码", "统一信用代码", "组织机构代码", "企业代码"], required: true, example: "91321281MA1XXXXXXX" };
export const NAME: FieldSpec = { field: "name", label: "企业名称", aliases: ["单位名称", "企业", "名称", "企业全称", "单位详细名称"], example: "兴化市华鑫不锈钢制品有限公司" };

/** Extra names of the standard indicators (the indicator's own name always matches too). */
export const INDICATOR_ALIASES: Readonly<Record<string, readonly string[]>> = {
  gross_output: ["工业总产值", "总产值", "全部工业总产值", "工业产值", "产值"],
  above_scale_output: ["规上工业总产值", "规模以上工业总产值", "规上工业产值", "规上产值"],
  value_added: ["增加值", "工业增加值"],
  sales_revenue: ["销售收入", "营业收入", "主营业务收入", "工业销售收入", "销售"],
  invoiced_sales: ["开票销售", "开票收入", "开票销售额"],
  profit: ["利润", "利润总额", "实现利润"],
  profit_tax: ["利税", "利税总额", "实现利税"],
  tax: ["税金", "税收", "入库税收", "入库税金", "纳税", "实缴税金"],
  fixed_asset_investment: ["固投", "固定资产投资额", "全社会固定资产投资"],
  industrial_investment: ["工业投资", "工业技改投资", "工业投资含技改"],
  electricity: ["用电量", "工业用电"],
  above_scale_count: ["规上企业数", "列统企业数", "规模以上企业数", "规上企业"],
  new_above_scale: ["新增规上企业数", "新增列统企业", "新增规上"],
  employees: ["从业人数", "从业人员数", "职工人数"],
  new_private_enterprises: ["新增私营企业", "新发展私营企业户数", "私营企业"],
  new_individual_businesses: ["新增个体工商户", "个体工商户", "新发展个体户"],
  new_private_capital: ["新增注册资本", "民营注册资本", "新增民营资本"],
  attracted_projects: ["招引项目数", "招引项目个数", "招商项目数"],
  attracted_investment: ["招引计划总投资", "招商项目计划总投资", "协议投资"],
  funds_arrived: ["到账资金", "实际到位资金", "到位资金"],
};

export type IndicatorRef = {
  id: number;
  code: string;
  name: string;
  unit: string;
  kind: "FLOW" | "STOCK";
  precision: number;
  allowNegative: boolean;
  integerOnly: boolean;
  onTownForm: boolean;
  onEnterpriseForm: boolean;
  yoyWarnPercent?: string;
  planWarnPercent?: string;
  magnitudeWarnRatio?: string;
};

export const indicatorField = (code: string) => `ind:${code}`;

export function indicatorSpecs(indicators: readonly IndicatorRef[]): FieldSpec[] {
  return indicators.map((i) => ({
    field: indicatorField(i.code),
    label: `${i.name}（${i.unit}）`,
    aliases: [i.name, ...(INDICATOR_ALIASES[i.code] ?? [])],
    example: i.integerOnly ? "12" : i.code === "gross_output" ? "1.2亿" : "3,500.5",
  }));
}

export const ENTERPRISE_FIELDS: FieldSpec[] = [
  CREDIT_CODE,
  { ...NAME, required: true },
  TOWN,
  { field: "industryCode", label: "行业代码", aliases: ["国民经济行业代码", "行业分类代码", "行业类别代码", "行业"], required: true, example: "C3311" },
  { field: "park", label: "所属园区", aliases: ["园区", "工业集中区", "所在园区", "开发区"], example: "戴南不锈钢产业园" },
  { field: "ownership", label: "经济类型", aliases: ["所有制", "企业类型", "登记注册类型", "控股情况"], example: "民营" },
  { field: "aboveScale", label: "是否规上", aliases: ["规上", "规模以上", "是否规模以上", "规上企业标志", "是否列统"], example: "是" },
];

export const PROJECT_FIELDS: FieldSpec[] = [
  { field: "name", label: "项目名称", aliases: ["项目", "名称"], required: true, example: "年产5万吨精密不锈钢管项目" },
  TOWN,
  { field: "totalInvestment", label: "计划总投资（万元）", aliases: ["总投资", "计划总投资", "项目总投资", "投资总额"], required: true, example: "1.2亿" },
  { field: "stage", label: "项目阶段", aliases: ["阶段", "进展阶段", "项目进度", "状态", "建设阶段"], required: true, example: "在建" },
  { field: "sector", label: "项目类别", aliases: ["行业", "领域", "产业类别", "类别"], example: "工业" },
  { field: "park", label: "所属园区", aliases: ["园区", "所在园区"], example: "戴南不锈钢产业园" },
  { ...CREDIT_CODE, label: "建设单位信用代码", aliases: ["统一社会信用代码", "信用代码", "企业信用代码"], required: false, example: "" },
  { field: "signedOn", label: "签约日期", aliases: ["签约时间"], example: "2024-03-15" },
  { field: "startedOn", label: "开工日期", aliases: ["开工时间"], example: "2024-05-10" },
  { field: "completedOn", label: "竣工日期", aliases: ["竣工时间"], example: "" },
  { field: "yearPlanned", label: "当年计划投资（万元）", aliases: ["当年计划投资", "年度计划投资", "本年计划投资"], example: "4500" },
  { field: "completedYtd", label: "当年累计完成投资（万元）", aliases: ["累计完成投资", "当年累计完成投资", "本年完成投资", "累计用款", "当年累计用款"], example: "2600" },
];
