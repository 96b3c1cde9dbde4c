import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { invoiceSeries } from "@/lib/billing/number-formats";
import { nextInvoiceNumber } from "@/lib/billing/numbers";
import { choosePayer, payerAddress, payerName } from "@/lib/billing/payer";
import { recordPayment } from "@/lib/billing/payments";
import { dueDate, emissionCode } from "@/lib/billing/periods";
import { transmitToTreasury } from "@/lib/billing/treasury";
import { addDays, type IsoDay } from "@/lib/planning/days";
import type { Db } from "./client";
import { activities, children, guardians, invoiceLines, invoices, numberCounters } from "./schema";
import { DEMO_REGIE } from "./seed-billing";
import { schoolYearOf } from "./seed-planning";

/*
 * A MARTIN household's invoices of the previous school year, as the town's former billing software issued them
 * (imported: no run, last year's prices), one in each state a family meets: paid online, paid by cheque,
 * transmitted to the treasury, partly paid, still due. Payments and the treasury go through the real functions, so
 * balances, operation numbers and the audit journal are what the portal itself writes. Dates follow `today`.
 */

/** February to June of the previous school year, and what each month's invoice became. */
const HISTORY = [
  { month: 2, canteenDays: 15, morningDays: 6, becomes: "paid online" },
  { month: 3, canteenDays: 12, morningDays: 5, becomes: "paid by cheque" },
  { month: 4, canteenDays: 14, morningDays: 7, becomes: "transmitted" },
  { month: 5, canteenDays: 13, morningDays: 6, becomes: "partly paid" },
  { month: 6, canteenDays: 8, morningDays: 4, becomes: "due" },
] as const;

/** Last school year's prices at the household's quotient (the former software's tariff). */
const LAST_YEAR_UNIT_CENTS = { canteen: 380, morning: 155 };

const pad = (n: number) => String(n).padStart(2, "0");

export async function seedInvoiceHistory(
  db: Db,
  params: { communeId: string; regieId: string; householdId: string; agentUserId: string; today: IsoDay },
): Promise<void> {
  const { communeId, regieId, householdId, today } = params;
  const [already] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.householdId, householdId), isNull(invoices.runId)))
    .limit(1);
  if (already) return;

  const payer = choosePayer(await db.select().from(guardians).where(eq(guardians.householdId, householdId)));
  const kids = await db
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName })
    .from(children)
    .where(eq(children.householdId, householdId))
    .orderBy(children.birthDate);
  const used = await db
    .select({
      id: activities.id,
      code: activities.code,
      name: activities.name,
      facility: activities.facility,
      natureId: activities.natureId,
    })
    .from(activities)
    .where(and(eq(activities.communeId, communeId), inArray(activities.code, ["1", "2"])));
  const morning = used.find((a) => a.code === "1")!;
  const canteen = used.find((a) => a.code === "2")!;
  const schoolChildren = kids.slice(0, 2);
  const year = Number(schoolYearOf(today).startsOn.slice(0, 4));

  for (const entry of HISTORY) {
    const month = `${year}-${pad(entry.month)}-01` as IsoDay;
    const issuedOn = `${year}-${pad(entry.month + 1)}-05` as IsoDay;
    const lines = schoolChildren.flatMap((child) =>
      [
        { activity: canteen, quantity: entry.canteenDays, unitCents: LAST_YEAR_UNIT_CENTS.canteen },
        { activity: morning, quantity: entry.morningDays, unitCents: LAST_YEAR_UNIT_CENTS.morning },
      ].map(({ activity, quantity, unitCents }) => ({
        communeId,
        householdId,
        childId: child.id,
        childName: `${child.firstName} ${child.lastName}`,
        activityId: activity.id,
        activityLabel: `${activity.code}/${activity.name} — ${activity.facility}`,
        natureId: activity.natureId,
        month,
        kind: "slot" as const,
        quantity,
        unitCents,
        amountCents: quantity * unitCents,
      })),
    );
    const amountCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
    const invoiceId = await db.transaction(async (tx) => {
      const [invoice] = await tx
        .insert(invoices)
        .values({
          communeId,
          householdId,
          regieId,
          payerGuardianId: payer?.id,
          payerName: payer ? payerName(payer) : null,
          payerAddress: payer ? payerAddress(payer) : null,
          emissionCode: emissionCode(month, DEMO_REGIE.code),
          reference: await nextInvoiceNumber(tx, { communeId, year }),
          issuer: DEMO_REGIE.name,
          issuedOn,
          dueOn: dueDate(issuedOn, DEMO_REGIE.dueDays),
          period: month,
          amountCents,
        })
        .returning({ id: invoices.id });
      await tx.insert(invoiceLines).values(lines.map((line) => ({ ...line, invoiceId: invoice!.id })));
      return invoice!.id;
    });
    await settle(db, { ...params, invoiceId, amountCents, issuedOn, becomes: entry.becomes });
  }
}

async function settle(
  db: Db,
  params: {
    communeId: string;
    householdId: string;
    agentUserId: string;
    today: IsoDay;
    invoiceId: string;
    amountCents: number;
    issuedOn: IsoDay;
    becomes: (typeof HISTORY)[number]["becomes"];
  },
): Promise<void> {
  const { communeId, householdId, invoiceId, amountCents, issuedOn } = params;
  const pay = (method: "card_online" | "cheque", cents: number, description: string) =>
    recordPayment(db, {
      communeId,
      householdId,
      method,
      receivedOn: addDays(issuedOn, 9),
      description,
      amountCents: cents,
      allocations: [{ invoiceId, amountCents: cents }],
      externalReference: method === "card_online" ? `demo-${invoiceId}` : null,
      userId: method === "card_online" ? null : params.agentUserId,
    });
  if (params.becomes === "paid online")
    await pay("card_online", amountCents, "Règlement en ligne - Transaction n° 3fe56d");
  if (params.becomes === "paid by cheque") await pay("cheque", amountCents, "Chèque n° 1234567");
  if (params.becomes === "partly paid") await pay("cheque", Math.floor(amountCents / 2), "Chèque n° 2345678");
  if (params.becomes === "transmitted")
    await transmitToTreasury(db, {
      communeId,
      invoiceIds: [invoiceId],
      userId: params.agentUserId,
      today: params.today,
    });
}

/** An imported invoice's number is taken: the commune's counter of that year starts after it. */
export async function reserveImportedInvoiceNumber(
  db: Db,
  params: { communeId: string; year: number; number: number },
): Promise<void> {
  await db
    .insert(numberCounters)
    .values({ communeId: params.communeId, series: invoiceSeries(params.year).name, last: params.number })
    .onConflictDoUpdate({
      target: [numberCounters.communeId, numberCounters.series],
      set: { last: sql`greatest(${numberCounters.last}, ${params.number})` },
    });
}
