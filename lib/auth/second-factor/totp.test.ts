import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { generateTotpSecret, matchTotpStep, totpStep, totpUri } from "./totp";

const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const now = Date.UTC(2026, 10, 30, 9, 0, 10);
const codeAt = (ms: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });

describe("TOTP codes", () => {
  it("accepts the code of the current step, and of one step either side (clock drift), telling which step it was", () => {
    const step = totpStep(now);
    expect(matchTotpStep(secret, codeAt(now), now)).toBe(step);
    expect(matchTotpStep(secret, codeAt(now - 30_000), now)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(now + 30_000), now)).toBe(step + 1);
  });

  it("refuses a code two steps away, another secret's code and anything but six digits", () => {
    expect(matchTotpStep(secret, codeAt(now - 60_000), now)).toBeNull();
    expect(matchTotpStep(secret, codeAt(now + 60_000), now)).toBeNull();
    expect(matchTotpStep(generateTotpSecret(), codeAt(now), now)).toBeNull();
    expect(matchTotpStep(secret, "12345", now)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", now)).toBeNull();
  });

  it("counts 30-second steps since the epoch", () => {
    expect(totpStep(Date.UTC(1970, 0, 1, 0, 1, 29))).toBe(2);
  });

  it("generates 160-bit base32 secrets, a new one each time", () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(a);
  });

  it("builds the otpauth:// link the authenticator apps read from the QR code", () => {
    const uri = totpUri({ secret, issuer: "Portail Famille – Ville de Démo", account: "admin@demo.fr" });
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=Portail%20Famille");
    expect(uri).toContain("admin%40demo.fr");
    expect(uri).toContain("digits=6");
    expect(uri).toContain("period=30");
  });
});
