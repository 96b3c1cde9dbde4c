import type { ReactNode } from "react";

/**
 * The named region around a table, which scrolls sideways where a table is wider than the screen (a DataTable turns
 * into cards on a phone instead); focusable so keyboard users can scroll it too (axe "scrollable-region-focusable").
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take the focus, or a keyboard cannot scroll it.
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
