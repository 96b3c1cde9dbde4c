import type { ActivityCategory, BookingStatus } from "@/db/schema/planning";
import { activityLabel } from "@/lib/planning/labels";
import { type BillLine, type DayCharge, frenchOrder, groupLines, monthChargeKey, totalCents } from "../lines";
import { choosePayer, type PayerCandidate, payerAddress, payerName } from "../payer";
import { monthOf, type Period } from "../periods";
import { addDays, type MonthCharge, regularisationLines } from "../regularisation";
import { slotBilling } from "../slot-billing";
import { slotPrice, type TariffPrices } from "../tariffs";

/*
 * A régie's month, computed from what the run read (load.ts), without the database: the days of the month become
 * lines (lines.ts), the invoiced months to look at again become régularisation lines (regularisation.ts), and
 * everything an agent should know before issuing is gathered as anomalies.
 */

export type RunActivity = {
  id: string;
  code: string;
  name: string;
  facility: string;
  natureId: string | null;
  archived: boolean;
  category: ActivityCategory;
  /** The régie of its nature; null without a nature. */
  regieId: string | null;
};

/** A child's slots at an activity in one state: their days (the database groups them, the rules stay here). */
export type SlotGroup = {
  childId: string;
  householdId: string;
  activityId: string;
  status: BookingStatus;
  /** The days carry a medical certificate (bookings.justificationDocumentId): a justified absence is never billed. */
  justified?: boolean;
  dates: string[];
};

/** A line of a live (not cancelled) invoice of the régie, for a month looked at again. */
export type BilledLineRow = Pick<
  BillLine,
  "childId" | "childName" | "activityId" | "activityLabel" | "natureId" | "month" | "quantity" | "unitCents"
> & { householdId: string };

export type GuardianRow = PayerCandidate & { id: string; householdId: string };

export type RunInputs = {
  regieId: string;
  period: Period;
  /** Every activity of the commune (those of other régies and without a nature too: the anomalies name them). */
  activities: RunActivity[];
  /** The tariffs of the régie's activities, by activity. */
  tariffs: Map<string, TariffPrices[]>;
  /** Closed days: `${activityId}|${day}`, or `*|${day}` for the whole commune. */
  closures: Set<string>;
  /** The month's slots of the régie's activities (statuses that bill or explain a line). */
  monthBookings: SlotGroup[];
  /** Invoiced months to look at again, `${householdId}|${month}`, with their slots and what live invoices billed. */
  recheck: { pairs: Set<string>; bookings: SlotGroup[]; billedLines: BilledLineRow[] };
  households: Map<string, { id: string; name: string; familyQuotient: number | null }>;
  guardians: Map<string, GuardianRow[]>;
  /** Households paying by direct debit. */
  directDebit: Set<string>;
  children: Map<string, { firstName: string; lastName: string }>;
};

export type Payer = { guardianId: string; name: string; address: string | null; email: string | null };

export type HouseholdBill = {
  householdId: string;
  householdName: string;
  familyQuotient: number | null;
  payer: Payer | null;
  directDebit: boolean;
  /** The month's lines, then the régularisations of earlier months, in print order. */
  lines: BillLine[];
  totalCents: number;
  /** A total ≤ 0 gives no invoice this month: the régularisation is computed again next month. */
  invoiced: boolean;
};

export type HouseholdRef = { householdId: string; householdName: string };

export type RunAnomalies = {
  /** Invoiced households without a payer (no guardian marked payer, no Responsable 1). */
  missingPayer: HouseholdRef[];
  /** Households without a quotient familial, billed at the default price. */
  missingQuotient: HouseholdRef[];
  /** Activities of the régie with billed days but no tariff in force: those days are left out. */
  missingTariff: { activityId: string; activityLabel: string; days: number; households: number }[];
  /** Activities without a nature: in no régie, never invoiced. */
  activitiesWithoutNature: { activityId: string; activityLabel: string }[];
};

export type RunComputation = {
  /** Every household with a line, invoiced or not, by name. */
  households: HouseholdBill[];
  invoiceCount: number;
  /** Total of the invoices the run issues. */
  totalCents: number;
  anomalies: RunAnomalies;
};

/** "Léa MARTIN". */
export const childName = (child: { firstName: string; lastName: string }) =>
  `${child.firstName} ${child.lastName.toLocaleUpperCase("fr-FR")}`;

/** "1/Péri MATIN — École Jean Moulin", as an invoice line prints it. */
export const lineActivityLabel = (activity: Pick<RunActivity, "code" | "name" | "facility">) =>
  activity.facility ? `${activityLabel(activity)} — ${activity.facility}` : activityLabel(activity);

export const pairKey = (householdId: string, month: Period) => `${householdId}|${month}`;

export function computeRun(inputs: RunInputs): RunComputation {
  const activities = new Map(inputs.activities.map((a) => [a.id, a]));
  // Names and labels as printed, made once per child and activity rather than per slot.
  const childNames = new Map([...inputs.children].map(([id, child]) => [id, childName(child)]));
  const activityLabels = new Map(inputs.activities.map((a) => [a.id, lineActivityLabel(a)]));
  const untariffed = new Map<string, { days: number; households: Set<string> }>();
  const byDefault = new Set<string>();

  /** Each slot with its billing and price, by household; `keep` chooses the days (all by default). */
  const charge = (groups: readonly SlotGroup[], keep?: (householdId: string, month: Period) => boolean) => {
    const byHousehold = new Map<string, DayCharge[]>();
    for (const group of groups) {
      const activity = activities.get(group.activityId);
      const household = inputs.households.get(group.householdId);
      const name = childNames.get(group.childId);
      if (!activity || activity.regieId !== inputs.regieId || !household || name === undefined) continue;
      const label = activityLabels.get(activity.id)!;
      const tariffs = inputs.tariffs.get(activity.id) ?? [];
      // The group's days by month, billing and price: a handful of charges for a month of slots.
      const charges = new Map<string, DayCharge>();
      for (const date of group.dates) {
        const month = monthOf(date);
        if (keep && !keep(group.householdId, month)) continue;
        const closed = inputs.closures.has(`*|${date}`) || inputs.closures.has(`${activity.id}|${date}`);
        const billing = slotBilling(group.status, closed, group.justified ?? false);
        let unitCents: number | null = null;
        if (billing.billed) {
          const price = slotPrice(tariffs, date, household.familyQuotient);
          if (price) {
            unitCents = price.unitCents;
            if (price.byDefault && household.familyQuotient === null) byDefault.add(group.householdId);
          } else {
            const missing = untariffed.get(activity.id) ?? { days: 0, households: new Set() };
            missing.days += 1;
            missing.households.add(group.householdId);
            untariffed.set(activity.id, missing);
          }
        }
        const key = `${month}|${billing.billed ? billing.kind : billing.reason}|${unitCents}`;
        const charge = charges.get(key);
        if (charge) charge.days += 1;
        else
          charges.set(key, {
            childId: group.childId,
            childName: name,
            activityId: activity.id,
            activityLabel: label,
            natureId: activity.natureId,
            month,
            billing,
            unitCents,
            days: 1,
          });
      }
      const days = byHousehold.get(group.householdId) ?? [];
      days.push(...charges.values());
      if (days.length > 0) byHousehold.set(group.householdId, days);
    }
    return byHousehold;
  };

  const linesByHousehold = new Map<string, BillLine[]>();
  for (const [householdId, days] of charge(inputs.monthBookings))
    linesByHousehold.set(householdId, groupLines(days).lines);

  // Régularisation: what each month looked at again should cost now, against what live invoices billed for it.
  const shouldBe = new Map<string, Map<string, MonthCharge>>();
  const rechecked = (householdId: string, month: Period) => inputs.recheck.pairs.has(pairKey(householdId, month));
  for (const [householdId, days] of charge(inputs.recheck.bookings, rechecked)) {
    const charges = new Map<string, MonthCharge>();
    for (const day of days)
      if (day.billing.billed && day.unitCents !== null)
        addDays(charges, monthChargeKey(day, day.month), day, day.unitCents, day.days);
    shouldBe.set(householdId, charges);
  }
  const billed = new Map<string, Map<string, MonthCharge>>();
  for (const line of inputs.recheck.billedLines) {
    if (!inputs.recheck.pairs.has(pairKey(line.householdId, line.month))) continue;
    const charges = billed.get(line.householdId) ?? new Map<string, MonthCharge>();
    addDays(charges, monthChargeKey(line, line.month), line, line.unitCents, line.quantity);
    billed.set(line.householdId, charges);
  }
  for (const householdId of new Set([...shouldBe.keys(), ...billed.keys()])) {
    const regularisations = regularisationLines(
      shouldBe.get(householdId) ?? new Map(),
      billed.get(householdId) ?? new Map(),
    );
    if (regularisations.length > 0)
      linesByHousehold.set(householdId, [...(linesByHousehold.get(householdId) ?? []), ...regularisations]);
  }

  const households: HouseholdBill[] = [];
  for (const [householdId, lines] of linesByHousehold) {
    if (lines.length === 0) continue;
    const household = inputs.households.get(householdId)!;
    const guardian = choosePayer(inputs.guardians.get(householdId) ?? []);
    const total = totalCents(lines);
    households.push({
      householdId,
      householdName: household.name,
      familyQuotient: household.familyQuotient,
      payer: guardian
        ? { guardianId: guardian.id, name: payerName(guardian), address: payerAddress(guardian), email: guardian.email }
        : null,
      directDebit: inputs.directDebit.has(householdId),
      lines,
      totalCents: total,
      invoiced: total > 0,
    });
  }
  households.sort(
    (a, b) =>
      frenchOrder(a.householdName, b.householdName) ||
      (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0),
  );

  const invoiced = households.filter((h) => h.invoiced);
  const ref = (h: HouseholdBill): HouseholdRef => ({ householdId: h.householdId, householdName: h.householdName });
  return {
    households,
    invoiceCount: invoiced.length,
    totalCents: totalCents(invoiced.map((h) => ({ amountCents: h.totalCents }))),
    anomalies: {
      missingPayer: invoiced.filter((h) => !h.payer).map(ref),
      missingQuotient: households.filter((h) => byDefault.has(h.householdId)).map(ref),
      missingTariff: [...untariffed].map(([activityId, missing]) => ({
        activityId,
        activityLabel: lineActivityLabel(activities.get(activityId)!),
        days: missing.days,
        households: missing.households.size,
      })),
      activitiesWithoutNature: inputs.activities
        // A crèche's places are billed by the hour on the CAF scale, outside these runs: no nature is no anomaly.
        .filter((a) => !a.natureId && !a.archived && a.category !== "petite_enfance")
        .map((a) => ({ activityId: a.id, activityLabel: lineActivityLabel(a) }))
        .sort((a, b) => frenchOrder(a.activityLabel, b.activityLabel)),
    },
  };
}
