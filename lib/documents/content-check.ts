import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFStream } from "pdf-lib";
import sharp from "sharp";
import { guardPdfStructure } from "./pdf-guard";

/*
 * The content check of a document a family uploads (Pièces justificatives). The bytes decide, never the file's
 * name or the type the browser declares: a PDF, a JPEG or a PNG is recognised by its signature, then opened.
 * Images are decoded and re-encoded (what is stored carries no EXIF, GPS position or anything smuggled after the
 * image data); PDFs are parsed and refused when encrypted, broken, or carrying scripts, forms that run code or
 * attachments, then stored as given (re-writing them could change what the town reads).
 * pdf-lib inflates a PDF's object and cross-reference streams without a size limit while loading it (a 199 KB file
 * measured ~540 MB of RSS): lib/documents/pdf-guard.ts checks them first, with capped inflates, and a file that
 * would go past the caps is refused as too complex before pdf-lib loads it.
 */

/** The largest upload accepted by default (the "10 Mo"). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** A decompression bomb (a tiny file of huge dimensions) is refused before it is decoded: a phone's photo is 12–50 MP, a scan at 300 dpi of an A4 page 9 MP. */
export const DOCUMENT_MAX_PIXELS = 40_000_000;

export type DocumentKind = "pdf" | "jpeg" | "png";

export type DocumentRefusal =
  | "too_large"
  | "empty"
  | "unsupported_type"
  | "broken"
  | "encrypted"
  | "active_content"
  | "attachments"
  | "too_many_pixels"
  | "too_complex";

export type DocumentCheck =
  | {
      ok: true;
      kind: DocumentKind;
      mediaType: string;
      /** What is stored: images re-encoded, PDFs as given. */
      bytes: Uint8Array;
      pageCount?: number;
      width?: number;
      height?: number;
    }
  | { ok: false; code: DocumentRefusal; message: string };

export const DOCUMENT_MESSAGES: Record<Exclude<DocumentRefusal, "too_large">, string> = {
  empty: "Le fichier choisi est vide.",
  unsupported_type: "Ce fichier n'est pas un PDF, un JPEG ou un PNG.",
  broken: "Ce fichier est endommagé ou illisible.",
  encrypted: "Ce PDF est protégé par un mot de passe : déposez une version non protégée.",
  active_content:
    "Ce PDF contient du code : il ne peut pas être accepté. Déposez une version imprimée en PDF ou une photo.",
  attachments: "Ce PDF contient des pièces jointes : il ne peut pas être accepté. Déposez chaque document à part.",
  too_complex: "Ce PDF est trop complexe pour être vérifié. Imprimez-le en PDF ou déposez une photo de chaque page.",
  too_many_pixels: `Cette image est trop grande (plus de ${DOCUMENT_MAX_PIXELS / 1_000_000} millions de pixels).`,
};

/** "Le fichier dépasse 10 Mo." for the limit in force. */
export function tooLargeMessage(maxBytes: number): string {
  const megabytes = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 }).format(maxBytes / (1024 * 1024));
  return `Le fichier dépasse ${megabytes} Mo.`;
}

const MEDIA_TYPES: Record<string, DocumentKind> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/png": "png",
};

function refuse(code: Exclude<DocumentRefusal, "too_large">): DocumentCheck {
  return { ok: false, code, message: DOCUMENT_MESSAGES[code] };
}

/** Checks an uploaded document and makes what is to be stored, or says in French why it is refused. */
export async function checkUploadedDocument(
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Promise<DocumentCheck> {
  const maxBytes = options.maxBytes ?? DOCUMENT_MAX_BYTES;
  if (bytes.length === 0) return refuse("empty");
  if (bytes.length > maxBytes) return { ok: false, code: "too_large", message: tooLargeMessage(maxBytes) };
  const sniffed = await fileTypeFromBuffer(bytes);
  const kind = sniffed && MEDIA_TYPES[sniffed.mime];
  if (!sniffed || !kind) return refuse("unsupported_type");
  return kind === "pdf" ? checkPdf(bytes) : reencodeImage(bytes, kind, sniffed.mime);
}

async function reencodeImage(bytes: Uint8Array, kind: "jpeg" | "png", mediaType: string): Promise<DocumentCheck> {
  try {
    // The header alone, without a pixel limit: with one, sharp throws before the size can be told apart.
    const { width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (width * height > DOCUMENT_MAX_PIXELS) return refuse("too_many_pixels");
    // failOn "error": a truncated image is refused, while the harmless warnings of some cameras are not; the
    // pixel limit stays on the decoder as a second guard. rotate() turns the picture upright from its EXIF
    // orientation, and sharp writes no metadata unless asked to.
    const upright = sharp(bytes, { failOn: "error", limitInputPixels: DOCUMENT_MAX_PIXELS, animated: false }).rotate();
    const encoded = kind === "jpeg" ? upright.jpeg({ quality: 90 }) : upright.png({ compressionLevel: 9 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ok: true, kind, mediaType, bytes: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    return refuse("broken");
  }
}

async function checkPdf(bytes: Uint8Array): Promise<DocumentCheck> {
  // Before pdf-lib: its loading inflates the structure streams without a limit.
  const guard = await guardPdfStructure(bytes);
  if (guard !== "ok") return refuse(guard);
  let document: PDFDocument;
  try {
    // An object pdf-lib cannot parse is an error, not skipped: a viewer's repair could find a script in it.
    // Encryption is read from the loaded file: pdf-lib's EncryptedPDFError fails instanceof (ES5 Error subclass).
    document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      updateMetadata: false,
    });
  } catch {
    return refuse("broken");
  }
  if (document.isEncrypted) return refuse("encrypted");
  let pageCount: number;
  try {
    pageCount = document.getPageCount();
  } catch {
    return refuse("broken");
  }
  if (pageCount === 0) return refuse("broken");
  const found = findRiskyContent(document);
  if (found) return refuse(found);
  return { ok: true, kind: "pdf", mediaType: "application/pdf", bytes, pageCount };
}

/** Action types that run code, start a program, or send or read data elsewhere. */
const ACTIVE_ACTIONS = new Set(["JavaScript", "Launch", "SubmitForm", "ImportData"]);

/**
 * A name as a viewer reads it. pdf-lib decodes "#xx" escapes in upper case only (/Java#53cript), so the lower-case
 * ones it leaves (/#4aS is /JS) are decoded here.
 */
function plainName(name: PDFName): string {
  return name
    .decodeText()
    .replace(/#([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Every indirect object of the file, and every dictionary nested in them, rather than a few fixed paths: a script
 * may hang from the catalog's OpenAction or Names tree, a page's or an annotation's AA, a link's action, a form
 * field… and it is found wherever it sits, compressed object streams included.
 */
function findRiskyContent(document: PDFDocument): "active_content" | "attachments" | null {
  let attachments = false;
  const pending: PDFObject[] = document.context.enumerateIndirectObjects().map(([, object]) => object);
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    // One push per element: a spread of a huge array would overflow the call's arguments.
    if (object instanceof PDFArray) {
      for (const element of object.asArray()) pending.push(element);
      continue;
    }
    const dict = object instanceof PDFStream ? object.dict : object;
    if (!(dict instanceof PDFDict)) continue;
    const entries = new Map(dict.entries().map(([key, value]) => [plainName(key), value]));
    const nameAt = (key: string) => {
      const value = entries.get(key);
      return value instanceof PDFName ? plainName(value) : undefined;
    };
    // JS: a JavaScript action's script; JavaScript: the Names tree of document-level scripts; XFA: a dynamic form.
    if (entries.has("JS") || entries.has("JavaScript") || entries.has("XFA")) return "active_content";
    if (ACTIVE_ACTIONS.has(nameAt("S") ?? "")) return "active_content";
    // EmbeddedFiles: the Names tree of attachments; EF: a file specification's embedded file.
    if (
      entries.has("EmbeddedFiles") ||
      entries.has("EF") ||
      nameAt("Type") === "EmbeddedFile" ||
      nameAt("Subtype") === "FileAttachment"
    ) {
      attachments = true;
    }
    for (const value of entries.values()) pending.push(value);
  }
  return attachments ? "attachments" : null;
}
