import { z } from "zod";
import { safeText } from "@/lib/input/text";

export const parkSchema = z.object({
  name: safeText().trim().min(2, "请填写园区名称").max(100, "园区名称不超过100个字"),
  level: z.enum(["PROVINCIAL", "MUNICIPAL", "TOWNSHIP"], { message: "请选择园区级别" }),
  townCode: z.string().regex(/^\d{12}$/, "请选择所在乡镇"),
  plannedArea: z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, "规划面积应为不小于0的数字（亩，最多2位小数）"),
  leadingIndustries: safeText().trim().max(200, "主导产业不超过200个字").default(""),
});
