import { describe, expect, it } from "vitest";
import { defaultAppUrl } from "./app-url.mjs";

describe("defaultAppUrl", () => {
  it("follows the port the server listens on", () => {
    expect(defaultAppUrl(undefined, 3000)).toBe("http://localhost:3000");
    expect(defaultAppUrl(undefined, 3203)).toBe("http://localhost:3203");
  });

  it("names the host given with -H, localhost for every interface, IPv6 in brackets", () => {
    expect(defaultAppUrl("127.0.0.1", 3203)).toBe("http://127.0.0.1:3203");
    expect(defaultAppUrl("0.0.0.0", 8080)).toBe("http://localhost:8080");
    expect(defaultAppUrl("::", 8080)).toBe("http://localhost:8080");
    expect(defaultAppUrl("::1", 8080)).toBe("http://[::1]:8080");
    expect(new URL(defaultAppUrl("::1", 8080)).port).toBe("8080");
  });
});
