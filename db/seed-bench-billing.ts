import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { activities, invoiceNatures, regies, type TariffBracket, tariffs } from "./schema";
import type { BenchCommune } from "./seed-bench-planning";

/*
 * What billing adds to the planning benchmark's commune (seed-bench-planning.ts): a payer with an e-mail per
 * household (one in 20 without a QF, one in 10 paying by direct debit), a few late and pending absences in the
 * month to invoice, a régie "ENF" with three natures and a QF tariff per activity. Built with INSERT … SELECT.
 */

const brackets = (prices: [number | null, number][]): TariffBracket[] =>
  prices.map(([upToQuotient, unitCents]) => ({ upToQuotient, unitCents }));

/** What billing adds to the planning benchmark's commune: payers, QF gaps, direct debits, a régie and its tariffs. */
export async function seedBenchBilling(db: Db, town: BenchCommune, period: string): Promise<{ regieId: string }> {
  const { communeId } = town;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into guardians (commune_id, household_id, rank, civility, last_name, first_name, email, address_line, postcode, city, is_payer)
      select h.commune_id, h.id, 1, 'MME', h.name, 'Camille', lower(h.subscriber_code) || '@payeur.bench.test',
        (1 + abs(hashtext(h.id::text)) % 120) || ' rue des Écoles', '38000', 'Banc', true
      from households h where h.commune_id = ${communeId}`);
    // One household in 20 without a QF (billed at the default price), one in 10 paying by direct debit.
    await tx.execute(sql`
      update households set family_quotient = null
      where commune_id = ${communeId} and abs(hashtext(id::text || 'qf')) % 20 = 0`);
    await tx.execute(sql`
      insert into bank_accounts (household_id, commune_id, direct_debit)
      select id, commune_id, true from households
      where commune_id = ${communeId} and abs(hashtext(id::text || 'rib')) % 10 = 0`);
    // A few late absences and pending absences in January, so every rule is exercised.
    await tx.execute(sql`
      update bookings set status = case when abs(hashtext(id::text)) % 2 = 0 then 'absent_billed' else 'absence_requested' end::booking_status
      where commune_id = ${communeId} and date >= ${period}::date and date < ${period}::date + interval '1 month'
        and status = 'booked' and abs(hashtext(id::text || 'late')) % 100 = 0`);
    const [regie] = await tx
      .insert(regies)
      .values({ communeId, name: "Régie enfance jeunesse", code: "ENF", dueDays: 20 })
      .returning({ id: regies.id });
    const natures = await tx
      .insert(invoiceNatures)
      .values(
        ["Restauration scolaire", "Périscolaire", "Accueil de loisirs"].map((label) => ({
          communeId,
          regieId: regie!.id,
          label,
        })),
      )
      .returning({ id: invoiceNatures.id, label: invoiceNatures.label });
    const nature = (label: string) => natures.find((n) => n.label === label)!.id;
    const { repas, periMatin, periSoir, mercredi } = town.activityIds;
    const setup: [string, string, TariffBracket[], number][] = [
      [
        repas,
        "Restauration scolaire",
        brackets([
          [450, 110],
          [800, 260],
          [1200, 380],
          [null, 480],
        ]),
        520,
      ],
      [
        periMatin,
        "Périscolaire",
        brackets([
          [600, 90],
          [1200, 150],
          [null, 210],
        ]),
        230,
      ],
      [
        periSoir,
        "Périscolaire",
        brackets([
          [600, 120],
          [1200, 200],
          [null, 280],
        ]),
        300,
      ],
      [
        mercredi,
        "Accueil de loisirs",
        brackets([
          [600, 450],
          [1200, 900],
          [null, 1400],
        ]),
        1500,
      ],
    ];
    for (const [activityId, label, prices, defaultUnitCents] of setup) {
      await tx
        .update(activities)
        .set({ natureId: nature(label) })
        .where(eq(activities.id, activityId));
      await tx
        .insert(tariffs)
        .values({ communeId, activityId, validFrom: "2026-09-01", brackets: prices, defaultUnitCents });
    }
  });
  for (const table of ["guardians", "households", "bank_accounts", "bookings"])
    await db.execute(sql.raw(`analyze ${table}`));
  const [regie] = await db.select({ id: regies.id }).from(regies).where(eq(regies.communeId, communeId));
  return { regieId: regie!.id };
}
