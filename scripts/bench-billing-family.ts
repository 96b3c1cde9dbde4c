/*
 * npm run bench:billing-family — the Espace Facturation page of a family with three years of invoices (issue #10):
 * 36 monthly invoices (3 children × 3 activities, with notes and a régularisation now and then), each with its
 * payments, in a commune of 1,000 other households invoiced alike (36,000 invoices, ~300,000 lines). Times the
 * server work of Mes factures (the household chosen, then its invoices with their règlements, the filters' choices
 * and the attestation years), and of Mes opérations; 200 views after 20 warm-up ones (target p95 < 150 ms).
 * Runs on the embedded database (a fresh folder) and, when DATABASE_URL is set, on a throwaway PostgreSQL
 * database created and dropped on that server.
 */
import "./load-next-env";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import {
  children,
  communes,
  households,
  invoiceLines,
  invoiceNatures,
  invoices,
  paymentAllocations,
  payments,
  regies,
  subscriptions,
  users,
} from "@/db/schema";
import { listAttestationYears } from "@/lib/billing/family/attestation-data";
import { listFamilyInvoices, listInvoiceFilterChoices } from "@/lib/billing/family/invoices";
import { listFamilyOperations } from "@/lib/billing/family/operations";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { benchOnBothDatabases, fmt, ms, percentile } from "./bench-kit";

const OTHER_HOUSEHOLDS = 1_000;
const MONTHS = 36;
const VIEWS = 200;
const WARM_UP = 20;

/** "2024-09-01" + n months. */
function month(n: number): string {
  const index = 2024 * 12 + 8 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}
const day = (monthStart: string, d: number) => `${monthStart.slice(0, 8)}${String(d).padStart(2, "0")}`;

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function seed(handle: DatabaseHandle) {
  const { db } = handle;
  const [commune] = await db
    .insert(communes)
    .values({
      slug: "bench",
      name: "Ville du banc",
      serviceSignature: "Le service enfance",
      contactEmail: "e@bench.fr",
    })
    .returning();
  const communeId = commune!.id;
  const [regie] = await db.insert(regies).values({ communeId, name: "Régie enfance", code: "ENF" }).returning();
  const natures = await db
    .insert(invoiceNatures)
    .values(
      ["Restauration scolaire", "Périscolaire", "Accueil de loisirs"].map((label) => ({
        communeId,
        regieId: regie!.id,
        label,
      })),
    )
    .returning();
  const [user] = await db
    .insert(users)
    .values({
      communeId,
      email: "famille@bench.fr",
      passwordHash: "!",
      civility: "MME",
      lastName: "MARTIN",
      firstName: "Claire",
      role: "family",
      status: "active",
    })
    .returning();
  const homes = await db
    .insert(households)
    .values(
      Array.from({ length: OTHER_HOUSEHOLDS + 1 }, (_, i) => ({
        communeId,
        name: i === 0 ? "MARTIN" : `FAMILLE${i}`,
        subscriberCode: `B${String(i).padStart(8, "0")}`,
      })),
    )
    .returning({ id: households.id });
  const family = homes[0]!;
  await db.insert(subscriptions).values({ communeId, userId: user!.id, householdId: family.id, method: "agent" });
  await db.insert(children).values(
    ["Léa", "Hugo", "Zoé"].map((firstName, i) => ({
      communeId,
      householdId: family.id,
      firstName,
      lastName: "MARTIN",
      birthDate: `${2017 + i * 2}-04-02`,
      sex: "F" as const,
    })),
  );

  let invoiceNumber = 0;
  let operation = 0;
  let invoiceCount = 0;
  let lineCount = 0;
  for (let h = 0; h < homes.length; h += 50) {
    const group = homes.slice(h, h + 50);
    const invoiceRows = group.flatMap((home) =>
      Array.from({ length: MONTHS }, (_, m) => {
        const period = month(m);
        const issuedOn = day(month(m + 1), 5);
        return {
          communeId,
          householdId: home.id,
          regieId: regie!.id,
          payerName: "Mme Claire MARTIN",
          payerAddress: "12 rue des Écoles, 38330 Saint-Ismier",
          emissionCode: `${period.slice(0, 7)}-ENF`,
          reference: `F${issuedOn.slice(0, 4)}-${String(++invoiceNumber).padStart(6, "0")}`,
          issuer: "Régie enfance",
          issuedOn,
          dueOn: day(month(m + 1), 25),
          period,
          amountCents: 0,
        };
      }),
    );
    const lines: (typeof invoiceLines.$inferInsert)[] = [];
    for (const row of invoiceRows) {
      let total = 0;
      for (const child of ["Léa", "Hugo", "Zoé"])
        for (const [index, nature] of natures.entries()) {
          const quantity = 8 + ((invoiceNumber + index) % 10);
          const unitCents = [410, 150, 900][index]!;
          total += quantity * unitCents;
          lines.push({
            communeId,
            householdId: row.householdId,
            invoiceId: "",
            childName: `${child} MARTIN`,
            activityLabel: nature.label,
            natureId: nature.id,
            month: row.period,
            kind: "slot",
            quantity,
            unitCents,
            amountCents: quantity * unitCents,
            note: index === 0 ? "2 absences prévenues dans les délais, non facturées" : null,
          });
        }
      row.amountCents = total;
    }
    const inserted: { id: string; householdId: string; amountCents: number; issuedOn: string }[] = [];
    await chunked(invoiceRows, 500, async (chunk) => {
      inserted.push(
        ...(await db.insert(invoices).values(chunk).returning({
          id: invoices.id,
          householdId: invoices.householdId,
          amountCents: invoices.amountCents,
          issuedOn: invoices.issuedOn,
        })),
      );
    });
    lines.forEach((line, i) => {
      line.invoiceId = inserted[Math.floor(i / 9)]!.id;
    });
    await chunked(lines, 2000, (chunk) => db.insert(invoiceLines).values(chunk));
    // All paid but the last two months: a card payment, and the older ones a cheque for the remainder.
    const paymentRows = inserted.flatMap((invoice, i) => {
      if (i % MONTHS >= MONTHS - 2) return [];
      const part = Math.floor(invoice.amountCents / 2);
      return [
        { invoice, amountCents: part, method: "card_online" as const },
        { invoice, amountCents: invoice.amountCents - part, method: "cheque" as const },
      ];
    });
    const paid: { id: string }[] = [];
    await chunked(paymentRows, 1000, async (chunk) => {
      paid.push(
        ...(await db
          .insert(payments)
          .values(
            chunk.map((p) => ({
              communeId,
              householdId: p.invoice.householdId,
              operationNumber: String(++operation).padStart(10, "0"),
              method: p.method,
              receivedOn: day(p.invoice.issuedOn, 15),
              description:
                p.method === "cheque" ? `Chèque n° ${operation}` : `Règlement en ligne - Transaction n° ${operation}`,
              amountCents: p.amountCents,
            })),
          )
          .returning({ id: payments.id })),
      );
    });
    await chunked(
      paymentRows.map((p, i) => ({
        paymentId: paid[i]!.id,
        invoiceId: p.invoice.id,
        communeId,
        householdId: p.invoice.householdId,
        amountCents: p.amountCents,
      })),
      2000,
      (chunk) => db.insert(paymentAllocations).values(chunk),
    );
    invoiceCount += inserted.length;
    lineCount += lines.length;
  }
  // paidCents of the paid invoices, in one statement.
  await db.execute(sql`
    update invoices set paid_cents = a.total
    from (select invoice_id, sum(amount_cents)::int as total from payment_allocations group by invoice_id) a
    where a.invoice_id = invoices.id`);
  await db.execute(sql`analyze`);
  return { communeId, userId: user!.id, householdId: family.id, invoiceCount, lineCount, payments: operation };
}

async function bench(label: string, handle: DatabaseHandle) {
  await handle.migrate();
  let start = performance.now();
  const town = await seed(handle);
  console.log(
    `\n[${label}] seeded ${OTHER_HOUSEHOLDS + 1} households, ${town.invoiceCount} invoices, ${town.lineCount} lines, ${town.payments} payments in ${(ms(start) / 1000).toFixed(1)} s`,
  );
  const { db } = handle;
  const views = async (name: string, view: () => Promise<number>) => {
    const timings: number[] = [];
    let size = 0;
    for (let i = 0; i < WARM_UP + VIEWS; i++) {
      start = performance.now();
      size = await view();
      if (i >= WARM_UP) timings.push(ms(start));
    }
    timings.sort((a, b) => a - b);
    console.log(
      `[${label}] ${name} (${size} rows), ${VIEWS} views: median ${fmt(percentile(timings, 50))}, p95 ${fmt(percentile(timings, 95))} (target p95 < 150 ms)`,
    );
  };
  const scopeOf = async () => {
    const chosen = await chooseSubscribedHousehold(db, { communeId: town.communeId, userId: town.userId });
    return { communeId: town.communeId, userId: town.userId, householdId: chosen!.current.id };
  };
  await views("Espace Facturation › Mes factures, 36 invoices with their règlements", async () => {
    const scope = await scopeOf();
    const [list] = await Promise.all([
      listFamilyInvoices(db, scope),
      listInvoiceFilterChoices(db, scope),
      listAttestationYears(db, { ...scope, currentYear: 2027 }),
    ]);
    return list.length;
  });
  await views("Mes factures › Factures à payer", async () => {
    const scope = await scopeOf();
    const [list] = await Promise.all([
      listFamilyInvoices(db, { ...scope, toPay: true }),
      listInvoiceFilterChoices(db, scope),
      listAttestationYears(db, { ...scope, currentYear: 2027 }),
    ]);
    return list.length;
  });
  await views("Mes opérations (invoices and payments, running balance)", async () => {
    const scope = await scopeOf();
    return (await listFamilyOperations(db, { ...scope, order: "desc" })).length;
  });
}

await benchOnBothDatabases("bench_billing_family", bench);
