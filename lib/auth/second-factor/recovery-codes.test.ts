import { describe, expect, it } from "vitest";
import { normalizeRecoveryCode } from "./recovery-code-format";
import { generateRecoveryCodes, hashRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";

describe("recovery codes", () => {
  it("generates ten distinct codes of sixteen unambiguous characters in groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it("reads a code however it is typed: lower case, spaces, no dashes, O for 0, I or L for 1", () => {
    expect(normalizeRecoveryCode(" abcd-efgh-jk01-mnpq ")).toBe("ABCDEFGHJK01MNPQ");
    expect(normalizeRecoveryCode("ABCD EFGH JKO1 MNPQ")).toBe("ABCDEFGHJK01MNPQ");
    expect(normalizeRecoveryCode("abcdefghjkoimnpq")).toBe("ABCDEFGHJK01MNPQ");
    expect(normalizeRecoveryCode("abcdefghjkolmnpq")).toBe("ABCDEFGHJK01MNPQ");
  });

  it("refuses what cannot be a code", () => {
    expect(normalizeRecoveryCode("ABCD-EFGH")).toBeNull();
    expect(normalizeRecoveryCode("ABCD-EFGH-JK01-MNPU")).toBeNull();
    expect(normalizeRecoveryCode("")).toBeNull();
  });

  it("keeps only a SHA-256 of the normalized code: the same for every way of typing it", () => {
    const hash = hashRecoveryCode("ABCDEFGHJK01MNPQ");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(normalizeRecoveryCode("abcd-efgh-jko1-mnpq")!)).toBe(hash);
    expect(hash).not.toContain("ABCD");
  });
});
