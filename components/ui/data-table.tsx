import type { ReactNode } from "react";
import { TableWrap } from "./table-wrap";

/** One column of a DataTable: its header, and what it shows for each row. */
export interface Column<Row> {
  header: ReactNode;
  /**
   * The column's name in plain text, shown before each value when rows become cards on a phone. Defaults to a text
   * header; a column whose values name themselves (a labelled checkbox) may go without.
   */
  label?: string;
  cell: (row: Row, index: number) => ReactNode;
  /** The column that names its row: its cells are row headers (th scope="row"), read out with the other cells. */
  rowHeader?: boolean;
  /** On the column's header and cells (a narrow selection column…). */
  className?: string;
}

/** What tells the rows apart: `rowKey`, or else the rows' own `id`. */
type RowKey<Row> = { rowKey: (row: Row) => string } | (Row extends { id: string } ? { rowKey?: undefined } : never);

export type DataTableProps<Row> = RowKey<Row> & {
  caption: string;
  /** The name of the region around the table: the caption unless said otherwise. */
  label?: string;
  hiddenCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
};

/** The key of a row (see RowKey). */
export function rowKeyOf<Row>({ rowKey }: RowKey<Row>): (row: Row) => string {
  return rowKey ?? ((row) => (row as Row & { id: string }).id);
}

/** The name printed before a column's values on a phone: its `label`, else its header when that is plain text. */
export function columnLabel(column: Pick<Column<unknown>, "header" | "label">): string | undefined {
  if (column.label !== undefined) return column.label || undefined;
  return typeof column.header === "string" && column.header.trim() ? column.header : undefined;
}

/**
 * A column's cell attributes, only those it has: an attribute set to undefined is still written out, as
 * "$undefined", in the page's RSC payload, and a long table repeated it for every cell (a fifth of Mes demandes').
 */
function cellAttributesOf(column: Column<never>) {
  const label = columnLabel(column);
  return {
    ...(column.rowHeader ? { scope: "row" } : {}),
    ...(column.className ? { className: column.className } : {}),
    ...(label ? { "data-label": label } : {}),
  };
}

/**
 * A table with a header per column (scope="col") and a caption that names it, in a TableWrap. On a phone each row
 * is a card, each value after its column's name (data-label, see globals.css): still a table for screen readers.
 * `hiddenCaption` keeps the caption for screen readers only, where a heading already names the table.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { caption, label = caption, hiddenCaption, columns, rows } = props;
  const rowKey = rowKeyOf(props);
  const cellAttributes = columns.map(cellAttributesOf);
  return (
    <TableWrap label={label}>
      <table className="data-table">
        <caption className={hiddenCaption ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; a header may be no text.
              <th key={index} scope="col" className={column.className}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) => {
                const Cell = column.rowHeader ? "th" : "td";
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed.
                  <Cell key={index} {...cellAttributes[index]}>
                    {column.cell(row, rowIndex)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
