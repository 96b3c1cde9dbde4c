import "server-only";
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import sharp from "sharp";
import { DOCUMENT_MAX_BYTES } from "@/db/schema";
import { checkUploadedDocument, type DocumentCheck, tooLargeMessage } from "./content-check";
import { isUnusedInputPart } from "./form-files";
import type { PreparedDocument, PrepareResult } from "./prepared";

/** Front and back, a few photographed pages: more is a mistake, and each part is decoded in turn. */
export const DOCUMENT_MAX_PARTS = 20;

export const NO_FILE_MESSAGE = "Choisissez un fichier.";
export const TOO_MANY_PARTS_MESSAGE = `Déposez ${DOCUMENT_MAX_PARTS} fichiers au plus pour un même document.`;

/** A4 in PDF points: the page an image is laid on when several parts make one PDF. */
const A4 = { short: 595.28, long: 841.89 };
const PAGE_MARGIN = 18;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function prepared(bytes: Uint8Array, kind: "pdf" | "jpeg" | "png", pageCount: number | null): PreparedDocument {
  return {
    bytes,
    mediaType: kind === "pdf" ? "application/pdf" : kind === "jpeg" ? "image/jpeg" : "image/png",
    extension: kind === "pdf" ? "pdf" : kind === "jpeg" ? "jpg" : "png",
    pageCount,
    sha256: sha256(bytes),
  };
}

/**
 * The files of one upload field (one or several pages: front and back, several photos) checked and made into
 * the one document to store. No file (or only the empty part a form posts without a choice) → refused with
 * "Choisissez un fichier.". Every part must pass the content check; images are re-encoded; several parts are
 * combined into one PDF (one page per image, the pages of each PDF in order); one image alone stays an image.
 * The total is bounded by DOCUMENT_MAX_BYTES before anything is decoded.
 */
export async function prepareUploadedDocument(files: readonly Blob[]): Promise<PrepareResult> {
  const parts = files.filter((part) => !isUnusedInputPart(part));
  if (parts.length === 0) return { ok: false, message: NO_FILE_MESSAGE };
  if (parts.length > DOCUMENT_MAX_PARTS) return { ok: false, message: TOO_MANY_PARTS_MESSAGE };
  // The declared sizes are the bytes the server received: summed before any is read or decoded.
  const total = parts.reduce((sum, part) => sum + part.size, 0);
  if (total > DOCUMENT_MAX_BYTES) return { ok: false, message: tooLargeMessage(DOCUMENT_MAX_BYTES) };

  const checked: Extract<DocumentCheck, { ok: true }>[] = [];
  for (const [index, part] of parts.entries()) {
    const check = await checkUploadedDocument(new Uint8Array(await part.arrayBuffer()));
    if (!check.ok) {
      const message = parts.length > 1 ? `Fichier ${index + 1} : ${check.message}` : check.message;
      return { ok: false, message };
    }
    checked.push(check);
  }

  if (checked.length === 1) {
    const [only] = checked as [Extract<DocumentCheck, { ok: true }>];
    return { ok: true, document: prepared(only.bytes, only.kind, only.kind === "pdf" ? (only.pageCount ?? 1) : null) };
  }

  const combined = await PDFDocument.create();
  for (const part of checked) {
    if (part.kind === "pdf") {
      // Already through the content check (and its structure guard): loading it again is bounded the same way.
      const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
      const pages = await combined.copyPages(source, source.getPageIndices());
      for (const page of pages) combined.addPage(page);
      continue;
    }
    // As JPEG, which pdf-lib embeds without decoding it (a PNG it would decode whole); transparency on white.
    const jpeg = await sharp(part.bytes).flatten({ background: "#ffffff" }).jpeg({ quality: 85 }).toBuffer();
    const image = await combined.embedJpg(jpeg);
    const landscape = image.width > image.height;
    const [width, height] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
    const scale = Math.min((width - 2 * PAGE_MARGIN) / image.width, (height - 2 * PAGE_MARGIN) / image.height);
    const drawn = { width: image.width * scale, height: image.height * scale };
    combined
      .addPage([width, height])
      .drawImage(image, { x: (width - drawn.width) / 2, y: (height - drawn.height) / 2, ...drawn });
  }
  const bytes = await combined.save();
  if (bytes.byteLength > DOCUMENT_MAX_BYTES) return { ok: false, message: tooLargeMessage(DOCUMENT_MAX_BYTES) };
  return { ok: true, document: prepared(bytes, "pdf", combined.getPageCount()) };
}
