import type { DocumentMediaType } from "@/db/schema";

/**
 * What an upload becomes once its content is checked (lib/documents/upload.ts): the bytes to store (images
 * re-encoded, several pages combined into one PDF) and what the documents table records about them.
 */
export interface PreparedDocument {
  bytes: Uint8Array;
  mediaType: DocumentMediaType;
  /** The file name's extension the portal gives it ("RIB - MARTIN.pdf"). */
  extension: "pdf" | "jpg" | "png";
  /** Pages of a PDF; null for an image. */
  pageCount: number | null;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
}

/** The upload checked: the document to store, or why it is refused, in French, to show beside the file field. */
export type PrepareResult = { ok: true; document: PreparedDocument } | { ok: false; message: string };
