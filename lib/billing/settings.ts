import "server-only";
import { and, asc, desc, eq, gt, gte, lt, min, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type Activity,
  activities,
  type InvoiceNature,
  invoiceLines,
  invoiceNatures,
  invoices,
  type Regie,
  regies,
  type Tariff,
  tariffs,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { isUniqueViolation } from "@/lib/database/errors";
import type { ActivityNatureInput, NatureInput, RegieInput, TariffInput } from "./settings-schemas";

/*
 * The town's billing settings: régies, invoice natures, each activity's nature and its tariffs. Every statement is
 * scoped by commune: an id of another commune reads as "not found" and is never changed. Every change is audited.
 */

type Scope = { communeId: string; actorUserId: string };

export type WriteResult<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R };

// ---------------------------------------------------------------- régies

export async function listRegies(db: Db, params: { communeId: string }): Promise<Regie[]> {
  return db
    .select()
    .from(regies)
    .where(eq(regies.communeId, params.communeId))
    .orderBy(asc(regies.name), asc(regies.id));
}

export async function findRegie(db: Db, params: { communeId: string; regieId: string }): Promise<Regie | null> {
  const [row] = await db
    .select()
    .from(regies)
    .where(and(eq(regies.communeId, params.communeId), eq(regies.id, params.regieId)));
  return row ?? null;
}

/**
 * Creates the régie, or saves the one named by `input.regieId`. Its code ends the code émission printed on every
 * invoice, by which a family subscribes: once an invoice carries it, it no longer changes ("code_locked").
 */
export async function saveRegie(
  db: Db,
  params: Scope & { input: RegieInput },
): Promise<WriteResult<Regie, "not_found" | "duplicate_code" | "code_locked">> {
  const { regieId, ...values } = params.input;
  try {
    return await db.transaction(async (tx) => {
      if (!regieId) {
        const [created] = await tx
          .insert(regies)
          .values({ ...values, communeId: params.communeId })
          .returning();
        await recordAudit(tx, {
          communeId: params.communeId,
          actorUserId: params.actorUserId,
          action: "billing.regie_created",
          targetType: "regie",
          targetId: created!.id,
          details: { name: created!.name, code: created!.code },
        });
        return { ok: true as const, value: created! };
      }
      const ofCommune = and(eq(regies.id, regieId), eq(regies.communeId, params.communeId));
      const [current] = await tx.select().from(regies).where(ofCommune).for("update");
      if (!current) return { ok: false as const, reason: "not_found" as const };
      if (current.code !== values.code) {
        const [invoiced] = await tx
          .select({ id: invoices.id })
          .from(invoices)
          .where(and(eq(invoices.communeId, params.communeId), eq(invoices.regieId, regieId)))
          .limit(1);
        if (invoiced) return { ok: false as const, reason: "code_locked" as const };
      }
      const [updated] = await tx.update(regies).set(values).where(ofCommune).returning();
      const changes = (Object.keys(values) as (keyof typeof values)[])
        .filter((field) => current[field] !== values[field])
        .map((field) => ({ field, before: current[field], after: values[field] }));
      if (changes.length > 0)
        await recordAudit(tx, {
          communeId: params.communeId,
          actorUserId: params.actorUserId,
          action: "billing.regie_updated",
          targetType: "regie",
          targetId: regieId,
          details: { name: updated!.name, changes },
        });
      return { ok: true as const, value: updated! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate_code" };
    throw error;
  }
}

// ---------------------------------------------------------------- natures

export type NatureRow = InvoiceNature & { regieName: string; regieCode: string };

export async function listNatures(db: Db, params: { communeId: string }): Promise<NatureRow[]> {
  const rows = await db
    .select({ nature: invoiceNatures, regieName: regies.name, regieCode: regies.code })
    .from(invoiceNatures)
    .innerJoin(regies, eq(regies.id, invoiceNatures.regieId))
    .where(eq(invoiceNatures.communeId, params.communeId))
    .orderBy(asc(invoiceNatures.label), asc(invoiceNatures.id));
  return rows.map((row) => ({ ...row.nature, regieName: row.regieName, regieCode: row.regieCode }));
}

/** Creates the nature, or saves the one named by `input.natureId`; the régie must be of the commune. */
export async function saveNature(
  db: Db,
  params: Scope & { input: NatureInput },
): Promise<WriteResult<InvoiceNature, "not_found" | "regie_not_found" | "duplicate_label">> {
  const { natureId, ...values } = params.input;
  try {
    return await db.transaction(async (tx) => {
      const regie = await findRegie(tx, { communeId: params.communeId, regieId: values.regieId });
      if (!regie) return { ok: false as const, reason: "regie_not_found" as const };
      if (!natureId) {
        const [created] = await tx
          .insert(invoiceNatures)
          .values({ ...values, communeId: params.communeId })
          .returning();
        await recordAudit(tx, {
          communeId: params.communeId,
          actorUserId: params.actorUserId,
          action: "billing.nature_created",
          targetType: "invoice_nature",
          targetId: created!.id,
          details: { label: created!.label, regie: regie.code },
        });
        return { ok: true as const, value: created! };
      }
      const ofCommune = and(eq(invoiceNatures.id, natureId), eq(invoiceNatures.communeId, params.communeId));
      const [current] = await tx.select().from(invoiceNatures).where(ofCommune).for("update");
      if (!current) return { ok: false as const, reason: "not_found" as const };
      const [updated] = await tx.update(invoiceNatures).set(values).where(ofCommune).returning();
      if (current.label !== values.label || current.regieId !== values.regieId)
        await recordAudit(tx, {
          communeId: params.communeId,
          actorUserId: params.actorUserId,
          action: "billing.nature_updated",
          targetType: "invoice_nature",
          targetId: natureId,
          details: {
            label: updated!.label,
            changes: [
              { field: "label", before: current.label, after: values.label },
              { field: "regieId", before: current.regieId, after: values.regieId },
            ].filter((change) => change.before !== change.after),
          },
        });
      return { ok: true as const, value: updated! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate_label" };
    throw error;
  }
}

// ---------------------------------------------------------------- activities

export type ActivityBilling = {
  activity: Activity;
  nature: { id: string; label: string; regieCode: string } | null;
  /** Every tariff of the activity, latest validFrom first. */
  tariffs: Tariff[];
};

/** Every activity of the commune with its nature and tariffs, in two queries. Current activities first. */
export async function listActivityBilling(db: Db, params: { communeId: string }): Promise<ActivityBilling[]> {
  const [rows, tariffRows] = await Promise.all([
    db
      .select({
        activity: activities,
        natureId: invoiceNatures.id,
        natureLabel: invoiceNatures.label,
        regieCode: regies.code,
      })
      .from(activities)
      .leftJoin(invoiceNatures, eq(invoiceNatures.id, activities.natureId))
      .leftJoin(regies, eq(regies.id, invoiceNatures.regieId))
      .where(eq(activities.communeId, params.communeId))
      .orderBy(
        asc(activities.archived),
        sql`${activities.code} = ''`,
        sql`lpad(${activities.code}, 20, '0')`,
        asc(activities.name),
        asc(activities.id),
      ),
    db.select().from(tariffs).where(eq(tariffs.communeId, params.communeId)).orderBy(desc(tariffs.validFrom)),
  ]);
  return rows.map((row) => ({
    activity: row.activity,
    nature:
      row.natureId && row.natureLabel && row.regieCode
        ? { id: row.natureId, label: row.natureLabel, regieCode: row.regieCode }
        : null,
    tariffs: tariffRows.filter((t) => t.activityId === row.activity.id),
  }));
}

/** One activity's nature and tariffs; null when the activity is not of this commune. */
export async function findActivityBilling(
  db: Db,
  params: { communeId: string; activityId: string },
): Promise<ActivityBilling | null> {
  const [row] = await db
    .select({
      activity: activities,
      natureId: invoiceNatures.id,
      natureLabel: invoiceNatures.label,
      regieCode: regies.code,
    })
    .from(activities)
    .leftJoin(invoiceNatures, eq(invoiceNatures.id, activities.natureId))
    .leftJoin(regies, eq(regies.id, invoiceNatures.regieId))
    .where(and(eq(activities.communeId, params.communeId), eq(activities.id, params.activityId)));
  if (!row) return null;
  const tariffRows = await db
    .select()
    .from(tariffs)
    .where(and(eq(tariffs.communeId, params.communeId), eq(tariffs.activityId, params.activityId)))
    .orderBy(desc(tariffs.validFrom));
  return {
    activity: row.activity,
    nature:
      row.natureId && row.natureLabel && row.regieCode
        ? { id: row.natureId, label: row.natureLabel, regieCode: row.regieCode }
        : null,
    tariffs: tariffRows,
  };
}

/** The tariff in force on `day`: the latest validFrom on or before it (`tariffs` latest first, as listed). */
export function tariffOn(list: readonly Tariff[], day: string): Tariff | null {
  return list.find((t) => t.validFrom <= day) ?? null;
}

/** Sets (or, null, removes) the nature an activity is invoiced under. Both must be of the commune. */
export async function setActivityNature(
  db: Db,
  params: Scope & { input: ActivityNatureInput },
): Promise<WriteResult<Activity, "activity_not_found" | "nature_not_found">> {
  const { activityId, natureId } = params.input;
  return db.transaction(async (tx) => {
    const ofCommune = and(eq(activities.id, activityId), eq(activities.communeId, params.communeId));
    const [current] = await tx.select().from(activities).where(ofCommune).for("update");
    if (!current) return { ok: false as const, reason: "activity_not_found" as const };
    let natureLabel: string | null = null;
    if (natureId) {
      const [nature] = await tx
        .select()
        .from(invoiceNatures)
        .where(and(eq(invoiceNatures.id, natureId), eq(invoiceNatures.communeId, params.communeId)));
      if (!nature) return { ok: false as const, reason: "nature_not_found" as const };
      natureLabel = nature.label;
    }
    if (current.natureId === natureId) return { ok: true as const, value: current };
    const [updated] = await tx.update(activities).set({ natureId, updatedAt: sql`now()` }).where(ofCommune).returning();
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.actorUserId,
      action: "billing.activity_nature_changed",
      targetType: "activity",
      targetId: activityId,
      details: { name: current.name, before: current.natureId, after: natureId, nature: natureLabel },
    });
    return { ok: true as const, value: updated! };
  });
}

// ---------------------------------------------------------------- tariffs

export type TariffWrite =
  | { ok: true; value: Tariff; replaced: boolean }
  | { ok: false; reason: "activity_not_found" }
  /** `month`: the first invoiced month ("2026-09-01") whose prices the tariff would change. */
  | { ok: false; reason: "already_invoiced"; month: string };

/**
 * Saves a tariff from `validFrom` on. A new date adds a tariff and never rewrites an older one. The prices a tariff
 * sets hold from its validFrom until the next tariff's; the write is refused when an invoice line of the activity
 * already falls in that window (its month from validFrom's month on), so an invoiced day never changes price — a
 * tariff with the same date is then replaced only while nothing was invoiced with it (a typing mistake corrected).
 *
 * The activity's row is locked first, so two saves of one activity run one after the other. The invoicing run
 * should read the tariffs it prices with FOR SHARE: a replacement then waits for a run in progress and sees its
 * invoice lines, or the run waits for the replacement and prices with the new one.
 */
export async function saveTariff(db: Db, params: Scope & { input: TariffInput }): Promise<TariffWrite> {
  const { activityId, validFrom, defaultUnitCents, brackets } = params.input;
  const { communeId } = params;
  return db.transaction(async (tx): Promise<TariffWrite> => {
    const [activity] = await tx
      .select({ id: activities.id, name: activities.name })
      .from(activities)
      .where(and(eq(activities.id, activityId), eq(activities.communeId, communeId)))
      .for("update");
    if (!activity) return { ok: false, reason: "activity_not_found" };
    const ofActivity = and(eq(tariffs.communeId, communeId), eq(tariffs.activityId, activityId));
    const [existing] = await tx
      .select()
      .from(tariffs)
      .where(and(ofActivity, eq(tariffs.validFrom, validFrom)))
      .for("update");
    const [next] = await tx
      .select({ validFrom: min(tariffs.validFrom) })
      .from(tariffs)
      .where(and(ofActivity, gt(tariffs.validFrom, validFrom)));
    const [invoiced] = await tx
      .select({ month: invoiceLines.month })
      .from(invoiceLines)
      .where(
        and(
          eq(invoiceLines.communeId, communeId),
          eq(invoiceLines.activityId, activityId),
          gte(invoiceLines.month, sql`date_trunc('month', ${validFrom}::date)::date`),
          next?.validFrom ? lt(invoiceLines.month, next.validFrom) : undefined,
        ),
      )
      .orderBy(asc(invoiceLines.month))
      .limit(1);
    if (invoiced) return { ok: false, reason: "already_invoiced", month: invoiced.month };

    const values = { defaultUnitCents, brackets, createdByUserId: params.actorUserId };
    const [saved] = existing
      ? await tx.update(tariffs).set(values).where(eq(tariffs.id, existing.id)).returning()
      : await tx
          .insert(tariffs)
          .values({ ...values, communeId, activityId, validFrom })
          .returning();
    await recordAudit(tx, {
      communeId,
      actorUserId: params.actorUserId,
      action: "billing.tariff_saved",
      targetType: "activity",
      targetId: activityId,
      details: {
        name: activity.name,
        validFrom,
        defaultUnitCents,
        brackets,
        ...(existing ? { replaced: { defaultUnitCents: existing.defaultUnitCents, brackets: existing.brackets } } : {}),
      },
    });
    return { ok: true, value: saved!, replaced: Boolean(existing) };
  });
}
