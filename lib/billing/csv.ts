/*
 * CSV files as French accounting and spreadsheet tools import them: UTF-8 with a byte order mark (so Excel reads the
 * accents), semicolons between cells, CRLF between rows, decimal commas. Text cells that a spreadsheet would run as
 * a formula (= + - @, tab, carriage return first) are defused with a leading apostrophe; numbers this module writes
 * itself are never touched, so a negative régularisation stays a number.
 */

import { centsToEurosInput } from "./euros";

/** A cell: text (defused and quoted as needed), a whole number, an amount in cents, or nothing. */
export type CsvCell = string | number | { cents: number } | null;

export const CSV_BOM = "\uFEFF";
const SEPARATOR = ";";
const NEWLINE = "\r\n";

/** Text a spreadsheet would evaluate: a formula or a DDE payload (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** 185 → "1,85", -370 → "-3,70": no thousands separator, no currency sign. */
export function csvAmount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`not an amount in cents: ${cents}`);
  return centsToEurosInput(cents);
}

/** One text cell: defused, then quoted when it holds a separator, a quote or a line break. */
export function csvText(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    if (!Number.isSafeInteger(cell)) throw new Error(`not a whole number: ${cell}`);
    return String(cell);
  }
  if (typeof cell === "object") return csvAmount(cell.cents);
  return csvText(cell);
}

/** The whole file: BOM, header row, then one row per entry, each ended by CRLF. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvText), ...rows.map((row) => row.map(csvCell))].map((cells) => cells.join(SEPARATOR));
  return CSV_BOM + lines.map((line) => line + NEWLINE).join("");
}
