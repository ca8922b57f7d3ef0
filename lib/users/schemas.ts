// Admin forms for users. Messages are what the admin reads.
import { z } from "zod";
import { safeText } from "@/lib/input/text";

export const ROLES = ["ADMIN", "REVIEWER", "REPORTER", "LEADER", "CITY_REVIEWER", "CITY_LEADER"] as const;

const id = z.coerce.number({ message: "缺少用户编号" }).int().positive("缺少用户编号");

export const userFieldsSchema = z.object({
  displayName: safeText().trim().min(1, "请填写姓名").max(40, "姓名不能超过40个字"),
  role: z.enum(ROLES, { message: "请选择角色" }),
  regionId: z.coerce.number({ message: "请选择所属地区" }).int().positive("请选择所属地区"),
});

export const createUserSchema = userFieldsSchema.extend({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,40}$/, "用户名须为3–40位小写字母、数字或 _ . -"),
  /** Empty: a temporary password is generated and shown once. */
  password: z.string().max(200).optional().default(""),
});

export const updateUserSchema = userFieldsSchema.extend({ id });

export const userIdSchema = z.object({ id });

export const setDisabledSchema = z.object({ id, disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
