import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAUSE_RULES, LOGICAL_RULES, runChecks, VERIFICATION_RULES, type Figures, type IndicatorRule } from "@/lib/checks";
import { anyNum } from "../stats/arbitraries";
import { TOWN_RULES } from "./fixtures";

/*
 * Whatever the form, the database or a bad setting hands over, the checks answer: no throw, and no
 * message a reporter should never read.
 */

const BAD_TEXT = /NaN|Infinity|undefined|null|\[object/;
const codes = TOWN_RULES.map((r) => r.code);

const figures: fc.Arbitrary<Figures> = fc.dictionary(fc.constantFrom(...codes), anyNum);

const rule: fc.Arbitrary<IndicatorRule> = fc
  .record({
    base: fc.constantFrom(...TOWN_RULES),
    precision: fc.oneof(fc.integer({ min: -3, max: 30 }), fc.double()),
    yoyWarnPercent: anyNum,
    planWarnPercent: anyNum,
    magnitudeWarnRatio: anyNum,
    allowNegative: fc.boolean(),
    integerOnly: fc.boolean(),
    kind: fc.constantFrom("FLOW" as const, "STOCK" as const),
  })
  .map(({ base, ...settings }) => ({ ...base, ...settings }));

describe("runChecks robustness", () => {
  it("never throws and never prints NaN, Infinity or undefined", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -2, max: 14 }), fc.double()),
        fc.array(rule, { maxLength: 8 }),
        figures,
        figures,
        figures,
        figures,
        (month, indicators, values, previousYtd, lastYear, plans) => {
          const result = runChecks({ month, indicators, values, previousYtd, lastYear, plans });
          const known: string[] = [...LOGICAL_RULES, ...VERIFICATION_RULES, ...CAUSE_RULES];
          for (const issue of [...result.errors, ...result.warnings]) {
            expect(issue.message).not.toMatch(BAD_TEXT);
            expect(known).toContain(issue.rule);
            expect(codes).toContain(issue.indicator);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("errors and warnings come from their own rule families", () => {
    const storable = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => new Decimal(n).div(100).toString());
    const realistic = fc.dictionary(fc.constantFrom(...codes), storable);
    fc.assert(
      fc.property(realistic, realistic, realistic, realistic, (values, previousYtd, lastYear, plans) => {
        const result = runChecks({ month: 7, indicators: TOWN_RULES, values, previousYtd, lastYear, plans });
        // a cause (decision 018) is an error or a warning by what it replaced
        for (const e of result.errors) expect([...LOGICAL_RULES, ...CAUSE_RULES] as readonly string[]).toContain(e.rule);
        for (const w of result.warnings) expect([...VERIFICATION_RULES, ...CAUSE_RULES] as readonly string[]).toContain(w.rule);
      }),
      { numRuns: 300 },
    );
  });

  it("a report whose figures are all missing is clean", () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 8 }), figures, figures, (indicators, lastYear, plans) => {
        expect(runChecks({ month: 7, indicators, values: {}, previousYtd: {}, lastYear, plans })).toEqual({
          errors: [],
          warnings: [],
        });
      }),
    );
  });
});
