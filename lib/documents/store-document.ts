import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bookings, children, type Document, documents, documentTypes, households, requests } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { PreparedDocument } from "./prepared";
import { documentStore } from "./storage";

export type StoreDocumentResult = { ok: true; document: Document } | { ok: false; reason: "not_found" };

const NO_ID = "00000000-0000-0000-0000-000000000000";

/** "RIB - MARTIN.pdf": built by the portal, never the uploaded name. */
export function documentFileName(typeLabel: string, ownerName: string, extension: PreparedDocument["extension"]) {
  const clean = (text: string) =>
    text
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim();
  return `${clean(typeLabel).slice(0, 80)} - ${clean(ownerName).slice(0, 80)}.${extension}`;
}

/**
 * A family hands in a document: in one transaction the bytes are stored, the previous current document of the same
 * household, type, child (and request) becomes "replaced", the new one is "pending", and the upload is audited.
 * "not_found" when the type is not an active type of the commune, the child not of the household, or the audience
 * does not match (a "child" type needs a childId, a "household" type none). `householdId` is the one the caller
 * resolved from the session (never from the form). Also used inside submitChange / submitSlotRequest with their
 * transaction and requestId: `db` may be a transaction handle (the work then runs in a savepoint of it).
 *
 * A "request" type needs a requestId (a request of this household and commune); its childId is optional (a
 * medical certificate names the child). Two uploads racing for the same slot are serialised by a transaction-level
 * advisory lock on (household, type, child, request), so exactly one stays current.
 */
export async function storeDocument(
  db: Db,
  params: {
    communeId: string;
    householdId: string;
    userId: string;
    typeId: string;
    childId?: string | null;
    requestId?: string | null;
    prepared: PreparedDocument;
  },
): Promise<StoreDocumentResult> {
  const childId = params.childId ?? null;
  const requestId = params.requestId ?? null;
  const [type] = await db
    .select()
    .from(documentTypes)
    .where(
      and(
        eq(documentTypes.id, params.typeId),
        eq(documentTypes.communeId, params.communeId),
        eq(documentTypes.active, true),
      ),
    );
  if (!type) return { ok: false, reason: "not_found" };
  if (type.audience === "household" && (childId || requestId)) return { ok: false, reason: "not_found" };
  if (type.audience === "child" && (!childId || requestId)) return { ok: false, reason: "not_found" };
  if (type.audience === "request" && !requestId) return { ok: false, reason: "not_found" };

  const [household] = await db
    .select({ name: households.name })
    .from(households)
    .where(and(eq(households.id, params.householdId), eq(households.communeId, params.communeId)));
  if (!household) return { ok: false, reason: "not_found" };
  let ownerName = household.name;
  if (childId) {
    const [child] = await db
      .select({ firstName: children.firstName, lastName: children.lastName })
      .from(children)
      .where(
        and(
          eq(children.id, childId),
          eq(children.householdId, params.householdId),
          eq(children.communeId, params.communeId),
        ),
      );
    if (!child) return { ok: false, reason: "not_found" };
    ownerName = `${child.firstName} ${child.lastName}`;
  }
  if (requestId) {
    const [request] = await db
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.id, requestId),
          eq(requests.householdId, params.householdId),
          eq(requests.communeId, params.communeId),
        ),
      );
    if (!request) return { ok: false, reason: "not_found" };
  }

  const { prepared } = params;
  const document = await db.transaction(async (tx) => {
    // One upload at a time per slot: the second waits, then sees the first as the one to replace.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`document:${params.householdId}:${type.id}:${childId ?? NO_ID}:${requestId ?? NO_ID}`}))`,
    );
    const storageKey = await documentStore.put(tx, { communeId: params.communeId, bytes: prepared.bytes });
    const replaced = await tx
      .update(documents)
      .set({ state: "replaced", replacedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(documents.communeId, params.communeId),
          eq(documents.householdId, params.householdId),
          eq(documents.typeId, type.id),
          childId ? eq(documents.childId, childId) : sql`${documents.childId} is null`,
          requestId ? eq(documents.requestId, requestId) : sql`${documents.requestId} is null`,
          ne(documents.state, "replaced"),
        ),
      )
      .returning({ id: documents.id });
    const [row] = await tx
      .insert(documents)
      .values({
        communeId: params.communeId,
        householdId: params.householdId,
        childId,
        typeId: type.id,
        requestId,
        uploadedByUserId: params.userId,
        state: "pending",
        storageKey,
        fileName: documentFileName(type.label, ownerName, prepared.extension),
        mediaType: prepared.mediaType,
        sizeBytes: prepared.bytes.byteLength,
        pageCount: prepared.pageCount,
        sha256: prepared.sha256,
      })
      .returning();
    // A certificate sent again for the same absence: its days now point at the new one.
    if (replaced.length > 0)
      await tx
        .update(bookings)
        .set({ justificationDocumentId: row!.id, updatedAt: sql`now()` })
        .where(
          and(
            eq(bookings.communeId, params.communeId),
            inArray(
              bookings.justificationDocumentId,
              replaced.map((r) => r.id),
            ),
          ),
        );
    await recordAudit(tx, {
      communeId: params.communeId,
      actorUserId: params.userId,
      action: "document.uploaded",
      targetType: "document",
      targetId: row!.id,
      details: {
        householdId: params.householdId,
        childId,
        requestId,
        typeId: type.id,
        typeCode: type.code,
        replacedDocumentIds: replaced.map((r) => r.id),
        sizeBytes: row!.sizeBytes,
      },
    });
    return row!;
  });
  return { ok: true, document };
}
