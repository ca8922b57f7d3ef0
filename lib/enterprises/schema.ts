// The enterprise registry form: Chinese messages in the schema; update adds id and version.
import { z } from "zod";
import { safeText } from "@/lib/input/text";
import { creditCodeProblem } from "./credit-code";

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export const enterpriseSchema = z.object({
  name: safeText().trim().min(2, "请填写企业名称").max(100, "企业名称不超过100个字"),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const problem = creditCodeProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  townCode: z.string().regex(/^\d{12}$/, "请选择所在乡镇"),
  parkId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()),
  industryCode: z.string().trim().toUpperCase().regex(/^[A-T]\d{4}$/, "行业代码应为门类字母加4位数字，例如 C3311"),
  ownership: z.enum(["PRIVATE", "STATE", "FOREIGN", "HMT"], { message: "请选择登记注册类型" }),
  aboveScale: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const versioned = { id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() };
export const enterpriseUpdateSchema = enterpriseSchema.extend(versioned);
export type EnterpriseInput = z.infer<typeof enterpriseSchema>;

/** What a form action returns: field errors beside inputs, or a message above the form. */
export type FormState = { fieldErrors?: Record<string, string[] | undefined>; message?: string; id?: number };

export const CONFLICT_MESSAGE = "该记录已被他人修改，请刷新页面后重新编辑";
