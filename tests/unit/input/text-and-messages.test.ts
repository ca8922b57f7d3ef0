// Free text loses what PostgreSQL and XML cannot hold; zod speaks Chinese once the server (or the
// browser) has started; figures typed with exponents or beyond NUMERIC(18,4) are refused.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { register } from "@/instrumentation";
import { parseFigure } from "@/lib/input";
import { safeText, stripUnsafeText } from "@/lib/input/text";

describe("stripUnsafeText / safeText", () => {
  it("removes NUL, other C0 controls, U+FFFE/U+FFFF and lone surrogates, keeps tab, newlines and emoji", () => {
    expect(stripUnsafeText("a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf\uD800g\uDC00h")).toBe("abcdefgh");
    expect(stripUnsafeText("说明\t第一行\r\n第二行😀")).toBe("说明\t第一行\r\n第二行😀");
  });

  it("cleans before trim, min and max run, so a NUL cannot make a name look long enough", () => {
    const name = safeText().trim().min(2, "请填写名称").max(4, "最多4个字");
    expect(name.parse(" 华\u0000鑫 ")).toBe("华鑫");
    expect(name.safeParse("华\u0000").error?.issues[0].message).toBe("请填写名称");
    expect(name.parse("\u0000华鑫机械\u0000")).toBe("华鑫机械");
  });
});

describe("zod messages after start-up (instrumentation.ts)", () => {
  it("are Chinese and say what is wrong", () => {
    register();
    const schema = z.object({ name: z.string().max(3), count: z.number().int().min(0), kind: z.enum(["a", "b"]), note: z.string().min(1) });
    const messages = schema.safeParse({ name: "abcd", count: 1.5, kind: "c", note: "" }).error!.issues.map((i) => i.message);
    expect(messages).toEqual(["最多3个字", "应为整数，不能有小数", '无效选项：期望以下之一 "a"|"b"', "不能为空"]);
    expect(schema.safeParse({ name: 1, count: -1, kind: "a", note: "x" }).error!.issues.map((i) => i.message)).toEqual(["应为文本，收到的是数字", "不能小于 0"]);
    expect(schema.safeParse({}).error!.issues[0].message).toBe("缺少此项");
  });
});

describe("parseFigure and exponents", () => {
  const opts = { unit: "万元", allowNegative: true };
  it.each(["1e309", "1e5", "1E3", "-1e-7", "Infinity", "NaN", "0x10"])("refuses %j", (raw) => {
    expect(parseFigure(raw, opts)).toMatchObject({ ok: false });
  });
  it("refuses what NUMERIC(18,4) cannot hold, accepts its largest value", () => {
    expect(parseFigure("100000000000000", opts)).toEqual({ ok: false, message: "数值过大" });
    expect(parseFigure("99999999999999.9999", opts)).toEqual({ ok: true, value: "99999999999999.9999" });
  });
});
