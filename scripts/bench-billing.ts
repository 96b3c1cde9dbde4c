/*
 * npm run bench:billing — the invoicing figures on the benchmark commune of 5,000 households (issue #10):
 *   1. a régie's monthly run (January: ~200,000 slots) — the preview, then issueRun with its invoices, lines and
 *      mails (target < 60 s);
 *   2. the Espace Facturation page of a family with three years of invoices (target p95 < 150 ms): scripts/bench-billing-family.ts,
 *      which `npm run bench:billing` runs next, on a commune of its own seeded with those three years.
 * Seeds the planning benchmark's commune (db/seed-bench-planning.ts) as on 3 February 2027, then adds what billing
 * needs: a payer with an e-mail per household (some without a QF, some paying by direct debit), a régie, its
 * natures and QF tariffs. Runs on the embedded database (a fresh folder) and, when DATABASE_URL is set, on a
 * throwaway PostgreSQL database created and dropped on that server.
 */
import "./load-next-env";
import { count, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { invoiceLines, mailOutbox } from "@/db/schema";
import { seedBenchBilling } from "@/db/seed-bench-billing";
import { seedBenchCommune } from "@/db/seed-bench-planning";
import { monthLabel } from "@/lib/billing/periods";
import { issueRun } from "@/lib/billing/run/issue";
import { previewRun } from "@/lib/billing/run/preview";
import { formatEuros } from "@/lib/format";
import { benchOnBothDatabases, seconds } from "./bench-kit";

// 3 February 2027, 10:00 Paris: January is the month to invoice, the school year's bookings are all there.
const NOW = new Date("2027-02-03T09:00:00Z");
const PERIOD = "2027-01-01";

async function bench(label: string, handle: DatabaseHandle) {
  const { db } = handle;
  await handle.migrate();
  let start = performance.now();
  const town = await seedBenchCommune(db, { slug: "bench", now: NOW });
  const { regieId } = await seedBenchBilling(db, town, PERIOD);
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
}

await benchOnBothDatabases("bench_billing", bench);
