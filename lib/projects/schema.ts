import { z } from "zod";
import { safeText } from "@/lib/input/text";
import { STAGES } from "./filters";

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const projectSchema = z.object({
  name: safeText().trim().min(2, "请填写项目名称").max(120, "项目名称不超过120个字"),
  townCode: z.string().regex(/^\d{12}$/, "请选择所在乡镇"),
  parkId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()),
  sector: safeText().trim().min(1, "请填写行业类别").max(40),
  totalInvestment: z.string().trim().regex(/^\d{1,14}(\.\d{1,4})?$/, "计划总投资应为不小于0的数字（万元）"),
  stage: z.enum(STAGES, { message: "请选择项目阶段" }),
  plannedEndOn: z.preprocess(emptyToNull, z.iso.date({ message: "日期格式应为 YYYY-MM-DD" }).nullable()),
});
