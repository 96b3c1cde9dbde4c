import type { ReactNode } from "react";
import { TableWrap } from "./table-wrap";

/** One column of a DataTable: its header, and what it shows for each row. */
export interface Column<Row> {
  header: ReactNode;
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
  /** The name of the scrolling region around the table: the caption unless said otherwise. */
  label?: string;
  hiddenCaption?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
};

/** The key of a row (see RowKey). */
export function rowKeyOf<Row>({ rowKey }: RowKey<Row>): (row: Row) => string {
  return rowKey ?? ((row) => (row as Row & { id: string }).id);
}

/**
 * A table with a header per column (scope="col") and a caption that names it, in a TableWrap that scrolls on narrow
 * screens. `hiddenCaption` keeps the caption for screen readers only, where a heading already names the table.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { caption, label = caption, hiddenCaption, columns, rows } = props;
  const rowKey = rowKeyOf(props);
  return (
    <TableWrap label={label}>
      <table>
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
                  <Cell key={index} scope={column.rowHeader ? "row" : undefined} className={column.className}>
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
