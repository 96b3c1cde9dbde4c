"use client";

import { useEffect } from "react";
import type { FieldValues, Path, PathValue, UseFormRegisterReturn, UseFormReturn } from "react-hook-form";
import type { ActionState } from "@/lib/actions/state";
import { type Column, DataTable, type DataTableProps, rowKeyOf } from "./data-table";
import styles from "./selectable-table.module.css";

/** The rows ticked in a SelectableTable: the form's list field that holds their ids, and "select all". */
export interface TableSelection {
  register: UseFormRegisterReturn;
  /** The ids that may be ticked. */
  ids: string[];
  count: number;
  allSelected: boolean;
  selectAll: (checked: boolean) => void;
}

/**
 * The selection of a form's list field `name` among `ids`. Once the action has decided, the selection is spent
 * (the rows change) and the form goes back to its default values; a field error keeps it, to be corrected.
 */
export function useTableSelection<T extends FieldValues, O>({
  form,
  name,
  ids,
  state,
}: {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  ids: string[];
  state: ActionState<unknown>;
}): TableSelection {
  const selected: unknown = form.watch(name);
  const count = Array.isArray(selected) ? selected.length : selected ? 1 : 0;

  useEffect(() => {
    if (state && (state.ok || Object.keys(state.fieldErrors).length === 0)) form.reset();
  }, [state, form]);

  return {
    register: form.register(name),
    ids,
    count,
    allSelected: ids.length > 0 && count === ids.length,
    selectAll: (checked) =>
      form.setValue(name, (checked ? ids : []) as PathValue<T, Path<T>>, {
        shouldValidate: form.formState.isSubmitted,
      }),
  };
}

/**
 * A DataTable whose first column ticks rows for an action on the selection, with "select all" in its header.
 * Each box is named after its row (`selectLabel`); rows that may not be ticked have none.
 */
export function SelectableTable<Row>(
  props: DataTableProps<Row> & {
    selection: TableSelection;
    selectAllLabel: string;
    selectLabel: (row: Row) => string;
  },
) {
  const { selection, selectAllLabel, selectLabel } = props;
  const rowKey = rowKeyOf(props);
  const selectColumn: Column<Row> = {
    className: styles.selectCell,
    header: (
      <label className={styles.selectAll}>
        <input
          type="checkbox"
          aria-label={selectAllLabel}
          checked={selection.allSelected}
          disabled={selection.ids.length === 0}
          onChange={(event) => selection.selectAll(event.target.checked)}
        />
        {/* The column's headers are hidden when rows are cards: the box then says what it does. */}
        <span className={styles.selectAllText} aria-hidden="true">
          {selectAllLabel}
        </span>
      </label>
    ),
    cell: (row) =>
      selection.ids.includes(rowKey(row)) ? (
        <input type="checkbox" value={rowKey(row)} aria-label={selectLabel(row)} {...selection.register} />
      ) : null,
  };
  return <DataTable {...props} columns={[selectColumn, ...props.columns]} />;
}
