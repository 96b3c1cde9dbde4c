import "server-only";
import type { Db } from "@/db/client";

const SKELETON = "#12 skeleton: implemented by the files branch";

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

export const documentStore: DocumentStore = {
  async put() {
    throw new Error(SKELETON);
  },
  async open() {
    throw new Error(SKELETON);
  },
  async delete() {
    throw new Error(SKELETON);
  },
};
