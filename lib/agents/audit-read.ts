import "server-only";
import { and, count, desc, eq, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditLog, households, users } from "@/db/schema";
import { auditActionLabel, describeAuditEntry } from "./audit-read-labels";

/** One row of the audit trail as the screens show it. */
export interface AuditRow {
  id: string;
  at: Date;
  actorName: string | null;
  action: string;
  actionLabel: string;
  target: string;
  detail: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
}

const actor = alias(users, "audit_actor");
const targetUser = alias(users, "audit_target_user");

/** The household a row concerns: in its details (request decisions, file changes) or as its target. */
const householdOfRow = sql`coalesce(${auditLog.details}->>'householdId', case when ${auditLog.targetType} = 'household' then ${auditLog.targetId}::text end)`;

function selectRows(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      details: auditLog.details,
      actorFirstName: actor.firstName,
      actorLastName: actor.lastName,
      householdName: households.name,
      targetFirstName: targetUser.firstName,
      targetLastName: targetUser.lastName,
    })
    .from(auditLog)
    .leftJoin(actor, and(eq(actor.id, auditLog.actorUserId), eq(actor.communeId, auditLog.communeId)))
    .leftJoin(
      households,
      and(eq(households.communeId, auditLog.communeId), sql`${households.id}::text = ${householdOfRow}`),
    )
    .leftJoin(
      targetUser,
      and(
        eq(auditLog.targetType, "user"),
        eq(targetUser.id, auditLog.targetId),
        eq(targetUser.communeId, auditLog.communeId),
      ),
    )
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
}

type SelectedRow = Awaited<ReturnType<typeof selectRows>>[number];

function toAuditRow(row: SelectedRow): AuditRow {
  const fullName = (first: string | null, last: string | null) => (first ? `${first} ${last}` : null);
  return {
    id: row.id,
    at: row.at,
    actorName: fullName(row.actorFirstName, row.actorLastName),
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    ...describeAuditEntry({
      action: row.action,
      details: row.details,
      householdName: row.householdName,
      targetUserName: fullName(row.targetFirstName, row.targetLastName),
    }),
  };
}

export const AUDIT_PAGE_SIZE = 30;

/** The journal of the admins: the commune's audit rows, newest first, optionally of one action. */
export async function listCommuneAudit(
  db: Db,
  params: { communeId: string; action?: string; page?: number },
): Promise<AuditPage> {
  const where = and(
    eq(auditLog.communeId, params.communeId),
    params.action ? eq(auditLog.action, params.action) : undefined,
  );
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditLog).where(where);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, params.page ?? 1), pageCount);
  const rows = await selectRows(db, where)
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.map(toAuditRow), total, page, pageCount };
}

/** The "Historique" of one household of the commune: its latest audit rows. */
export async function listHouseholdAudit(
  db: Db,
  params: { communeId: string; householdId: string; limit?: number },
): Promise<AuditRow[]> {
  const where = and(
    eq(auditLog.communeId, params.communeId),
    or(
      and(eq(auditLog.targetType, "household"), eq(auditLog.targetId, params.householdId)),
      sql`${auditLog.details}->>'householdId' = ${params.householdId}`,
    ),
  );
  const rows = await selectRows(db, where).limit(params.limit ?? 20);
  return rows.map(toAuditRow);
}
