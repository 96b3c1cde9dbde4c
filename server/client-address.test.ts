import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  parseTrustedProxyHops,
  resolveClientAddress,
  stampClientAddress,
} from "./client-address.mjs";

describe("resolveClientAddress", () => {
  it("with no trusted proxy, is the connection's address whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.7", "6.6.6.6", 0)).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", undefined, 0)).toBe("198.51.100.7");
  });

  it("behind n proxies, is the entry the farthest trusted proxy appended, not one the client sent", () => {
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
  });

  it("falls back to the connection when the proxy sent no header, never to 'nothing'", () => {
    expect(resolveClientAddress("127.0.0.1", undefined, 1)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", " , ", 1)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("stampClientAddress", () => {
  it("replaces any copy the client sent with the resolved address and this process's stamp", () => {
    const request = {
      headers: { [CLIENT_ADDRESS_HEADER]: "forged 127.0.0.1", "x-forwarded-for": "127.0.0.1" } as Record<
        string,
        string | string[] | undefined
      >,
      socket: { remoteAddress: "198.51.100.7" },
    };
    stampClientAddress(request, { hops: 0, stamp: "s3cret" });
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toBe("s3cret 198.51.100.7");
  });
});

describe("parseTrustedProxyHops", () => {
  it("reads a small whole number, 0 when unset, and refuses anything else with a clear message", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("")).toBe(0);
    expect(parseTrustedProxyHops("2")).toBe(2);
    for (const value of ["-1", "1.5", "yes", "11"])
      expect(() => parseTrustedProxyHops(value)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
