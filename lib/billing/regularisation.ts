import { type BillLine, compareLines, type LineSubject } from "./lines";
import type { Period } from "./periods";

/*
 * Régularisation: an invoiced month is recomputed as it should cost now (bookings changed, an invoice cancelled by
 * a credit note) and compared, per child, activity and month, with what the live invoices billed for it. Each unit
 * price whose days differ gives a "regularisation" line (month = the month corrected, quantity ± days), so the
 * lines' sum is exactly what should be billed minus what was.
 */

/** A child's activity in a month: its days at each unit price (cents → days). */
export type MonthCharge = LineSubject & { month: Period; days: Map<number, number> };

/** Adds `quantity` days at `unitCents` to the charge of a map (created from `subject` when missing). */
export function addDays(
  charges: Map<string, MonthCharge>,
  key: string,
  subject: LineSubject & { month: Period },
  unitCents: number,
  quantity: number,
): void {
  let charge = charges.get(key);
  if (!charge) {
    const { childId, childName, activityId, activityLabel, natureId, month } = subject;
    charge = { childId, childName, activityId, activityLabel, natureId, month, days: new Map() };
    charges.set(key, charge);
  }
  charge.days.set(unitCents, (charge.days.get(unitCents) ?? 0) + quantity);
}

const regularisationNote = (quantity: number) => {
  const n = Math.abs(quantity);
  const days = n > 1 ? `${n} jours` : "1 jour";
  return quantity < 0
    ? `Régularisation : ${days} ${n > 1 ? "déduits" : "déduit"}`
    : `Régularisation : ${days} ${n > 1 ? "ajoutés" : "ajouté"}`;
};

/**
 * The régularisation lines of the keys of either map: for each unit price, days that should be billed minus days
 * billed. Keys only in `billed` (every day cancelled since) give back everything; keys only in `shouldBe` bill it
 * all (a cancelled invoice, a late booking).
 */
export function regularisationLines(
  shouldBe: ReadonlyMap<string, MonthCharge>,
  billed: ReadonlyMap<string, MonthCharge>,
): BillLine[] {
  const lines: BillLine[] = [];
  for (const key of new Set([...shouldBe.keys(), ...billed.keys()])) {
    const should = shouldBe.get(key);
    const was = billed.get(key);
    const subject = (should ?? was)!;
    const prices = new Set([...(should?.days.keys() ?? []), ...(was?.days.keys() ?? [])]);
    for (const unitCents of prices) {
      const quantity = (should?.days.get(unitCents) ?? 0) - (was?.days.get(unitCents) ?? 0);
      if (quantity === 0 || unitCents === 0) continue;
      lines.push({
        childId: subject.childId,
        childName: subject.childName,
        activityId: subject.activityId,
        activityLabel: subject.activityLabel,
        natureId: subject.natureId,
        month: subject.month,
        kind: "regularisation",
        quantity,
        unitCents,
        amountCents: quantity * unitCents,
        note: regularisationNote(quantity),
      });
    }
  }
  return lines.sort(compareLines);
}
