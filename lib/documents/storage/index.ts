import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { documentBlobChunks, documentBlobs } from "@/db/schema";

/**
 * Where the bytes of the documents live. PostgreSQL by default (document_blobs, in chunks): several instances
 * and a Vercel deployment share it and a backup holds everything. An object store would implement the same
 * interface. `put` and `delete` take the caller's transaction, so a document row and its bytes come and go together.
 */
export interface DocumentStore {
  /** Stores the bytes; returns the key the documents row keeps (storageKey). */
  put(db: Db, params: { communeId: string; bytes: Uint8Array }): Promise<string>;
  /** The bytes as a stream read one chunk at a time, or null for an unknown key (or one of another commune). */
  open(
    db: Db,
    params: { communeId: string; key: string },
  ): Promise<{ sizeBytes: number; stream: ReadableStream<Uint8Array> } | null>;
  delete(db: Db, params: { communeId: string; key: string }): Promise<void>;
}

/** 256 KiB: a 10 MB document is 40 rows, and a download holds one of them at a time. */
export const DOCUMENT_CHUNK_BYTES = 256 * 1024;

/** postgres.js answers a bytea with a Buffer, PGlite with a Uint8Array: a plain view either way, no copy. */
function asBytes(data: Uint8Array): Uint8Array {
  return data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
}

/**
 * The PostgreSQL store. One INSERT per chunk (never the whole file in one statement: the driver would encode it
 * once more), one SELECT per chunk when reading: what a request holds is the chunk being sent, whatever the size.
 */
export const documentStore: DocumentStore = {
  async put(db, { communeId, bytes }) {
    const chunkCount = Math.ceil(bytes.byteLength / DOCUMENT_CHUNK_BYTES);
    // A savepoint inside the caller's transaction (or a transaction of its own): no blob without all its chunks.
    return db.transaction(async (tx) => {
      const [blob] = await tx
        .insert(documentBlobs)
        .values({ communeId, sizeBytes: bytes.byteLength, chunkCount })
        .returning({ key: documentBlobs.key });
      const key = blob!.key;
      for (let seq = 0; seq < chunkCount; seq++) {
        const start = seq * DOCUMENT_CHUNK_BYTES;
        const data = bytes.subarray(start, Math.min(start + DOCUMENT_CHUNK_BYTES, bytes.byteLength));
        await tx.insert(documentBlobChunks).values({ key, seq, data });
      }
      return key;
    });
  },

  async open(db, { communeId, key }) {
    const [blob] = await db
      .select({ sizeBytes: documentBlobs.sizeBytes, chunkCount: documentBlobs.chunkCount })
      .from(documentBlobs)
      .where(and(eq(documentBlobs.key, key), eq(documentBlobs.communeId, communeId)));
    if (!blob) return null;
    let seq = 0;
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        // Called again only once the previous chunk was taken: one chunk in memory at a time.
        async pull(controller) {
          if (seq >= blob.chunkCount) {
            if (sent !== blob.sizeBytes) controller.error(new Error(`document blob ${key}: ${sent} bytes read`));
            else controller.close();
            return;
          }
          const [chunk] = await db
            .select({ data: documentBlobChunks.data })
            .from(documentBlobChunks)
            .innerJoin(
              documentBlobs,
              and(eq(documentBlobs.key, documentBlobChunks.key), eq(documentBlobs.communeId, communeId)),
            )
            .where(and(eq(documentBlobChunks.key, key), eq(documentBlobChunks.seq, seq)));
          if (!chunk) {
            controller.error(new Error(`document blob ${key}: chunk ${seq} missing`));
            return;
          }
          seq += 1;
          const bytes = asBytes(chunk.data);
          sent += bytes.byteLength;
          controller.enqueue(bytes);
        },
      },
      { highWaterMark: 0 },
    );
    return { sizeBytes: blob.sizeBytes, stream };
  },

  async delete(db, { communeId, key }) {
    // The chunks go with their blob (on delete cascade).
    await db.delete(documentBlobs).where(and(eq(documentBlobs.key, key), eq(documentBlobs.communeId, communeId)));
  },
};
