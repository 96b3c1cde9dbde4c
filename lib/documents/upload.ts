import "server-only";
import type { PrepareResult } from "./prepared";

const SKELETON = "#12 skeleton: implemented by the files branch";

/**
 * The files of one upload field (one or several pages: front and back, several photos) checked and made into
 * the one document to store. No file (or only the empty part a form posts without a choice) → refused with
 * "Choisissez un fichier.". Every part must pass the content check; images are re-encoded; several parts are
 * combined into one PDF (one page per image, the pages of each PDF in order); one image alone stays an image.
 * The total is bounded by DOCUMENT_MAX_BYTES before anything is decoded.
 */
export async function prepareUploadedDocument(_files: readonly Blob[]): Promise<PrepareResult> {
  throw new Error(SKELETON);
}
