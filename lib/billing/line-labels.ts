import type { InvoiceLineKind } from "@/db/schema";

/** What an invoice line bills, in the family's words. */
export const INVOICE_LINE_KIND_LABELS: Record<InvoiceLineKind, string> = {
  slot: "Jours réservés",
  late_absence: "Absence hors délai, facturée",
  regularisation: "Régularisation",
};

/** Lines in groups by child, then by activity within the child, in the order given. */
export function groupLines<L extends { childName: string; activityLabel: string }>(lines: readonly L[]) {
  const children: { childName: string; activities: { activityLabel: string; lines: L[] }[] }[] = [];
  for (const line of lines) {
    let child = children.find((c) => c.childName === line.childName);
    if (!child) {
      child = { childName: line.childName, activities: [] };
      children.push(child);
    }
    let activity = child.activities.find((a) => a.activityLabel === line.activityLabel);
    if (!activity) {
      activity = { activityLabel: line.activityLabel, lines: [] };
      child.activities.push(activity);
    }
    activity.lines.push(line);
  }
  return children;
}
