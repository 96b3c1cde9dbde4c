import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/server/client-address.mjs";
import { clientAddressFrom, isLoopback } from "./request";

const stamp = "0123456789abcdef";
const stamped = (address: string) => new Headers({ [CLIENT_ADDRESS_HEADER]: `${stamp} ${address}` });

describe("clientAddressFrom", () => {
  it("never takes an address from X-Forwarded-For or X-Real-IP, which any client can write", () => {
    const forged = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" });
    expect(clientAddressFrom(forged, { stamp, onVercel: false })).toBe("unknown");
  });

  it("takes the address server.mjs stamped, only with this process's stamp", () => {
    expect(clientAddressFrom(stamped("203.0.113.9"), { stamp, onVercel: false })).toBe("203.0.113.9");
    expect(
      clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "guess 203.0.113.9" }), { stamp, onVercel: false }),
    ).toBe("unknown");
    // Plain `next start`: no stamp in this process, so a client's copy of the header is worthless.
    expect(clientAddressFrom(stamped("127.0.0.1"), { stamp: undefined, onVercel: false })).toBe("unknown");
  });

  it("on Vercel, takes the address Vercel's edge writes (it overwrites what the client sent)", () => {
    const headers = new Headers({ "x-vercel-forwarded-for": "198.51.100.2", "x-forwarded-for": "6.6.6.6" });
    expect(clientAddressFrom(headers, { stamp: undefined, onVercel: true })).toBe("198.51.100.2");
    expect(clientAddressFrom(new Headers(), { stamp: undefined, onVercel: true })).toBe("unknown");
  });
});

describe("isLoopback", () => {
  it("knows the machine's own addresses in IPv4, IPv6 and IPv4-mapped form", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"])
      expect(isLoopback(address), address).toBe(true);
  });

  it("refuses anything else, including look-alikes and the unknown address", () => {
    for (const address of [
      "unknown",
      "10.0.0.1",
      "128.0.0.1",
      "127.0.0.1.evil",
      "::ffff:10.0.0.1",
      "::2",
      "",
      "1270.0.0.1",
    ]) {
      expect(isLoopback(address), address).toBe(false);
    }
  });
});
