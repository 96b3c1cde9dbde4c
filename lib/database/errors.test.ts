import { describe, expect, it } from "vitest";
import { hasPgErrorCode, isUniqueViolation } from "./errors";

const pgError = (code: string) => Object.assign(new Error("failed"), { code });

describe("isUniqueViolation", () => {
  it("recognises a unique violation, also wrapped by drizzle", () => {
    expect(isUniqueViolation(pgError("23505"))).toBe(true);
    expect(isUniqueViolation(new Error("Failed query", { cause: pgError("23505") }))).toBe(true);
  });

  it("does not take another error for one", () => {
    expect(isUniqueViolation(pgError("23503"))).toBe(false);
    expect(isUniqueViolation(new Error("Failed query", { cause: new Error("no code") }))).toBe(false);
    expect(isUniqueViolation("23505")).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

describe("hasPgErrorCode", () => {
  it("finds a code under a wrapper that carries another one", () => {
    const wrapped = Object.assign(new Error("outer"), { code: "XX000", cause: pgError("40P01") });
    expect(hasPgErrorCode(wrapped, ["40P01", "40001"])).toBe(true);
    expect(hasPgErrorCode(wrapped, ["23505"])).toBe(false);
  });

  it("stops on a cause chain that loops", () => {
    const looped: { code?: string; cause?: unknown } = {};
    looped.cause = looped;
    expect(hasPgErrorCode(looped, ["23505"])).toBe(false);
  });
});
