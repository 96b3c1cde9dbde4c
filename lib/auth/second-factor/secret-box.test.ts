import { describe, expect, it } from "vitest";
import { deriveKey, openSealed, seal } from "./secret-box";

const key = deriveKey("an-auth-secret-long-enough-for-the-tests-0123", "totp-secret");

describe("secret box (AES-256-GCM)", () => {
  it("gives back what it sealed, under a new random nonce each time", () => {
    const a = seal(key, "JBSWY3DPEHPK3PXP");
    expect(openSealed(key, a)).toBe("JBSWY3DPEHPK3PXP");
    expect(seal(key, "JBSWY3DPEHPK3PXP")).not.toBe(a);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
  });

  it("opens nothing that was altered, sealed under another key, or is not a sealed value", () => {
    const sealed = seal(key, "JBSWY3DPEHPK3PXP");
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(openSealed(key, tampered)).toBeNull();
    expect(openSealed(deriveKey("another-auth-secret-long-enough-0123456789", "totp-secret"), sealed)).toBeNull();
    expect(openSealed(key, "JBSWY3DPEHPK3PXP")).toBeNull();
  });

  it("derives a different 32-byte key per purpose", () => {
    const other = deriveKey("an-auth-secret-long-enough-for-the-tests-0123", "something-else");
    expect(key).toHaveLength(32);
    expect(Buffer.compare(key, other)).not.toBe(0);
  });
});
