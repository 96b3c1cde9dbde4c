import "server-only";
import sharp from "sharp";

/*
 * A child's photo as the family sends it, checked by its content (never the browser's MIME type or the file's
 * name), then decoded, turned upright, shrunk to 512 × 512 at most and re-encoded as WebP without its metadata
 * (EXIF, GPS position…). Only the re-encoded image is stored (child_photos allows 1 MB; it weighs a few dozen KB).
 */

/** The largest upload accepted, before resizing (the hint says "5 Mo au plus"). */
export const PHOTO_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The stored image fits in this square. */
export const PHOTO_MAX_SIDE = 512;
/** child_photos_size_ck. */
const STORED_MAX_BYTES = 1024 * 1024;
/** A decompression bomb (a tiny file of huge dimensions) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 50_000_000;

export const PHOTO_MESSAGES = {
  missing: "Choisissez une photo.",
  empty: "Le fichier choisi est vide. Choisissez une photo.",
  tooLarge: "La photo dépasse 5 Mo. Choisissez un fichier plus léger.",
  notImage: "Le fichier choisi n'est pas une image JPEG, PNG ou WebP.",
  unreadable: "Cette image est illisible ou endommagée. Choisissez une autre photo.",
} as const;

export type PhotoFormat = "jpeg" | "png" | "webp";

/** The image format told by the file's first bytes (its "magic number"), or null. */
export function sniffImageFormat(bytes: Uint8Array): PhotoFormat | null {
  const starts = (offset: number, signature: number[]) =>
    bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts(0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  // "RIFF" <size> "WEBP"
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return "webp";
  return null;
}

export type PhotoCheck =
  | { ok: true; data: Uint8Array; mimeType: "image/webp"; width: number; height: number }
  | { ok: false; message: string };

/** Checks an uploaded file and makes the image to store, or says in French what is wrong with it. */
export async function preparePhoto(bytes: Uint8Array): Promise<PhotoCheck> {
  if (bytes.length === 0) return { ok: false, message: PHOTO_MESSAGES.empty };
  if (bytes.length > PHOTO_MAX_UPLOAD_BYTES) return { ok: false, message: PHOTO_MESSAGES.tooLarge };
  const format = sniffImageFormat(bytes);
  if (!format) return { ok: false, message: PHOTO_MESSAGES.notImage };
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    const metadata = await image.metadata();
    // The content must really be the format its first bytes announce (sharp may read others: SVG, TIFF…).
    if (metadata.format !== format) return { ok: false, message: PHOTO_MESSAGES.notImage };
    const { data, info } = await image
      .rotate()
      .resize(PHOTO_MAX_SIDE, PHOTO_MAX_SIDE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    if (data.length === 0 || data.length > STORED_MAX_BYTES) return { ok: false, message: PHOTO_MESSAGES.unreadable };
    return { ok: true, data: new Uint8Array(data), mimeType: "image/webp", width: info.width, height: info.height };
  } catch {
    return { ok: false, message: PHOTO_MESSAGES.unreadable };
  }
}
