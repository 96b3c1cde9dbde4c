import "server-only";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { communeLogos } from "@/db/schema";
import { sniffImageFormat } from "@/lib/family-file/photo-image";

/*
 * The commune's logo as its admin uploads it: checked by its content (PNG or JPEG only: an SVG may carry script),
 * decoded, shrunk to fit the header and the mails, and re-encoded as PNG without metadata. Only that is stored
 * and served.
 */

/** The largest upload accepted, before resizing. */
export const LOGO_MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** The stored logo fits in this box (twice the header's 48 px height, for sharp screens). */
const LOGO_MAX_WIDTH = 480;
const LOGO_MAX_HEIGHT = 96;
/** commune_logos_size_ck. */
const STORED_MAX_BYTES = 512 * 1024;
/** A decompression bomb (a tiny file of huge dimensions) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 25_000_000;

export const LOGO_MESSAGES = {
  missing: "Choisissez un logo.",
  empty: "Le fichier choisi est vide. Choisissez un logo.",
  tooLarge: "Le logo dépasse 2 Mo. Choisissez un fichier plus léger.",
  notImage: "Le fichier choisi n'est pas une image PNG ou JPEG.",
  unreadable: "Cette image est illisible ou endommagée. Choisissez un autre fichier.",
} as const;

export type LogoCheck = { ok: true; data: Uint8Array; mimeType: "image/png" } | { ok: false; message: string };

/** Checks an uploaded file and makes the logo to store, or says in French what is wrong with it. */
export async function prepareLogo(bytes: Uint8Array): Promise<LogoCheck> {
  if (bytes.length === 0) return { ok: false, message: LOGO_MESSAGES.empty };
  if (bytes.length > LOGO_MAX_UPLOAD_BYTES) return { ok: false, message: LOGO_MESSAGES.tooLarge };
  const format = sniffImageFormat(bytes);
  if (format !== "png" && format !== "jpeg") return { ok: false, message: LOGO_MESSAGES.notImage };
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    // The content must really be the format its first bytes announce.
    if ((await image.metadata()).format !== format) return { ok: false, message: LOGO_MESSAGES.notImage };
    const data = await image
      .rotate()
      .resize(LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT, { fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer();
    if (data.length === 0 || data.length > STORED_MAX_BYTES) return { ok: false, message: LOGO_MESSAGES.unreadable };
    return { ok: true, data: new Uint8Array(data), mimeType: "image/png" };
  } catch {
    return { ok: false, message: LOGO_MESSAGES.unreadable };
  }
}

export type StoredLogo = { mimeType: string; data: Uint8Array; updatedAt: Date };

/** The commune's logo, public like its name (the header and the mails show it). */
export async function findCommuneLogo(db: Db, communeId: string): Promise<StoredLogo | null> {
  const [logo] = await db
    .select({ mimeType: communeLogos.mimeType, data: communeLogos.data, updatedAt: communeLogos.updatedAt })
    .from(communeLogos)
    .where(eq(communeLogos.communeId, communeId));
  return logo ?? null;
}
