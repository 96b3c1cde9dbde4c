import "server-only";
import { and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  bookings,
  children,
  type Document,
  type DocumentType,
  documents,
  documentTypes,
  households,
  requests,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { RIB_CODE } from "./codes";
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

  const document = await writeDocument(db, {
    communeId: params.communeId,
    householdId: params.householdId,
    userId: params.userId,
    type,
    childId,
    requestId,
    ownerName,
    prepared: params.prepared,
  });
  return { ok: true, document };
}

/**
 * The one write of a document: under an advisory lock on its slot (owner, type, child, request), the bytes are put
 * in the store, the slot's current document becomes "replaced" (a justified absence's days follow it), the new one
 * is inserted "pending", audited. The owner is the household, or — before it exists — the uploading account.
 */
async function writeDocument(
  db: Db,
  params: {
    communeId: string;
    householdId: string | null;
    userId: string;
    type: Pick<DocumentType, "id" | "code" | "label">;
    childId: string | null;
    requestId: string | null;
    ownerName: string;
    prepared: PreparedDocument;
  },
): Promise<Document> {
  const { type, childId, requestId, prepared } = params;
  const owner = params.householdId ?? params.userId;
  return db.transaction(async (tx) => {
    // One upload at a time per slot: the second waits, then sees the first as the one to replace.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`document:${owner}:${type.id}:${childId ?? NO_ID}:${requestId ?? NO_ID}`}))`,
    );
    const storageKey = await documentStore.put(tx, { communeId: params.communeId, bytes: prepared.bytes });
    const replaced = await tx
      .update(documents)
      .set({ state: "replaced", replacedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(documents.communeId, params.communeId),
          params.householdId
            ? eq(documents.householdId, params.householdId)
            : and(isNull(documents.householdId), eq(documents.uploadedByUserId, params.userId)),
          eq(documents.typeId, type.id),
          childId ? eq(documents.childId, childId) : isNull(documents.childId),
          requestId ? eq(documents.requestId, requestId) : isNull(documents.requestId),
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
        fileName: documentFileName(type.label, params.ownerName, prepared.extension),
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
}

/**
 * The new-family wizard's RIB, before the household exists: a document without household, owned by its uploader
 * (the family account), replacing that account's previous one. submitPreRegistration attaches it to the
 * "household.create" request; accepting that request gives it the new household (and validates it).
 * "not_found" when the commune has no active RIB type or the account is not a family account of the commune.
 */
export async function storePreRegistrationDocument(
  db: Db,
  params: { communeId: string; userId: string; prepared: PreparedDocument },
): Promise<StoreDocumentResult> {
  const [type] = await db
    .select()
    .from(documentTypes)
    .where(
      and(
        eq(documentTypes.communeId, params.communeId),
        eq(documentTypes.code, RIB_CODE),
        eq(documentTypes.active, true),
      ),
    );
  const [account] = await db
    .select({ lastName: users.lastName })
    .from(users)
    .where(and(eq(users.id, params.userId), eq(users.communeId, params.communeId), eq(users.role, "family")));
  if (!type || !account) return { ok: false, reason: "not_found" };
  const document = await writeDocument(db, {
    communeId: params.communeId,
    householdId: null,
    userId: params.userId,
    type,
    childId: null,
    requestId: null,
    ownerName: account.lastName.toLocaleUpperCase("fr-FR"),
    prepared: params.prepared,
  });
  return { ok: true, document };
}

export interface PreRegistrationDocument {
  id: string;
  fileName: string;
  state: Document["state"];
  createdAt: Date;
}

/**
 * The account's current pre-registration RIB (storePreRegistrationDocument): the one not sent yet with a request,
 * not replaced, of this commune and uploaded by this account; null when there is none. Another account's is never
 * read.
 */
export async function findPreRegistrationDocument(
  db: Db,
  params: { communeId: string; userId: string },
): Promise<PreRegistrationDocument | null> {
  const [row] = await db
    .select({
      id: documents.id,
      fileName: documents.fileName,
      state: documents.state,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .innerJoin(
      documentTypes,
      and(eq(documentTypes.id, documents.typeId), eq(documentTypes.communeId, documents.communeId)),
    )
    .where(
      and(
        eq(documents.communeId, params.communeId),
        eq(documents.uploadedByUserId, params.userId),
        isNull(documents.householdId),
        isNull(documents.requestId),
        ne(documents.state, "replaced"),
        eq(documentTypes.code, RIB_CODE),
      ),
    )
    .orderBy(desc(documents.createdAt))
    .limit(1);
  return row ?? null;
}
