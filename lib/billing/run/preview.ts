import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type BillingRun, billingRuns, type Regie, regies } from "@/db/schema";
import { todayInParis } from "@/lib/clock";
import type { IsoDay } from "@/lib/planning/days";
import { dueDate, emissionCode, type Period } from "../periods";
import { computeRun, type RunComputation } from "./compute";
import { loadRunInputs } from "./load";

/*
 * What a régie's monthly run would issue, before it is issued: households, their payer, lines and totals, the
 * anomalies to look at, and the run itself when the month is already issued.
 */

export type RunPreview = RunComputation & {
  regie: Pick<Regie, "id" | "name" | "code" | "dueDays">;
  period: Period;
  emissionCode: string;
  /** The dates the invoices would carry if issued today. */
  issuedOn: IsoDay;
  dueOn: IsoDay;
  /** The month's run, when it was already issued (nothing more would be). */
  issuedRun: BillingRun | null;
};

/** The régie of the commune (null for any other id). */
export async function findRegie(db: Db, p: { communeId: string; regieId: string }) {
  const [regie] = await db
    .select()
    .from(regies)
    .where(and(eq(regies.communeId, p.communeId), eq(regies.id, p.regieId)));
  return regie ?? null;
}

/** The preview of the run of `period` (a first day of month); null when the régie is not the commune's. */
export async function previewRun(
  db: Db,
  p: { communeId: string; regieId: string; period: Period; today?: IsoDay },
): Promise<RunPreview | null> {
  const regie = await findRegie(db, p);
  if (!regie) return null;
  const issuedOn = p.today ?? todayInParis();
  const [inputs, [issuedRun]] = await Promise.all([
    loadRunInputs(db, { communeId: p.communeId, regieId: regie.id, period: p.period }),
    db
      .select()
      .from(billingRuns)
      .where(
        and(
          eq(billingRuns.communeId, p.communeId),
          eq(billingRuns.regieId, regie.id),
          eq(billingRuns.period, p.period),
        ),
      ),
  ]);
  return {
    ...computeRun(inputs),
    regie: { id: regie.id, name: regie.name, code: regie.code, dueDays: regie.dueDays },
    period: p.period,
    emissionCode: emissionCode(p.period, regie.code),
    issuedOn,
    dueOn: dueDate(issuedOn, regie.dueDays),
    issuedRun: issuedRun ?? null,
  };
}
