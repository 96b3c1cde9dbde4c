import "server-only";
import sharp, { type Sharp } from "sharp";

/*
 * An uploaded picture (a child's photo, a commune's logo) checked by its content, never by the browser's MIME type
 * or the file's name, then decoded, turned upright, shrunk into a box and re-encoded without its metadata (EXIF, GPS
 * position…). Only the re-encoded image is stored.
 */

export type ImageFormat = "jpeg" | "png" | "webp";

/** The image format told by the file's first bytes (its "magic number"), or null. */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const starts = (offset: number, signature: number[]) =>
    bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  // "RIFF" <size> "WEBP"
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return "webp";
  return null;
}

/** What a kind of picture accepts and how it is stored, with its French messages. */
export interface ImageRules {
  accepted: readonly ImageFormat[];
  maxUploadBytes: number;
  /** A decompression bomb (a tiny file of huge dimensions) is refused before it is decoded. */
  maxInputPixels: number;
  box: { width: number; height: number };
  /** The table's size check: an image over it is refused rather than failing the insert. */
  storedMaxBytes: number;
  encode: (image: Sharp) => Sharp;
  messages: { empty: string; tooLarge: string; notImage: string; unreadable: string };
}

export type ReencodedImage =
  | { ok: true; data: Uint8Array; width: number; height: number }
  | { ok: false; message: string };

/** Checks an uploaded file against `rules` and makes the image to store, or says in French what is wrong. */
export async function reencodeImage(bytes: Uint8Array, rules: ImageRules): Promise<ReencodedImage> {
  const { messages } = rules;
  if (bytes.length === 0) return { ok: false, message: messages.empty };
  if (bytes.length > rules.maxUploadBytes) return { ok: false, message: messages.tooLarge };
  const format = sniffImageFormat(bytes);
  if (!format || !rules.accepted.includes(format)) return { ok: false, message: messages.notImage };
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: rules.maxInputPixels, animated: false });
    // The content must really be the format its first bytes announce (sharp may read others: SVG, TIFF…).
    if ((await image.metadata()).format !== format) return { ok: false, message: messages.notImage };
    const { data, info } = await rules
      .encode(image.rotate().resize(rules.box.width, rules.box.height, { fit: "inside", withoutEnlargement: true }))
      .toBuffer({ resolveWithObject: true });
    if (data.length === 0 || data.length > rules.storedMaxBytes) return { ok: false, message: messages.unreadable };
    return { ok: true, data: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    return { ok: false, message: messages.unreadable };
  }
}
