import type { Issue } from "./types";

/**
 * The warnings still waiting for a 说明: those whose indicator has no non-blank explanation.
 * A submit is refused while this or the errors are non-empty. One 说明 per indicator answers all
 * of its warnings, as the form has one explanation box per figure.
 */
export function missingExplanations(
  warnings: readonly Issue[],
  explanations: Readonly<Record<string, string | null | undefined>>,
): Issue[] {
  return warnings.filter((w) => {
    const text = Object.hasOwn(explanations, w.indicator) ? explanations[w.indicator] : undefined;
    return typeof text !== "string" || text.trim() === "";
  });
}
