import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communeLogos } from "@/db/schema";
import { type ImageRules, reencodeImage } from "@/lib/images/reencode";

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

const LOGO_RULES: ImageRules = {
  // Never SVG: it may carry script.
  accepted: ["png", "jpeg"],
  maxUploadBytes: LOGO_MAX_UPLOAD_BYTES,
  maxInputPixels: MAX_INPUT_PIXELS,
  box: { width: LOGO_MAX_WIDTH, height: LOGO_MAX_HEIGHT },
  storedMaxBytes: STORED_MAX_BYTES,
  encode: (image) => image.png({ compressionLevel: 9 }),
  messages: LOGO_MESSAGES,
};

/** Checks an uploaded file and makes the logo to store, or says in French what is wrong with it. */
export async function prepareLogo(bytes: Uint8Array): Promise<LogoCheck> {
  const image = await reencodeImage(bytes, LOGO_RULES);
  return image.ok ? { ok: true, data: image.data, mimeType: "image/png" } : image;
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
