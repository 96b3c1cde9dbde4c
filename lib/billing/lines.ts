import type { InvoiceLineKind } from "@/db/schema/billing";
import type { Period } from "./periods";
import type { SlotBilling, UnbilledReason } from "./slot-billing";

/*
 * From days to invoice lines: one line per child, activity, month, kind and unit price, quantity × unit price,
 * with a note that explains the days left out ("2 absences prévenues dans les délais, non facturées").
 */

/** A child and an activity as an invoice prints them (kept on the line: the invoice never changes afterwards). */
export type LineSubject = {
  childId: string | null;
  /** "Léa MARTIN". */
  childName: string;
  activityId: string | null;
  /** "1/Péri MATIN". */
  activityLabel: string;
  natureId: string | null;
};

export type BillLine = LineSubject & {
  month: Period;
  kind: InvoiceLineKind;
  quantity: number;
  unitCents: number;
  amountCents: number;
  note: string | null;
};

/**
 * Slots of a child's activity in a month with the same billing and unit price (null: no tariff in force those
 * days): `days` of them.
 */
export type DayCharge = LineSubject & { month: Period; billing: SlotBilling; unitCents: number | null; days: number };

/** Billed days left out because their activity had no tariff in force. */
export type Untariffed = { childId: string | null; activityId: string | null; activityLabel: string; days: number };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const UNBILLED_WORDS: Record<Exclude<UnbilledReason, "not_booked">, (n: number) => string> = {
  absence_in_time: (n) =>
    plural(n, "absence prévenue dans les délais, non facturée", "absences prévenues dans les délais, non facturées"),
  absence_justified: (n) => plural(n, "absence justifiée, non facturée", "absences justifiées, non facturées"),
  closure: (n) => plural(n, "jour de fermeture, non facturé", "jours de fermeture, non facturés"),
};

/** "Absence hors délai, facturée" as the planning's legend says it; "2 absences hors délai, facturées". */
const lateAbsenceNote = (n: number) => (n > 1 ? `${n} absences hors délai, facturées` : "absence hors délai, facturée");

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);

/** The identity of a child's activity in a month (a child deleted since keeps its printed name). */
export function monthChargeKey(
  subject: Pick<LineSubject, "childId" | "childName" | "activityId" | "activityLabel">,
  month: Period,
): string {
  return `${subject.childId ?? `~${subject.childName}`}|${subject.activityId ?? `~${subject.activityLabel}`}|${month}`;
}

/** French alphabetical order (one collator: a run sorts thousands of lines). */
export const frenchOrder = new Intl.Collator("fr").compare;

const KIND_ORDER: Record<InvoiceLineKind, number> = { slot: 0, late_absence: 1, regularisation: 2 };

/** Lines in the order an invoice prints them: by child, activity, month, kind, unit price. */
export function compareLines(a: BillLine, b: BillLine): number {
  return (
    frenchOrder(a.childName, b.childName) ||
    frenchOrder(a.activityLabel, b.activityLabel) ||
    (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.unitCents - b.unitCents
  );
}

/**
 * Groups a household's slots into lines. Days without a tariff are left out and counted in `untariffed`.
 * A late absence line says so ("Absence hors délai, facturée"); the days of a child's activity left out that month
 * (absences in time, closures) are told on its first line. Days never booked (refused, waiting list…) say nothing.
 */
export function groupLines(days: readonly DayCharge[]): { lines: BillLine[]; untariffed: Untariffed[] } {
  type Group = { lines: Map<string, BillLine>; unbilled: Map<UnbilledReason, number> };
  const groups = new Map<string, Group>();
  const untariffed = new Map<string, Untariffed>();
  for (const day of days) {
    const key = monthChargeKey(day, day.month);
    let group = groups.get(key);
    if (!group) {
      group = { lines: new Map(), unbilled: new Map() };
      groups.set(key, group);
    }
    const { billing } = day;
    if (!billing.billed) {
      group.unbilled.set(billing.reason, (group.unbilled.get(billing.reason) ?? 0) + day.days);
      continue;
    }
    if (day.unitCents === null) {
      const missing = untariffed.get(key) ?? {
        childId: day.childId,
        activityId: day.activityId,
        activityLabel: day.activityLabel,
        days: 0,
      };
      missing.days += day.days;
      untariffed.set(key, missing);
      continue;
    }
    const lineKey = `${billing.kind}|${day.unitCents}`;
    const line = group.lines.get(lineKey) ?? {
      childId: day.childId,
      childName: day.childName,
      activityId: day.activityId,
      activityLabel: day.activityLabel,
      natureId: day.natureId,
      month: day.month,
      kind: billing.kind,
      quantity: 0,
      unitCents: day.unitCents,
      amountCents: 0,
      note: null,
    };
    line.quantity += day.days;
    line.amountCents = line.quantity * line.unitCents;
    group.lines.set(lineKey, line);
  }

  const lines: BillLine[] = [];
  for (const group of groups.values()) {
    const ordered = [...group.lines.values()].sort(compareLines);
    if (ordered.length === 0) continue;
    for (const line of ordered) if (line.kind === "late_absence") line.note = lateAbsenceNote(line.quantity);
    const unbilled = (["absence_in_time", "absence_justified", "closure"] as const).flatMap((reason) => {
      const n = group.unbilled.get(reason) ?? 0;
      return n > 0 ? [UNBILLED_WORDS[reason](n)] : [];
    });
    const first = ordered[0]!;
    if (unbilled.length > 0) first.note = [first.note, ...unbilled].filter(Boolean).join(" ; ");
    for (const line of ordered) if (line.note) line.note = capitalized(line.note);
    lines.push(...ordered);
  }
  return { lines: lines.sort(compareLines), untariffed: [...untariffed.values()] };
}

/** The total of some lines, in cents. */
export function totalCents(lines: readonly Pick<BillLine, "amountCents">[]): number {
  return lines.reduce((sum, line) => sum + line.amountCents, 0);
}
