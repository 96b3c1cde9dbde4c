import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./request";

describe("clientIpFrom", () => {
  it("takes the address the nearest proxy appended, not the ones the client sent", () => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, then to a shared 'unknown' bucket", () => {
    expect(clientIpFrom(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIpFrom(new Headers())).toBe("unknown");
  });
});
