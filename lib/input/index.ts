/**
 * Figure input: parsing what people type (1,234.5 / １２３４．５ / 3500万 / 1.2亿 / 35000000元) into
 * an exact decimal string in the indicator's unit, and formatting stored figures back for editing.
 * Pure: used by client components while typing and by server actions on submit.
 */
export {
  parseFigure,
  FIGURE_MESSAGES,
  MAX_INTEGER_DIGITS,
  MAX_FRACTION_DIGITS,
  type FigureFieldOptions,
  type ParsedFigure,
} from "./parse-figure";
export { formatFigureForInput } from "./format";
export { isMoneyUnit } from "./units";
