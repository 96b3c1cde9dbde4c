/*
 * npm run bench:billing — the invoicing figures on the benchmark commune of 5,000 households (issue #10):
 *   1. a régie's monthly run (January: ~200,000 slots) — the preview, then issueRun with its invoices, lines and
 *      mails (target < 60 s);
 *   2. the Espace Facturation page of a family with three years of invoices (target p95 < 150 ms) — see below.
 * Seeds the planning benchmark's commune (db/seed-bench-planning.ts) as on 3 February 2027, then adds what billing
 * needs: a payer with an e-mail per household (some without a QF, some paying by direct debit), a régie, its
 * natures and QF tariffs. Runs on the embedded database (a fresh folder) and, when DATABASE_URL is set, on a
 * throwaway PostgreSQL database created and dropped on that server.
 */
import "./load-next-env";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { invoiceLines, invoiceNatures, mailOutbox, regies, type TariffBracket, tariffs } from "@/db/schema";
import { activities } from "@/db/schema/planning";
import { type BenchCommune, seedBenchCommune } from "@/db/seed-bench-planning";
import { monthLabel } from "@/lib/billing/periods";
import { issueRun } from "@/lib/billing/run/issue";
import { previewRun } from "@/lib/billing/run/preview";
import { formatEuros } from "@/lib/format";

// 3 February 2027, 10:00 Paris: January is the month to invoice, the school year's bookings are all there.
const NOW = new Date("2027-02-03T09:00:00Z");
const PERIOD = "2027-01-01";

const ms = (start: number) => performance.now() - start;
const seconds = (start: number) => `${(ms(start) / 1000).toFixed(1)} s`;

const brackets = (prices: [number | null, number][]): TariffBracket[] =>
  prices.map(([upToQuotient, unitCents]) => ({ upToQuotient, unitCents }));

/** What billing adds to the planning benchmark's commune: payers, QF gaps, direct debits, a régie and its tariffs. */
async function seedBilling(db: Db, town: BenchCommune) {
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
      where commune_id = ${communeId} and date >= ${PERIOD}::date and date < ${PERIOD}::date + interval '1 month'
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

async function bench(label: string, handle: DatabaseHandle) {
  const { db } = handle;
  await handle.migrate();
  let start = performance.now();
  const town = await seedBenchCommune(db, { slug: "bench", now: NOW });
  const { regieId } = await seedBilling(db, town);
  console.log(
    `\n[${label}] seeded ${town.counts.households} households, ${town.counts.children} children, ${town.counts.bookings} bookings, a régie with 4 QF tariffs in ${seconds(start)}`,
  );

  // 1. The monthly run: the agent's preview, then the run itself.
  const scope = { communeId: town.communeId, regieId, period: PERIOD };
  start = performance.now();
  const preview = await previewRun(db, { ...scope, today: "2027-02-03" });
  const lineCount = preview!.households.reduce((sum, h) => sum + h.lines.length, 0);
  console.log(
    `[${label}] preview of ${monthLabel(PERIOD)}: ${preview!.invoiceCount} invoices, ${lineCount} lines, ${formatEuros(preview!.totalCents)}, ${preview!.anomalies.missingQuotient.length} households without QF, in ${seconds(start)}`,
  );
  start = performance.now();
  const result = await issueRun(db, { ...scope, userId: town.agentUserId, now: NOW });
  const elapsed = seconds(start);
  if (!result.ok) throw new Error(`the run was refused: ${result.reason}`);
  const [lines] = await db.select({ n: count() }).from(invoiceLines).where(eq(invoiceLines.communeId, town.communeId));
  const [mails] = await db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.communeId, town.communeId));
  console.log(
    `[${label}] monthly run of ${monthLabel(PERIOD)}: ${result.run.invoiceCount} invoices, ${lines!.n} lines, ${mails!.n} mails, ${formatEuros(result.run.totalCents)} in ${elapsed} (target < 60 s)`,
  );
  start = performance.now();
  const again = await issueRun(db, { ...scope, userId: town.agentUserId, now: NOW });
  console.log(
    `[${label}] the same month again: ${again.ok ? "issued AGAIN (wrong)" : again.reason} in ${seconds(start)}`,
  );

  // 2. The Espace Facturation page of a family with three years of invoices (target p95 < 150 ms): the family side
  //    adds its measure here, on `town.threeChildFamily` (its account and household), after seeding its invoices.
}

const folder = mkdtempSync(join(tmpdir(), "bench-billing-"));
const embedded = await openDatabase({ dataDir: folder });
try {
  await bench("embedded PGlite", embedded);
} finally {
  await embedded.close();
  rmSync(folder, { recursive: true, force: true });
}

if (process.env.DATABASE_URL) {
  const server = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const name = `bench_billing_${Date.now()}`;
  await server.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), dataDir: "" });
  try {
    await bench("PostgreSQL", handle);
  } finally {
    await handle.close();
    await server.unsafe(`drop database if exists ${name} with (force)`);
    await server.end();
  }
} else {
  console.log("\n(Set DATABASE_URL to a PostgreSQL server to measure it too.)");
}
