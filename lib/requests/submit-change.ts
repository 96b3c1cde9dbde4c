import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documents, type RequestRow, requests } from "@/db/schema";
import { RIB_CODE } from "@/lib/documents/codes";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { storeDocument } from "@/lib/documents/store-document";
import { findDocumentTypeByCode } from "@/lib/documents/types";
import {
  type HouseholdScope,
  loadAuthorizedAdultRecord,
  loadBankRecord,
  loadChild,
  loadChildRecord,
  loadGuardianRecord,
  loadVaccinationRecord,
} from "@/lib/family-file/records";
import { changeSnapshots, diffFields, type FieldChange } from "./diff";
import { addRequestEvent, allocateRequestReference } from "./records";
import { FAMILY_FILE_CHANGE_TYPES, type FamilyFileChangeType, REQUEST_TYPES } from "./types";

/*
 * A family's change to its file becomes a pending request (or updates the pending one for the same data).
 * Scoped by commune AND household: a record of another household reads as "not found".
 */

/** The validated record a change of this type targets, scoped to the household; null if not of it. */
async function loadTarget(
  db: Db,
  scope: HouseholdScope,
  type: FamilyFileChangeType,
  targetId: string,
  proposed: Record<string, unknown>,
) {
  switch (type) {
    case "guardian.update":
      return loadGuardianRecord(db, scope, targetId);
    case "bank.update":
      return targetId === scope.householdId ? loadBankRecord(db, scope) : null;
    case "child.update":
      return loadChildRecord(db, scope, targetId);
    case "vaccinations.update":
      return loadVaccinationRecord(db, scope, targetId);
    case "authorized_adult.add": {
      const child = typeof proposed.childId === "string" ? await loadChild(db, scope, proposed.childId) : null;
      return child
        ? {
            values: {},
            subject: `${proposed.firstName ?? ""} ${proposed.lastName ?? ""} (pour ${child.firstName})`.trim(),
            childId: child.id,
          }
        : null;
    }
    case "authorized_adult.update":
    case "authorized_adult.remove":
      return loadAuthorizedAdultRecord(db, scope, targetId);
  }
}

export type SubmitChangeResult =
  | { ok: true; outcome: "created" | "updated"; request: RequestRow; changes: FieldChange[] }
  /** The proposal equals the validated file: nothing to ask; a pending request for it, if any, was withdrawn. */
  | { ok: true; outcome: "unchanged" | "withdrawn"; request: RequestRow | null; changes: [] }
  | { ok: false; reason: "not_found" }
  /** A change of bank details needs the RIB (RIB_CODE), attached now or already with the pending request: nothing was written. */
  | { ok: false; reason: "document_required"; code: string };

/** Which change types need which document type (by code) when the commune has that type, active and required. */
const REQUIRED_ATTACHMENT: Partial<Record<FamilyFileChangeType, string>> = { "bank.update": RIB_CODE };

/**
 * A family proposes new values for one record of its file. Creates the pending request, or — when one is
 * pending for the same data — updates it: a form may send only its part (`proposed` is merged over the pending
 * values) and the request keeps only what still differs from the validated file.
 * For "authorized_adult.add" pass the future adult's id as targetId (newAuthorizedAdultId()) and childId in `proposed`.
 */
export async function submitChange(
  db: Db,
  params: HouseholdScope & {
    userId: string;
    type: FamilyFileChangeType;
    targetId: string;
    proposed: Record<string, unknown>;
    /**
     * The document handed in with the change (prepareUploadedDocument): the RIB of a "bank.update", stored in the
     * same transaction with the request's id. Ignored by the other change types.
     */
    attachment?: PreparedDocument;
  },
): Promise<SubmitChangeResult> {
  // The type comes from a form: a code that is no family-file change is refused like an unknown record.
  if (!(FAMILY_FILE_CHANGE_TYPES as readonly string[]).includes(params.type)) return { ok: false, reason: "not_found" };
  const scope = { communeId: params.communeId, householdId: params.householdId };
  const def = REQUEST_TYPES[params.type];
  const attachmentCode = REQUIRED_ATTACHMENT[params.type];
  const attachmentType = attachmentCode
    ? await findDocumentTypeByCode(db, { communeId: params.communeId, code: attachmentCode })
    : null;
  const attachment = attachmentType ? params.attachment : undefined;
  return db.transaction(async (tx): Promise<SubmitChangeResult> => {
    const pendingWhere = and(
      eq(requests.communeId, scope.communeId),
      eq(requests.householdId, scope.householdId),
      eq(requests.type, params.type),
      eq(requests.targetType, def.targetType),
      eq(requests.targetId, params.targetId),
      eq(requests.status, "pending"),
    );
    const [pending] = await tx.select().from(requests).where(pendingWhere).for("update");
    const proposed = { ...(pending?.payload ?? {}), ...params.proposed };
    const target = await loadTarget(tx, scope, params.type, params.targetId, proposed);
    if (!target) return { ok: false as const, reason: "not_found" as const };

    let changes: FieldChange[];
    let payload: Record<string, unknown>;
    let before: Record<string, unknown>;
    if (params.type === "authorized_adult.remove") {
      changes = [];
      payload = { childId: "childId" in target ? target.childId : null, remove: true };
      before = target.values;
    } else {
      changes = diffFields(def.fields, target.values, proposed);
      ({ payload, before } = changeSnapshots(changes));
      if (params.type === "authorized_adult.add") payload.childId = proposed.childId;
      if (changes.length === 0) {
        if (!pending) return { ok: true as const, outcome: "unchanged" as const, request: null, changes: [] as [] };
        const [withdrawn] = await tx
          .update(requests)
          .set({ status: "withdrawn", updatedAt: sql`now()` })
          .where(and(eq(requests.id, pending.id), pendingWhere))
          .returning();
        await addRequestEvent(tx, {
          communeId: scope.communeId,
          requestId: pending.id,
          kind: "withdrawn",
          side: "family",
          actorUserId: params.userId,
          message: "Les valeurs proposées sont identiques au dossier validé.",
        });
        return { ok: true as const, outcome: "withdrawn" as const, request: withdrawn!, changes: [] as [] };
      }
    }

    // The document the change needs: attached now, or already handed in with the pending request (and not refused).
    if (attachmentType?.required && !attachment) {
      const [handedIn] = pending
        ? await tx
            .select({ id: documents.id })
            .from(documents)
            .where(
              and(
                eq(documents.communeId, scope.communeId),
                eq(documents.requestId, pending.id),
                eq(documents.typeId, attachmentType.id),
                inArray(documents.state, ["pending", "validated"]),
              ),
            )
            .limit(1)
        : [];
      if (!handedIn) return { ok: false, reason: "document_required", code: attachmentType.code };
    }
    const attach = async (requestId: string) => {
      if (!attachment || !attachmentType) return;
      const stored = await storeDocument(tx, {
        ...scope,
        userId: params.userId,
        typeId: attachmentType.id,
        requestId,
        prepared: attachment,
      });
      // The type and request were read in this transaction: only a bug gets here; roll everything back.
      if (!stored.ok) throw new Error(`the attachment of request ${requestId} could not be stored`);
    };

    const summary = { fields: changes.map((c) => c.label) };
    if (pending) {
      const [updated] = await tx
        .update(requests)
        .set({ payload, before, subject: target.subject, updatedAt: sql`now()` })
        .where(and(eq(requests.id, pending.id), pendingWhere))
        .returning();
      await addRequestEvent(tx, {
        communeId: scope.communeId,
        requestId: pending.id,
        kind: "updated",
        side: "family",
        actorUserId: params.userId,
        details: summary,
      });
      await attach(pending.id);
      return { ok: true as const, outcome: "updated" as const, request: updated!, changes };
    }

    const reference = await allocateRequestReference(tx, scope.communeId);
    // A concurrent first change to the same data may have committed since the SELECT: ON CONFLICT on the
    // partial unique index then merges into that pending request instead of failing or stacking.
    const [row] = await tx
      .insert(requests)
      .values({
        ...scope,
        createdByUserId: params.userId,
        type: params.type,
        reference,
        targetType: def.targetType,
        targetId: params.targetId,
        subject: target.subject,
        payload,
        before,
      })
      .onConflictDoUpdate({
        target: [requests.householdId, requests.type, requests.targetType, requests.targetId],
        targetWhere: sql`${requests.status} = 'pending'`,
        set: {
          payload: sql`${requests.payload} || excluded.payload`,
          before: sql`coalesce(${requests.before}, '{}'::jsonb) || excluded.before`,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    const created = row!.reference === reference;
    const event = {
      communeId: scope.communeId,
      requestId: row!.id,
      side: "family" as const,
      actorUserId: params.userId,
    };
    if (created) {
      await addRequestEvent(tx, { ...event, kind: "created", details: summary });
      await addRequestEvent(tx, { ...event, kind: "transmitted" });
    } else {
      await addRequestEvent(tx, { ...event, kind: "updated", details: summary });
    }
    await attach(row!.id);
    return {
      ok: true as const,
      outcome: created ? ("created" as const) : ("updated" as const),
      request: row!,
      changes,
    };
  });
}

/** The id an added authorized adult will have: the add request targets it, so changing it before processing updates that request. */
export function newAuthorizedAdultId(): string {
  return randomUUID();
}
