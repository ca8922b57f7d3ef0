// Tooltip and axis text for charts: "—" for a missing value, never NaN.
import { formatNumber, formatPercent, MISSING } from "@/lib/stats";

export const valueText = (v: unknown, unit: string, digits = 2) => (typeof v === "number" && Number.isFinite(v) ? `${formatNumber(v, digits)}${unit}` : MISSING);
export const percentText = (v: unknown, digits = 1) => (typeof v === "number" && Number.isFinite(v) ? formatPercent(v, digits) : MISSING);
export const axisNumber = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? formatNumber(v, Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 1) : "");

export const COLORS = ["#1d4f91", "#c0262d", "#2f8f5b", "#d97706", "#7c3aed", "#0891b2", "#be185d", "#4d7c0f", "#64748b", "#9a3412", "#0f766e", "#6d28d9"];
