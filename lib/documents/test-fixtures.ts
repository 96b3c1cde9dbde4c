import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { vi } from "vitest";
import type { Db } from "@/db/client";
import { documentBlobs, documentTypes, subscriptions } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import type { PreparedDocument } from "./prepared";
import { type DocumentStore, documentStore } from "./storage";
import { ensureDefaultDocumentTypes } from "./types";

/*
 * Fixtures of the documents' integration tests: a commune with its default types, a subscribed family, and a
 * PreparedDocument made by hand (what prepareUploadedDocument returns for a tiny PDF).
 *
 * The bytes store (lib/documents/storage, the files branch) may still be the #12 skeleton that throws. So that the
 * domain's tests run before it lands, `installDocumentStoreDouble()` wraps documentStore's methods in the tests only: each
 * call goes to the real store, and only when that throws the skeleton error does the double answer — it writes and
 * deletes document_blobs rows itself (one row per put, no chunks). Once the real store is merged the double is
 * never used and the same tests run against it. Product code never sees this file.
 */

const SKELETON_MARK = "#12 skeleton";

function isSkeleton(error: unknown): boolean {
  return error instanceof Error && error.message.includes(SKELETON_MARK);
}

const double: DocumentStore = {
  async put(db, { communeId, bytes }) {
    const [row] = await db
      .insert(documentBlobs)
      .values({ communeId, sizeBytes: bytes.byteLength, chunkCount: 0 })
      .returning({ key: documentBlobs.key });
    return row!.key;
  },
  async open(db, { communeId, key }) {
    const [row] = await db
      .select({ sizeBytes: documentBlobs.sizeBytes })
      .from(documentBlobs)
      .where(and(eq(documentBlobs.key, key), eq(documentBlobs.communeId, communeId)));
    return row
      ? { sizeBytes: row.sizeBytes, stream: new ReadableStream<Uint8Array>({ start: (c) => c.close() }) }
      : null;
  },
  async delete(db, { communeId, key }) {
    await db.delete(documentBlobs).where(and(eq(documentBlobs.key, key), eq(documentBlobs.communeId, communeId)));
  },
};

/** Call once at the top of an integration test file (see above): the real store when it exists, else the double. */
export function installDocumentStoreDouble(): void {
  for (const method of ["put", "open", "delete"] as const) {
    const real = documentStore[method].bind(documentStore) as (...args: unknown[]) => Promise<unknown>;
    const fallback = double[method] as (...args: unknown[]) => Promise<unknown>;
    vi.spyOn(documentStore, method).mockImplementation((async (...args: unknown[]) => {
      try {
        return await real(...args);
      } catch (error) {
        if (isSkeleton(error)) return fallback(...args);
        throw error;
      }
    }) as never);
  }
}

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
