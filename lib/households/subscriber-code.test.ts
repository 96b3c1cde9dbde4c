import { describe, expect, it } from "vitest";
import { generateSubscriberCode, normalizeSubscriberCode, SUBSCRIBER_CODE_LENGTH } from "./subscriber-code";

describe("subscriber codes", () => {
  it("are of the set length and never use look-alike characters", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateSubscriberCode();
      expect(code).toHaveLength(SUBSCRIBER_CODE_LENGTH);
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]+$/);
    }
  });

  it("differ from one draw to the next", () => {
    const codes = new Set(Array.from({ length: 500 }, generateSubscriberCode));
    expect(codes.size).toBe(500);
  });

  it("are compared without case, spaces or dashes", () => {
    expect(normalizeSubscriberCode(" mrt7 k2q9-wx ")).toBe("MRT7K2Q9WX");
  });
});
