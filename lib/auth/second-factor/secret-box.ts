import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/*
 * Secrets kept encrypted at rest (the TOTP secrets): AES-256-GCM, a random 96-bit nonce per value, the tag
 * checked on opening. The format carries a version so that another key or algorithm can come later.
 */
const VERSION = "v1";

/** A 256-bit key for one purpose, derived from the server secret with HKDF-SHA256. */
export function deriveKey(serverSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", serverSecret, "portail-famille", `portail-famille/${purpose}/${VERSION}`, 32));
}

export function seal(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

/** The plaintext, or null when the value was altered, sealed under another key, or is not a sealed value. */
export function openSealed(key: Buffer, sealed: string): string | null {
  const [version, body] = sealed.split(".");
  if (version !== VERSION || !body) return null;
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
