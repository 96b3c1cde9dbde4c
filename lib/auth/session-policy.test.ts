import { describe, expect, it } from "vitest";
import { isPastAbsoluteLifetime, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./session-policy";

describe("session lifetime", () => {
  const login = Date.UTC(2026, 10, 24, 8, 0, 0);

  it("keeps a session up to its absolute lifetime, and not a millisecond more", () => {
    expect(isPastAbsoluteLifetime(login, login + SESSION_ABSOLUTE_SECONDS * 1000 - 1)).toBe(false);
    expect(isPastAbsoluteLifetime(login, login + SESSION_ABSOLUTE_SECONDS * 1000)).toBe(true);
  });

  it("times out idle sessions well before the absolute limit", () => {
    expect(SESSION_IDLE_SECONDS).toBeLessThan(SESSION_ABSOLUTE_SECONDS);
  });
});
