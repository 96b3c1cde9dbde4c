import "server-only";
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, notExists, or, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import {
  activities,
  bankAccounts,
  billingRuns,
  bookings,
  children,
  closureDays,
  documents,
  guardians,
  households,
  invoiceLines,
  invoiceNatures,
  invoices,
  tariffs,
} from "@/db/schema";
import { lastDayOf, type Period } from "../periods";
import { BILLABLE_STATUSES, INVOICED_STATUSES } from "../slot-billing";
import type { TariffPrices } from "../tariffs";
import { type GuardianRow, pairKey, type RunInputs } from "./compute";

/*
 * Everything a régie's monthly run needs, read with one query per table for the whole régie-month (never one per
 * household or day), every query scoped by the commune. Used by the preview and, inside its transaction, the run.
 */

export type RunScope = { communeId: string; regieId: string; period: Period };

/**
 * A booking changed this long before an invoiced month's run counts as changed after it: a transaction that
 * stamped its change just before the run started but committed after the run read the month is not missed (the
 * recomputation finds nothing to correct when there is nothing).
 */
const CHANGE_MARGIN = sql`interval '1 hour'`;

/** `column = any('{…}'::uuid[])`: one parameter for thousands of ids. */
const anyUuid = (column: AnyPgColumn, ids: readonly string[]): SQL =>
  sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;

/** A child's slots at an activity grouped by state, their days in an array: a tenth of the rows of one per slot. */
/** The medical certificate of an absence, once the town validated it: that absence is justified, never billed. */
const justification = alias(documents, "justification");
const justified = and(
  eq(justification.id, bookings.justificationDocumentId),
  eq(justification.communeId, bookings.communeId),
  eq(justification.state, "validated"),
);

const slotGroup = {
  childId: bookings.childId,
  householdId: bookings.householdId,
  activityId: bookings.activityId,
  status: bookings.status,
  justified: sql<boolean>`(${justification.id} is not null)`,
  dates: sql<string[]>`array_agg(${bookings.date}::text order by ${bookings.date})`,
};
const slotGroupBy = [
  bookings.childId,
  bookings.householdId,
  bookings.activityId,
  bookings.status,
  sql`(${justification.id} is not null)`,
] as const;

export async function loadRunInputs(db: Db, scope: RunScope): Promise<RunInputs> {
  const { communeId, regieId, period } = scope;
  const lastDay = lastDayOf(period);
  const activityRows = await db
    .select({
      id: activities.id,
      code: activities.code,
      name: activities.name,
      facility: activities.facility,
      natureId: activities.natureId,
      archived: activities.archived,
      category: activities.category,
      regieId: invoiceNatures.regieId,
    })
    .from(activities)
    .leftJoin(
      invoiceNatures,
      and(eq(invoiceNatures.id, activities.natureId), eq(invoiceNatures.communeId, activities.communeId)),
    )
    .where(eq(activities.communeId, communeId))
    .orderBy(asc(activities.code), asc(activities.name));
  const inputs: RunInputs = {
    regieId,
    period,
    activities: activityRows,
    tariffs: new Map(),
    closures: new Set(),
    monthBookings: [],
    recheck: { pairs: new Set(), bookings: [], billedLines: [] },
    households: new Map(),
    guardians: new Map(),
    directDebit: new Set(),
    children: new Map(),
  };
  const activityIds = activityRows.filter((a) => a.regieId === regieId).map((a) => a.id);
  if (activityIds.length === 0) return inputs;
  const ofRegie = (column: AnyPgColumn) => inArray(column, activityIds);

  inputs.monthBookings = await db
    .select(slotGroup)
    .from(bookings)
    .leftJoin(justification, justified)
    .where(
      and(
        eq(bookings.communeId, communeId),
        ofRegie(bookings.activityId),
        gte(bookings.date, period),
        lte(bookings.date, lastDay),
        inArray(bookings.status, INVOICED_STATUSES),
      ),
    )
    .groupBy(...slotGroupBy);

  // The invoiced months to look at again, as (household, month) pairs.
  const [first] = await db
    .select({ period: billingRuns.period })
    .from(billingRuns)
    .where(and(eq(billingRuns.communeId, communeId), eq(billingRuns.regieId, regieId), lt(billingRuns.period, period)))
    .orderBy(asc(billingRuns.period))
    .limit(1);
  const firstMonth = first?.period ?? period;
  if (first) {
    const pairs = await Promise.all([changedMonths(db, scope, activityIds, first.period), cancelledMonths(db, scope)]);
    for (const { householdId, month } of pairs.flat()) inputs.recheck.pairs.add(pairKey(householdId, month));
  }
  const recheckHouseholds = [...new Set([...inputs.recheck.pairs].map((pair) => pair.split("|")[0]!))];
  if (recheckHouseholds.length > 0) {
    const months = [...inputs.recheck.pairs].map((pair) => pair.split("|")[1]!).sort();
    const from = months[0]!;
    [inputs.recheck.bookings, inputs.recheck.billedLines] = await Promise.all([
      db
        .select(slotGroup)
        .from(bookings)
        .leftJoin(justification, justified)
        .where(
          and(
            eq(bookings.communeId, communeId),
            anyUuid(bookings.householdId, recheckHouseholds),
            ofRegie(bookings.activityId),
            gte(bookings.date, from),
            lt(bookings.date, period),
            inArray(bookings.status, INVOICED_STATUSES),
          ),
        )
        .groupBy(...slotGroupBy),
      db
        .select({
          householdId: invoiceLines.householdId,
          childId: invoiceLines.childId,
          childName: invoiceLines.childName,
          activityId: invoiceLines.activityId,
          activityLabel: invoiceLines.activityLabel,
          natureId: invoiceLines.natureId,
          month: invoiceLines.month,
          quantity: invoiceLines.quantity,
          unitCents: invoiceLines.unitCents,
        })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(
          and(
            eq(invoiceLines.communeId, communeId),
            eq(invoices.communeId, communeId),
            eq(invoices.regieId, regieId),
            isNull(invoices.cancelledOn),
            anyUuid(invoiceLines.householdId, recheckHouseholds),
            gte(invoiceLines.month, from),
            lt(invoiceLines.month, period),
          ),
        ),
    ]);
  }

  const householdIds = [...new Set([...inputs.monthBookings.map((b) => b.householdId), ...recheckHouseholds])];
  const [tariffRows, closureRows, householdRows, guardianRows, debitRows, childRows] = await Promise.all([
    db
      .select({
        activityId: tariffs.activityId,
        validFrom: tariffs.validFrom,
        brackets: tariffs.brackets,
        defaultUnitCents: tariffs.defaultUnitCents,
      })
      .from(tariffs)
      .where(and(eq(tariffs.communeId, communeId), ofRegie(tariffs.activityId), lte(tariffs.validFrom, lastDay))),
    db
      .select({ activityId: closureDays.activityId, date: closureDays.date })
      .from(closureDays)
      .where(
        and(
          eq(closureDays.communeId, communeId),
          gte(closureDays.date, firstMonth),
          lte(closureDays.date, lastDay),
          or(isNull(closureDays.activityId), ofRegie(closureDays.activityId)),
        ),
      ),
    householdIds.length === 0
      ? []
      : db
          .select({ id: households.id, name: households.name, familyQuotient: households.familyQuotient })
          .from(households)
          .where(and(eq(households.communeId, communeId), anyUuid(households.id, householdIds))),
    householdIds.length === 0
      ? []
      : db
          .select({
            id: guardians.id,
            householdId: guardians.householdId,
            rank: guardians.rank,
            isPayer: guardians.isPayer,
            civility: guardians.civility,
            firstName: guardians.firstName,
            lastName: guardians.lastName,
            email: guardians.email,
            addressLine: guardians.addressLine,
            postcode: guardians.postcode,
            city: guardians.city,
            country: guardians.country,
          })
          .from(guardians)
          .where(and(eq(guardians.communeId, communeId), anyUuid(guardians.householdId, householdIds))),
    householdIds.length === 0
      ? []
      : db
          .select({ householdId: bankAccounts.householdId })
          .from(bankAccounts)
          .where(
            and(
              eq(bankAccounts.communeId, communeId),
              eq(bankAccounts.directDebit, true),
              anyUuid(bankAccounts.householdId, householdIds),
            ),
          ),
    householdIds.length === 0
      ? []
      : db
          .select({ id: children.id, firstName: children.firstName, lastName: children.lastName })
          .from(children)
          .where(and(eq(children.communeId, communeId), anyUuid(children.householdId, householdIds))),
  ]);

  for (const { activityId, ...prices } of tariffRows) {
    const list: TariffPrices[] = inputs.tariffs.get(activityId) ?? [];
    list.push(prices);
    inputs.tariffs.set(activityId, list);
  }
  for (const closure of closureRows) inputs.closures.add(`${closure.activityId ?? "*"}|${closure.date}`);
  for (const household of householdRows) inputs.households.set(household.id, household);
  for (const guardian of guardianRows as GuardianRow[])
    inputs.guardians.set(guardian.householdId, [...(inputs.guardians.get(guardian.householdId) ?? []), guardian]);
  for (const { householdId } of debitRows) inputs.directDebit.add(householdId);
  for (const { id, ...names } of childRows) inputs.children.set(id, names);
  return inputs;
}

/**
 * Invoiced months (of this régie, before the period) of each household that a booking changed in after the
 * month's run, or with days to bill for a child's activity that no live invoice has a line of: the household's
 * total was ≤ 0 that month, or the activity had no tariff yet, or joined the régie since.
 */
function changedMonths(
  db: Db,
  scope: RunScope,
  activityIds: string[],
  from: Period,
): Promise<{ householdId: string; month: string }[]> {
  const { communeId, regieId, period } = scope;
  const notBilled = notExists(
    db
      .select({ one: sql`1` })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(
        and(
          eq(invoiceLines.householdId, bookings.householdId),
          eq(invoiceLines.month, billingRuns.period),
          eq(invoiceLines.childId, bookings.childId),
          eq(invoiceLines.activityId, bookings.activityId),
          eq(invoices.regieId, regieId),
          isNull(invoices.cancelledOn),
        ),
      ),
  );
  return db
    .selectDistinct({ householdId: bookings.householdId, month: billingRuns.period })
    .from(bookings)
    .innerJoin(
      billingRuns,
      and(
        eq(billingRuns.communeId, communeId),
        eq(billingRuns.regieId, regieId),
        eq(billingRuns.period, sql`date_trunc('month', ${bookings.date})::date`),
      ),
    )
    .where(
      and(
        eq(bookings.communeId, communeId),
        inArray(bookings.activityId, activityIds),
        gte(bookings.date, from),
        lt(bookings.date, period),
        or(
          gt(bookings.updatedAt, sql`${billingRuns.createdAt} - ${CHANGE_MARGIN}`),
          and(inArray(bookings.status, BILLABLE_STATUSES), notBilled),
        ),
      ),
    );
}

/** The months billed on invoices of this régie cancelled by a credit note: their days are billed again. */
function cancelledMonths(db: Db, scope: RunScope): Promise<{ householdId: string; month: string }[]> {
  return db
    .selectDistinct({ householdId: invoiceLines.householdId, month: invoiceLines.month })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        eq(invoices.communeId, scope.communeId),
        eq(invoices.regieId, scope.regieId),
        isNotNull(invoices.cancelledOn),
        lt(invoiceLines.month, scope.period),
      ),
    );
}
