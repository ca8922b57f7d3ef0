import { z } from "zod";

/*
 * Zod's own messages in Chinese, for every schema that does not carry its own message. zod keeps
 * its configuration on globalThis, so one call per runtime covers every bundle: instrumentation.ts
 * (server) and instrumentation-client.ts (browser) make it at start-up. The commonest issues get
 * plain wording here; the rest fall back to zod's zh-CN locale.
 */

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  object: "对象",
  array: "数组",
  null: "null",
  undefined: "空",
  nan: "NaN",
  bigint: "整数",
  date: "日期",
};

const typeName = (t: string) => TYPE_NAMES[t] ?? t;

function receivedType(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (typeof input === "number" && Number.isNaN(input)) return "nan";
  if (typeof input === "number" && !Number.isFinite(input)) return "无穷大";
  return typeof input;
}

const UNITS: Record<string, string> = { string: "个字", array: "项", set: "项", file: "字节" };

function sizeMessage(issue: { origin: string; inclusive?: boolean }, bound: number | bigint | Date, big: boolean): string {
  const unit = UNITS[issue.origin];
  if (unit) return big ? `最多${bound}${unit}` : Number(bound) === 1 && issue.origin === "string" ? "不能为空" : `至少${bound}${unit}`;
  const inclusive = issue.inclusive !== false;
  if (big) return inclusive ? `不能大于 ${bound}` : `应小于 ${bound}`;
  return inclusive ? `不能小于 ${bound}` : `应大于 ${bound}`;
}

const zhCN = z.locales.zhCN().localeError;

export const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "缺少此项";
      if (issue.expected === "int" && typeof issue.input === "number" && Number.isFinite(issue.input)) return "应为整数，不能有小数";
      const expected = typeName(issue.expected);
      return `应为${expected}，收到的是${typeName(receivedType(issue.input))}`;
    }
    case "too_big":
      return sizeMessage(issue, issue.maximum, true);
    case "too_small":
      return sizeMessage(issue, issue.minimum, false);
    case "invalid_union":
      return "格式不正确";
    default:
      return zhCN(issue);
  }
};

/** Idempotent: safe to call from every entry point. */
export function configureZodLocale(): void {
  z.config({ localeError: chineseErrorMap });
}
