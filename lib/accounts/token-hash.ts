import { createHash } from "node:crypto";

/** Tokens are stored as their SHA-256 only: a leaked table gives no usable link. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
