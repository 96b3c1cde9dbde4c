import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentBlobs, documentTypes, subscriptions } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import type { PreparedDocument } from "./prepared";
import { ensureDefaultDocumentTypes } from "./types";

/*
 * Fixtures of the documents' integration tests: a commune with its default types, a subscribed family, and a
 * PreparedDocument made by hand (what prepareUploadedDocument returns for a tiny PDF).
 */

let counter = 0;

/** A tiny PDF as prepareUploadedDocument would hand it over (distinct bytes on each call). */
export function preparedPdf(text = `document ${++counter}`): PreparedDocument {
  const bytes = new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
  return {
    bytes,
    mediaType: "application/pdf",
    extension: "pdf",
    pageCount: 1,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/** A commune with its default document types and a family (household, child, family account subscribed, agent). */
export async function insertDocumentsCommune(db: Db) {
  const commune = await insertCommune(db);
  await ensureDefaultDocumentTypes(db, commune.id);
  const family = await insertSubscribedFamily(db, commune.id);
  const types = Object.fromEntries(
    (
      await db
        .select({ code: documentTypes.code, id: documentTypes.id })
        .from(documentTypes)
        .where(eq(documentTypes.communeId, commune.id))
    ).map((t) => [t.code, t.id]),
  ) as Record<string, string>;
  return { commune, types, ...family };
}

/** insertFamily, with its family account subscribed to the household (who the mails go to). */
export async function insertSubscribedFamily(db: Db, communeId: string) {
  const family = await insertFamily(db, communeId);
  await db
    .insert(subscriptions)
    .values({ communeId, userId: family.family.id, householdId: family.householdId, method: "agent" });
  return family;
}

/** The blobs of a commune, counted (to check that bytes come and go with their rows). */
export async function countBlobs(db: Db, communeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documentBlobs)
    .where(eq(documentBlobs.communeId, communeId));
  return row!.n;
}
