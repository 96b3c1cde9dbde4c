import type { InvoiceLineKind } from "@/db/schema";

/*
 * An invoice's lines as the family's detail page and the PDF show them: by child, then by activity (both by name),
 * each activity's months in order with what was billed and why some days were not, with the totals of each group
 * (line-labels.ts's groupLines keeps the order given and no totals).
 */

export interface PrintedLine {
  id: string;
  childName: string;
  activityLabel: string;
  /** "yyyy-MM-01". */
  month: string;
  kind: InvoiceLineKind;
  quantity: number;
  unitCents: number;
  amountCents: number;
  note: string | null;
}

export interface ActivityGroup<Line extends PrintedLine = PrintedLine> {
  activityLabel: string;
  totalCents: number;
  lines: Line[];
}

export interface ChildGroup<Line extends PrintedLine = PrintedLine> {
  childName: string;
  totalCents: number;
  activities: ActivityGroup<Line>[];
}

const kindOrder: Record<InvoiceLineKind, number> = { slot: 0, late_absence: 1, regularisation: 2 };

const byLabel = (a: string, b: string) => a.localeCompare(b, "fr");

/** The lines by child (by name), then by activity (by label); in each, by month then kind. */
export function groupInvoiceLines<Line extends PrintedLine>(lines: readonly Line[]): ChildGroup<Line>[] {
  const sorted = [...lines].sort(
    (a, b) =>
      byLabel(a.childName, b.childName) ||
      byLabel(a.activityLabel, b.activityLabel) ||
      a.month.localeCompare(b.month) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.unitCents - b.unitCents,
  );
  const children: ChildGroup<Line>[] = [];
  for (const line of sorted) {
    let child = children.at(-1);
    if (child?.childName !== line.childName) {
      child = { childName: line.childName, totalCents: 0, activities: [] };
      children.push(child);
    }
    let activity = child.activities.at(-1);
    if (activity?.activityLabel !== line.activityLabel) {
      activity = { activityLabel: line.activityLabel, totalCents: 0, lines: [] };
      child.activities.push(activity);
    }
    activity.lines.push(line);
    activity.totalCents += line.amountCents;
    child.totalCents += line.amountCents;
  }
  return children;
}
