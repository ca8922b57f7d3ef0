// The admin form for API tokens.
import { z } from "zod";
import { safeText } from "@/lib/input/text";

const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));

export const createTokenSchema = z.object({
  userId: z.coerce.number({ message: "请选择令牌所属用户" }).int().positive("请选择令牌所属用户"),
  name: safeText().trim().min(1, "请填写令牌名称").max(60, "名称不能超过60个字"),
  /** Narrows the owner's scope to this region; empty: the owner's whole scope. */
  regionId: optionalId,
  /** A checkbox: present ("on") when ticked. */
  readOnly: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  /** Last day the token works (China time), YYYY-MM-DD; empty: no expiry. */
  expiresOn: z
    .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "到期日期格式应为 YYYY-MM-DD")])
    .optional()
    .transform((v) => (v ? new Date(`${v}T23:59:59.999+08:00`) : null))
    .refine((d) => d === null || !Number.isNaN(d.getTime()), "到期日期无效"),
});

export const tokenIdSchema = z.object({ id: z.coerce.number({ message: "缺少令牌编号" }).int().positive("缺少令牌编号") });
