// The enterprise register (企业名录) and enterprises' monthly figures.
import { creditCodeProblem } from "@/lib/enterprises/credit-code";
import { CREDIT_CODE, ENTERPRISE_FIELDS, indicatorSpecs, NAME, PERIOD } from "../columns";
import type { FieldSpec } from "../headers";
import type { EnterpriseRecord, EnterpriseValuesRecord } from "../records";
import { parkResolver, type Refs } from "../refs";
import type { RowReader } from "../rows";
import { parseIndustryCode, parseOwnership, parseYesNo } from "../values";
import { readFigures, resolveRegion } from "./figures";

// Built once per import (refs), not once per row.
const perRefs = <T>(make: (refs: Refs) => T) => {
  const cache = new WeakMap<Refs, T>();
  return (refs: Refs): T => {
    let v = cache.get(refs);
    if (v === undefined) cache.set(refs, (v = make(refs)));
    return v;
  };
};
const enterpriseIndicators = perRefs((refs) => refs.indicators.filter((i) => i.onEnterpriseForm));
const parkOf = perRefs(parkResolver);

function creditCode(r: RowReader): string | null {
  const raw = r.required("creditCode", "统一社会信用代码");
  if (raw === null) return null;
  const code = raw.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  const problem = creditCodeProblem(code);
  if (problem) {
    r.problem("creditCode", `${problem}（${raw}）`);
    return null;
  }
  return code;
}

export const enterprisesKind = {
  specs: (): FieldSpec[] => ENTERPRISE_FIELDS,
  parse(r: RowReader, refs: Refs): EnterpriseRecord | null {
    const code = creditCode(r);
    const name = r.required("name", "企业名称");
    if (name !== null && name.length > 100) r.problem("name", "企业名称过长（最多100字）");
    const town = resolveRegion(r, refs, false);
    const industryCode = r.has("industryCode") ? r.read("industryCode", parseIndustryCode) : null;
    if (industryCode === null) r.problem("industryCode", "行业代码不能为空");
    const parkName = r.text("park");
    const park = parkName ? parkOf(refs)(parkName) : null;
    if (parkName && !park) r.problem("park", `未知园区“${parkName}”`);
    if (park && town && park.townId !== town.id) r.problem("park", `园区“${parkName}”不在${town.name}`);
    const ownership = r.read("ownership", parseOwnership) ?? null;
    const aboveScale = r.read("aboveScale", parseYesNo) ?? null;
    if (!code || !name || !town || !industryCode || !r.ok) return null;
    return { src: r.src, creditCode: code, name, townId: town.id, parkId: park?.id ?? null, industryCode, ownership, aboveScale };
  },
  key: (x: EnterpriseRecord) => x.creditCode,
  keyLabel: "同一统一社会信用代码",
};

export const enterpriseValuesKind = {
  specs: (refs: Refs): FieldSpec[] => [CREDIT_CODE, NAME, PERIOD, ...indicatorSpecs(enterpriseIndicators(refs))],
  parse(r: RowReader, refs: Refs): EnterpriseValuesRecord | null {
    const code = creditCode(r);
    const enterprise = code ? refs.enterprises.get(code) : undefined;
    if (code && !enterprise) r.problem("creditCode", `企业名录中没有信用代码为 ${code} 的企业，请先导入企业名录`);
    if (enterprise && refs.onlyTownId !== null && enterprise.townId !== refs.onlyTownId) r.problem("creditCode", "只能导入本镇企业的数据");
    const name = r.text("name");
    if (enterprise && name && name.replace(/\s/g, "") !== enterprise.name.replace(/\s/g, "")) {
      r.problem("name", `企业名称与名录不一致（名录为“${enterprise.name}”），以信用代码为准`, "warning");
    }
    const period = r.period(refs.defaultPeriod);
    const values = readFigures(r, enterpriseIndicators(refs));
    if (!code || !enterprise || !period || !r.ok) return null;
    if (Object.keys(values).length === 0) {
      r.problem(null, "该行没有任何指标数值，已跳过", "warning");
      return null;
    }
    return { src: r.src, enterpriseId: enterprise.id, creditCode: code, name: enterprise.name, townId: enterprise.townId, year: period.year, month: period.month, values };
  },
  key: (x: EnterpriseValuesRecord) => `${x.creditCode}|${x.year}|${x.month}`,
  keyLabel: "同一企业、同一统计期",
};
