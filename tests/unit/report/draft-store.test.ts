// The report form's local draft: when typed text and a stored report are the same content, and
// when a stored report is one of this browser's own saves (never shown as someone else's conflict).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearDraft, draftKey, isOwnSave, pruneDrafts, readDraft, sameContent, writeDraft, type Content, type Draft } from "@/components/report/draft-store";
import type { FormIndicator } from "@/components/report/types";

const ind = (code: string, over: Partial<FormIndicator> = {}): FormIndicator =>
  ({ id: 1, code, name: code, unit: "万元", precision: 2, kind: "FLOW", integerOnly: false, allowNegative: false, isMoney: true, percentPrecision: 1, ...over }) as FormIndicator;
const indicators = [ind("gross_output"), ind("profit", { allowNegative: true }), ind("above_scale_count", { unit: "家", integerOnly: true, precision: 0 })];
const stored = { values: { gross_output: "12000.0000", profit: "-35.5000", above_scale_count: "12" }, explanations: { gross_output: "新投产两条线" } };

describe("sameContent", () => {
  it("compares figures as numbers, whatever way they were typed", () => {
    expect(sameContent(indicators, { values: { gross_output: "1.2亿", profit: "-35.5", above_scale_count: "12" }, explanations: { gross_output: " 新投产两条线 " } }, stored)).toBe(true);
    expect(sameContent(indicators, { values: { gross_output: "12,000", profit: "-35.50", above_scale_count: "12" }, explanations: { gross_output: "新投产两条线" } }, stored)).toBe(true);
  });

  it("tells a changed figure, a cleared one, an unparsable one and a changed explanation apart", () => {
    const base = { gross_output: "12000", profit: "-35.5", above_scale_count: "12" };
    const expl = { gross_output: "新投产两条线" };
    expect(sameContent(indicators, { values: { ...base, gross_output: "12000.01" }, explanations: expl }, stored)).toBe(false);
    expect(sameContent(indicators, { values: { ...base, profit: "" }, explanations: expl }, stored)).toBe(false);
    expect(sameContent(indicators, { values: { ...base, above_scale_count: "12元" }, explanations: expl }, stored)).toBe(false);
    expect(sameContent(indicators, { values: base, explanations: { gross_output: "另一说明" } }, stored)).toBe(false);
  });

  it("counts an explanation only beside a figure (the server stores it on the figure's row)", () => {
    const empty = { values: {}, explanations: {} };
    expect(sameContent(indicators, { values: {}, explanations: { profit: "说明" } }, empty)).toBe(true);
  });
});

describe("isOwnSave", () => {
  it("recognises a stored report this browser sent, and only that", () => {
    const sent: Content[] = [{ values: { gross_output: "11000", profit: "-35.5", above_scale_count: "12" }, explanations: {} }, { values: { gross_output: "12000", profit: "-35.5", above_scale_count: "12" }, explanations: { gross_output: "新投产两条线" } }];
    expect(isOwnSave(indicators, sent, stored)).toBe(true);
    expect(isOwnSave(indicators, sent.slice(0, 1), stored)).toBe(false);
    expect(isOwnSave(indicators, [], stored)).toBe(false);
  });
});

describe("the draft in localStorage", () => {
  const memory = new Map<string, string>();
  beforeEach(() => {
    const storage = {
      getItem: (k: string) => memory.get(k) ?? null,
      setItem: (k: string, v: string) => void memory.set(k, v),
      removeItem: (k: string) => void memory.delete(k),
      key: (i: number) => [...memory.keys()][i] ?? null,
      get length() {
        return memory.size;
      },
    };
    // Object.keys(localStorage) lists the stored keys in a browser; the stand-in exposes them the same way.
    const proxy = new Proxy(storage, { ownKeys: () => [...memory.keys()], getOwnPropertyDescriptor: (_t, k) => (memory.has(String(k)) ? { enumerable: true, configurable: true, value: memory.get(String(k)) } : undefined) });
    (globalThis as { window?: unknown }).window = { localStorage: proxy };
  });
  afterEach(() => {
    memory.clear();
    delete (globalThis as { window?: unknown }).window;
  });

  const draft = (savedAt: number): Draft => ({ base: { version: 3, status: "DRAFT", values: {}, explanations: {}, updatedBy: null, updatedAt: null }, raw: { gross_output: "1.2亿" }, explanations: {}, savedAt, sent: [] });

  it("is kept per user, town and period, keeps the last few payloads sent, and is cleared", () => {
    const key = draftKey(7, "321281101000", "2026-11");
    expect(draftKey(8, "321281101000", "2026-11")).not.toBe(key);
    const sent = Array.from({ length: 6 }, (_, i) => ({ values: { gross_output: String(i) }, explanations: {} }));
    writeDraft(key, { ...draft(Date.now()), sent });
    const back = readDraft(key)!;
    expect(back.raw).toEqual({ gross_output: "1.2亿" });
    expect(back.sent.map((c) => c.values.gross_output)).toEqual(["2", "3", "4", "5"]);
    clearDraft(key);
    expect(readDraft(key)).toBeNull();
  });

  it("drops drafts nobody came back to in a month, and unreadable ones", () => {
    const now = Date.UTC(2026, 11, 4);
    writeDraft(draftKey(1, "321281101000", "2026-10"), draft(now - 31 * 24 * 3600 * 1000));
    writeDraft(draftKey(1, "321281101000", "2026-11"), draft(now - 3600 * 1000));
    memory.set(draftKey(1, "321281100000", "2026-11"), "{not json");
    memory.set("other-app", "x");
    pruneDrafts(now);
    expect([...memory.keys()].sort()).toEqual([draftKey(1, "321281101000", "2026-11"), "other-app"].sort());
  });
});
