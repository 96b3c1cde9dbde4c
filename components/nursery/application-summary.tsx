import type { NurseryApplicationDetail } from "@/lib/nursery/detail";

/**
 * The application as a description list: child, care, schedule, start, wishes, guardians' situations, comment,
 * confirmation due day, and the commission's decision (offer, rank, reason). Used by the family's page and the
 * agent's file alike.
 */
export function NurseryApplicationSummary(_props: { detail: NurseryApplicationDetail; headingLevel?: 2 | 3 }) {
  return null;
}
