import "server-only";
import type { Db } from "@/db/client";
import type { Document } from "@/db/schema";
import type { PreparedDocument } from "./prepared";

const SKELETON = "#12 skeleton: implemented by the domain branch";

export type StoreDocumentResult = { ok: true; document: Document } | { ok: false; reason: "not_found" };

/**
 * A family hands in a document: in one transaction the bytes are stored, the previous current document of the same
 * household, type, child (and request) becomes "replaced", the new one is "pending", and the upload is audited.
 * "not_found" when the type is not an active type of the commune, the child not of the household, or the audience
 * does not match (a "child" type needs a childId, a "household" type none). `householdId` is the one the caller
 * resolved from the session (never from the form). Also used inside submitChange / submitSlotRequest with their
 * transaction and requestId.
 */
export async function storeDocument(
  _db: Db,
  _params: {
    communeId: string;
    householdId: string;
    userId: string;
    typeId: string;
    childId?: string | null;
    requestId?: string | null;
    prepared: PreparedDocument;
  },
): Promise<StoreDocumentResult> {
  throw new Error(SKELETON);
}
