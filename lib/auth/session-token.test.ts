import { decode, encode, type JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

const secret = "a-test-secret-of-at-least-32-characters";
const salt = "authjs.session-token";
const claims: JWT = {
  sub: "user-1",
  communeId: "commune-1",
  communeSlug: "demo",
  role: "family",
  sessionId: "session-1",
  loginAt: 1,
};

describe("session cookie codec", () => {
  it("reads the cookies Auth.js's own codec wrote, and Auth.js reads ours", async () => {
    const fromAuthJs = await encode({ token: claims, secret, salt, maxAge: 600 });
    expect(await decodeSessionToken({ token: fromAuthJs, secret, salt })).toMatchObject(claims);
    const ours = await encodeSessionToken({ token: claims, secret, salt, maxAge: 600 });
    const read = await decode({ token: ours, secret, salt });
    expect(read).toMatchObject(claims);
    expect(read!.exp! - read!.iat!).toBe(600);
    expect(typeof read!.jti).toBe("string");
  });

  it("refuses a cookie of another secret, of another cookie name, or altered", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 600 });
    await expect(
      decodeSessionToken({ token, secret: "another-secret-of-at-least-32-characters", salt }),
    ).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
    const parts = token.split(".");
    parts[3] = `${parts[3]!.startsWith("A") ? "B" : "A"}${parts[3]!.slice(1)}`;
    await expect(decodeSessionToken({ token: parts.join("."), secret, salt })).rejects.toThrow();
  });

  it("refuses an expired cookie beyond 15 s of clock tolerance, and reads one within it", async () => {
    // Auth.js's encode sets exp from maxAge: a negative one dates it in the past.
    const past = await encode({ token: claims, secret, salt, maxAge: -20 });
    const recent = await encode({ token: claims, secret, salt, maxAge: -5 });
    await expect(decodeSessionToken({ token: past, secret, salt })).rejects.toThrow(/exp/);
    expect(await decodeSessionToken({ token: recent, secret, salt })).toMatchObject(claims);
  });

  it("tries each secret of a rotation, the new one first", async () => {
    const old = "the-old-secret-of-at-least-32-characters!";
    const token = await encode({ token: claims, secret: old, salt });
    expect(await decodeSessionToken({ token, secret: [secret, old], salt })).toMatchObject(claims);
  });

  it("answers null for no cookie", async () => {
    expect(await decodeSessionToken({ token: undefined, secret, salt })).toBeNull();
  });
});

describe("session cookie codec, for a cookie already decoded", () => {
  afterEach(() => vi.useRealTimers());

  it("gives the same claims again, as a copy", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 600 });
    const first = await decodeSessionToken({ token, secret, salt });
    const again = await decodeSessionToken({ token, secret, salt });
    expect(again).toEqual(first);
    again!.role = "admin";
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject({ role: "family" });
  });

  it("still refuses it under another secret or cookie name", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 600 });
    await decodeSessionToken({ token, secret, salt });
    await expect(
      decodeSessionToken({ token, secret: "another-secret-of-at-least-32-characters", salt }),
    ).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
  });

  it("refuses it once expired, beyond the 15 s of tolerance", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-01T10:00:00Z"), toFake: ["Date"] });
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    vi.setSystemTime(new Date("2026-12-01T10:01:14Z"));
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    vi.setSystemTime(new Date("2026-12-01T10:01:15Z"));
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow(/exp/);
  });
});
