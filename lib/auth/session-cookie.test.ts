import { decode, encode, type JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  authSecrets,
  identityOf,
  isDueForRenewal,
  isSecureSession,
  readSessionCookie,
  renewedSessionCookie,
  sessionCookieName,
} from "./session-cookie";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./session-policy";

const secret = "a-test-secret-of-at-least-32-characters";
const claims = (loginAt = Date.now()): JWT => ({
  sub: "user-1",
  communeId: "commune-1",
  communeSlug: "demo",
  role: "family",
  sessionId: "session-1",
  loginAt,
});
// What Auth.js writes at login, over HTTP or HTTPS.
const authJsCookie = (token: JWT, secure = false, maxAge = SESSION_IDLE_SECONDS) =>
  encode({ token, secret, salt: sessionCookieName(secure), maxAge });

describe("session cookie, read without Auth.js", () => {
  beforeEach(() => vi.stubEnv("AUTH_SECRET", secret));
  afterEach(() => vi.unstubAllEnvs());

  it("is named as Auth.js names it, __Secure- over HTTPS (AUTH_URL's when set, else the request's)", () => {
    expect(sessionCookieName(false)).toBe("authjs.session-token");
    expect(sessionCookieName(true)).toBe("__Secure-authjs.session-token");
    expect(isSecureSession("http:", {})).toBe(false);
    expect(isSecureSession("https", {})).toBe(true);
    expect(isSecureSession(null, {})).toBe(true);
    expect(isSecureSession("http", { AUTH_URL: "https://portail.example.fr" })).toBe(true);
    expect(isSecureSession("https:", { AUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
  });

  it("reads the cookie Auth.js wrote at login, and who it says is signed in", async () => {
    const token = await readSessionCookie(await authJsCookie(claims()), false);
    expect(token).toMatchObject(claims(token!.loginAt));
    expect(identityOf(token!)).toEqual({
      id: "user-1",
      communeId: "commune-1",
      communeSlug: "demo",
      role: "family",
      sessionId: "session-1",
    });
  });

  it("reads nothing from a missing, altered, foreign, expired or other-scheme cookie", async () => {
    expect(await readSessionCookie(undefined, false)).toBeNull();
    expect(await readSessionCookie("not-a-token", false)).toBeNull();
    const cookie = await authJsCookie(claims());
    expect(await readSessionCookie(cookie, true)).toBeNull();
    const other = await encode({ token: claims(), secret: "another-secret-of-at-least-32-characters", salt: "x" });
    expect(await readSessionCookie(other, false)).toBeNull();
    expect(await readSessionCookie(await authJsCookie(claims(), false, -60), false)).toBeNull();
  });

  it("reads nothing once the session is past its absolute lifetime, or without a login time", async () => {
    const justBefore = Date.now() - SESSION_ABSOLUTE_SECONDS * 1000 + 60_000;
    const past = Date.now() - SESSION_ABSOLUTE_SECONDS * 1000;
    expect(await readSessionCookie(await authJsCookie(claims(justBefore)), false)).not.toBeNull();
    expect(await readSessionCookie(await authJsCookie(claims(past)), false)).toBeNull();
    const { loginAt: _, ...withoutLogin } = claims();
    expect(await readSessionCookie(await authJsCookie(withoutLogin as JWT), false)).toBeNull();
  });

  it("has no identity without the ids every query is scoped by", () => {
    expect(identityOf({ ...claims(), sub: undefined })).toBeNull();
    expect(identityOf({ ...claims(), communeId: undefined } as unknown as JWT)).toBeNull();
    expect(identityOf({ ...claims(), sessionId: undefined } as unknown as JWT)).toBeNull();
  });

  it("renews the cookie once a minute, not on every request", () => {
    const now = Date.now();
    const issuedAt = Math.floor(now / 1000);
    expect(isDueForRenewal({ ...claims(), iat: issuedAt - 59 }, now)).toBe(false);
    expect(isDueForRenewal({ ...claims(), iat: issuedAt - 60 }, now)).toBe(true);
    expect(isDueForRenewal(claims(), now)).toBe(true);
  });

  it("renews it for SESSION_IDLE_SECONDS more, readable by Auth.js, with the same claims", async () => {
    const token = (await readSessionCookie(await authJsCookie(claims(), true, 120), true))!;
    const renewed = await decode({
      token: await renewedSessionCookie(token, true),
      secret,
      salt: sessionCookieName(true),
    });
    expect(renewed).toMatchObject(claims(token.loginAt));
    expect(renewed!.exp! - renewed!.iat!).toBe(SESSION_IDLE_SECONDS);
    expect(renewed!.jti).not.toBe(token.jti);
  });

  it("takes the secrets Auth.js takes, a rotation's newest first", () => {
    expect(authSecrets({ AUTH_SECRET: "current" })).toEqual(["current"]);
    expect(authSecrets({ AUTH_SECRET: "old", AUTH_SECRET_1: "newer", AUTH_SECRET_2: "newest" })).toEqual([
      "newest",
      "newer",
      "old",
    ]);
  });
});
