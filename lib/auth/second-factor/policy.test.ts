import { describe, expect, it } from "vitest";
import { mayEnrol, PENDING_SECOND_FACTOR_SECONDS, secondFactorState } from "./policy";

const now = new Date("2026-11-30T09:00:00Z");
const justNow = new Date(now.getTime() - 60_000);
const base = {
  communeRequiresAgents: false,
  factorConfirmed: false,
  sessionVerified: false,
  sessionCreatedAt: justNow,
  now,
};

describe("who needs the second factor", () => {
  it("never a family", () => {
    expect(secondFactorState({ ...base, role: "family", communeRequiresAgents: true, factorConfirmed: true })).toBe(
      "not_needed",
    );
  });

  it("always an admin: enrolment first, then a code at each login", () => {
    expect(secondFactorState({ ...base, role: "admin" })).toBe("enrol");
    expect(secondFactorState({ ...base, role: "admin", factorConfirmed: true })).toBe("verify");
    expect(secondFactorState({ ...base, role: "admin", factorConfirmed: true, sessionVerified: true })).toBe("done");
  });

  it("an agent when the commune requires it or when they enrolled of their own accord", () => {
    expect(secondFactorState({ ...base, role: "agent" })).toBe("not_needed");
    expect(secondFactorState({ ...base, role: "agent", communeRequiresAgents: true })).toBe("enrol");
    expect(secondFactorState({ ...base, role: "agent", factorConfirmed: true })).toBe("verify");
    expect(secondFactorState({ ...base, role: "agent", factorConfirmed: true, sessionVerified: true })).toBe("done");
  });

  it("gives a password-only session a few minutes to pass the second factor, then it is over", () => {
    const old = new Date(now.getTime() - (PENDING_SECOND_FACTOR_SECONDS + 1) * 1000);
    expect(secondFactorState({ ...base, role: "admin", factorConfirmed: true, sessionCreatedAt: old })).toBe("expired");
    expect(
      secondFactorState({
        ...base,
        role: "admin",
        factorConfirmed: true,
        sessionVerified: true,
        sessionCreatedAt: old,
      }),
    ).toBe("done");
  });

  it("lets staff without a confirmed factor enrol, nobody else", () => {
    expect(mayEnrol("admin", "enrol")).toBe(true);
    expect(mayEnrol("agent", "not_needed")).toBe(true);
    expect(mayEnrol("agent", "verify")).toBe(false);
    expect(mayEnrol("admin", "done")).toBe(false);
    expect(mayEnrol("family", "not_needed")).toBe(false);
  });
});
