import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { billingRuns, regies } from "@/db/schema";

/** The commune's régies, as the run page offers them. */
export function listRunRegies(db: Db, p: { communeId: string }) {
  return db
    .select({ id: regies.id, name: regies.name, code: regies.code })
    .from(regies)
    .where(eq(regies.communeId, p.communeId))
    .orderBy(asc(regies.name));
}

export type PastRun = Awaited<ReturnType<typeof listRuns>>[number];

/** The commune's issued runs, the latest month first (at most `limit`). */
export function listRuns(db: Db, p: { communeId: string; limit?: number }) {
  return db
    .select({
      id: billingRuns.id,
      period: billingRuns.period,
      emissionCode: billingRuns.emissionCode,
      issuedOn: billingRuns.issuedOn,
      dueOn: billingRuns.dueOn,
      invoiceCount: billingRuns.invoiceCount,
      totalCents: billingRuns.totalCents,
      regieName: regies.name,
    })
    .from(billingRuns)
    .innerJoin(regies, eq(regies.id, billingRuns.regieId))
    .where(eq(billingRuns.communeId, p.communeId))
    .orderBy(desc(billingRuns.period), asc(regies.name))
    .limit(p.limit ?? 120);
}
