// The standard town monthly indicator set (DOMAIN.md). The admin can add more at runtime;
// this list seeds a new database and names the codes the rest of the code refers to.

export type IndicatorDef = {
  code: string;
  name: string;
  unit: string;
  kind: "FLOW" | "STOCK";
  precision: number;
  allowNegative?: boolean;
  integerOnly?: boolean;
  isMoney?: boolean;
  priceBasis?: "CURRENT" | "COMPARABLE";
  onEnterpriseForm?: boolean;
};

export const INDICATORS: readonly IndicatorDef[] = [
  { code: "gross_output", name: "工业总产值", unit: "万元", kind: "FLOW", precision: 2, isMoney: true, onEnterpriseForm: true },
  { code: "above_scale_output", name: "规上工业总产值", unit: "万元", kind: "FLOW", precision: 2, isMoney: true },
  { code: "value_added", name: "工业增加值", unit: "万元", kind: "FLOW", precision: 2, isMoney: true, priceBasis: "COMPARABLE" },
  { code: "sales_revenue", name: "销售收入（营业收入）", unit: "万元", kind: "FLOW", precision: 2, isMoney: true, onEnterpriseForm: true },
  { code: "invoiced_sales", name: "开票销售收入", unit: "万元", kind: "FLOW", precision: 2, isMoney: true },
  { code: "profit", name: "利润总额", unit: "万元", kind: "FLOW", precision: 2, isMoney: true, allowNegative: true, onEnterpriseForm: true },
  { code: "profit_tax", name: "利税总额", unit: "万元", kind: "FLOW", precision: 2, isMoney: true, allowNegative: true },
  { code: "tax", name: "入库税金", unit: "万元", kind: "FLOW", precision: 2, isMoney: true, onEnterpriseForm: true },
  { code: "fixed_asset_investment", name: "固定资产投资", unit: "万元", kind: "FLOW", precision: 2, isMoney: true },
  { code: "industrial_investment", name: "工业投资（含技改）", unit: "万元", kind: "FLOW", precision: 2, isMoney: true },
  { code: "electricity", name: "工业用电量", unit: "万千瓦时", kind: "FLOW", precision: 2 },
  { code: "above_scale_count", name: "规上（列统）企业数", unit: "家", kind: "STOCK", precision: 0, integerOnly: true },
  { code: "new_above_scale", name: "新增规上企业", unit: "家", kind: "FLOW", precision: 0, integerOnly: true },
  { code: "employees", name: "从业人员", unit: "人", kind: "STOCK", precision: 0, integerOnly: true },
  { code: "new_private_enterprises", name: "新发展私营企业", unit: "户", kind: "FLOW", precision: 0, integerOnly: true },
  { code: "new_individual_businesses", name: "新发展个体工商户", unit: "户", kind: "FLOW", precision: 0, integerOnly: true },
  { code: "new_private_capital", name: "新增民营注册资本", unit: "万元", kind: "FLOW", precision: 2, isMoney: true },
  { code: "attracted_projects", name: "招引项目", unit: "个", kind: "FLOW", precision: 0, integerOnly: true },
  { code: "attracted_investment", name: "招引项目计划总投资", unit: "万元", kind: "FLOW", precision: 2, isMoney: true },
  { code: "funds_arrived", name: "实际到账资金", unit: "万元", kind: "FLOW", precision: 2, isMoney: true },
];

export type IndicatorCode = (typeof INDICATORS)[number]["code"];

/** The indicators the county overview shows first. */
export const HEADLINE_INDICATORS = ["gross_output", "above_scale_output", "sales_revenue", "profit_tax", "industrial_investment"] as const;
