// What the entry grids send: the changed rows only, each with the token it was loaded with.
// Figures stay typed text here ("1.2亿"); the services parse them per field with lib/input.
import { z } from "zod";
import { periodKeySchema } from "@/lib/api/schemas";
import { STAGE_ORDER } from "./fields";

export const MAX_ROWS_PER_SAVE = 2000;

export const entryTarget = z.object({
  town: z.string().regex(/^\d{12}$/, "乡镇代码无效"),
  period: periodKeySchema,
});

const rowKey = {
  id: z.number().int().positive("行标识无效"),
  token: z.string().min(1).max(64, "行版本无效"),
};

const typed = z.string().max(60, "填写内容过长").nullable();

export const figureRow = z.object({ ...rowKey, values: z.record(z.string().max(40), typed) });

const rows = <T extends z.ZodType>(row: T) =>
  z.array(row).min(1, "没有需要保存的修改").max(MAX_ROWS_PER_SAVE, `一次最多保存${MAX_ROWS_PER_SAVE}行`);

export const figureGridSave = entryTarget.extend({ rows: rows(figureRow) });
export type FigureGridSave = z.infer<typeof figureGridSave>;

export const projectRow = z.object({
  ...rowKey,
  completedYtd: typed,
  stageChange: z
    .object({
      stage: z.enum(STAGE_ORDER, { message: "请选择项目阶段" }),
      on: z.string().max(10, "日期格式应为 YYYY-MM-DD"),
    })
    .nullable()
    .optional(),
});

export const projectGridSave = entryTarget.extend({ rows: rows(projectRow) });
export type ProjectGridSave = z.infer<typeof projectGridSave>;
export type ProjectRowInput = z.infer<typeof projectRow>;
