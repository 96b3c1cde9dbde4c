import "server-only";
import { type ImageRules, reencodeImage } from "@/lib/images/reencode";

/*
 * A child's photo as the family sends it (JPEG, PNG or WebP), shrunk to 512 × 512 at most and re-encoded as WebP
 * (child_photos allows 1 MB; it weighs a few dozen KB): see lib/images/reencode.ts.
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

export type PhotoCheck =
  | { ok: true; data: Uint8Array; mimeType: "image/webp"; width: number; height: number }
  | { ok: false; message: string };

const PHOTO_RULES: ImageRules = {
  accepted: ["jpeg", "png", "webp"],
  maxUploadBytes: PHOTO_MAX_UPLOAD_BYTES,
  maxInputPixels: MAX_INPUT_PIXELS,
  box: { width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE },
  storedMaxBytes: STORED_MAX_BYTES,
  encode: (image) => image.webp({ quality: 82 }),
  messages: PHOTO_MESSAGES,
};

/** Checks an uploaded file and makes the image to store, or says in French what is wrong with it. */
export async function preparePhoto(bytes: Uint8Array): Promise<PhotoCheck> {
  const image = await reencodeImage(bytes, PHOTO_RULES);
  return image.ok ? { ...image, mimeType: "image/webp" } : image;
}
