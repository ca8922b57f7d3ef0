import type { CheckRule } from "./types";

/** Short Chinese labels for lists, filters and the reviewer's summary. */
export const checkRulesLabel: Readonly<Record<CheckRule, string>> = {
  negative: "出现负数",
  ytd_decreased: "累计数小于上月累计",
  value_added_above_output: "增加值大于总产值",
  above_scale_above_output: "规上产值大于总产值",
  fractional_count: "个数出现小数",
  profit_above_sales: "利润大于销售收入",
  profit_tax_below_profit: "利税小于利润",
  yoy_out_of_range: "同比增幅超出阈值",
  magnitude_vs_last_year: "与去年同期量级不符",
  magnitude_vs_last_month: "与上月累计量级不符",
  plan_over: "计划完成率过高",
  sales_output_ratio: "销售收入与总产值不匹配",
  value_added_ratio: "增加值率异常",
  unit_slip: "疑似单位错误",
};
