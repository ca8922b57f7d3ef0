// 国民经济行业分类 (GB/T 4754-2017) 大类 names for the codes the county's enterprises use.
// A code like "C3311" belongs to 大类 "C33"; unknown classes show their code.
export const INDUSTRY_DIVISIONS: Readonly<Record<string, string>> = {
  C13: "农副食品加工业",
  C14: "食品制造业",
  C17: "纺织业",
  C18: "纺织服装、服饰业",
  C26: "化学原料和化学制品制造业",
  C29: "橡胶和塑料制品业",
  C30: "非金属矿物制品业",
  C31: "黑色金属冶炼和压延加工业",
  C32: "有色金属冶炼和压延加工业",
  C33: "金属制品业",
  C34: "通用设备制造业",
  C35: "专用设备制造业",
  C36: "汽车制造业",
  C38: "电气机械和器材制造业",
  C39: "计算机、通信和其他电子设备制造业",
};

export const industryDivision = (code: string) => code.slice(0, 3).toUpperCase();

export function industryLabel(division: string): string {
  return INDUSTRY_DIVISIONS[division] ? `${INDUSTRY_DIVISIONS[division]}（${division}）` : division;
}

export const OWNERSHIP_LABELS = { PRIVATE: "民营", STATE: "国有", FOREIGN: "外资", HMT: "港澳台" } as const;
