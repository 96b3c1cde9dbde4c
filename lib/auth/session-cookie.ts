import type { JWT } from "next-auth/jwt";
import { isPastAbsoluteLifetime, SESSION_IDLE_SECONDS, SESSION_TOUCH_SECONDS } from "./session-policy";
import { decodeSessionToken, encodeSessionToken } from "./session-token";

/*
 * The session cookie Auth.js writes at login, read without Auth.js's whole request cycle: on every signed-in
 * request the proxy and the page each ran it (a CSRF token drawn and hashed, the cookie decoded, re-encrypted and
 * set again), about a tenth of a page's server time. Same cookie, same codec, same rules as the `jwt` callback of
 * auth.config.ts; Auth.js still signs in and out. Edge-safe: the proxy uses it.
 */

const COOKIE = "authjs.session-token";

/**
 * Whether the session cookie is the `__Secure-` one, decided as Auth.js decides it: by AUTH_URL's protocol when it
 * is set, else by the request's (the proxy's URL, or the X-Forwarded-Proto Next.js stamps on a page's request),
 * else HTTPS.
 */
export function isSecureSession(requestProtocol: string | null, env: Record<string, string | undefined> = process.env) {
  const configured = env.AUTH_URL ?? env.NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : (requestProtocol ?? "https");
  return protocol.replace(/:$/, "") === "https";
}

/** Auth.js's name for it: `__Secure-` prefixed over HTTPS. */
export const sessionCookieName = (secure: boolean) => (secure ? `__Secure-${COOKIE}` : COOKIE);

/** Auth.js's attributes for it (lib/utils/cookie.js › defaultCookies). */
export const sessionCookieOptions = (secure: boolean) =>
  ({ httpOnly: true, sameSite: "lax", path: "/", secure }) as const;

/** The secrets Auth.js reads: AUTH_SECRET, after AUTH_SECRET_1…3 when a rotation sets them (newest first). */
export function authSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return [env.AUTH_SECRET_3, env.AUTH_SECRET_2, env.AUTH_SECRET_1, env.AUTH_SECRET].filter((secret): secret is string =>
    Boolean(secret),
  );
}

export type SessionIdentity = Pick<JWT, "communeId" | "communeSlug" | "role" | "sessionId"> & { id: string };

/** A token the `jwt` callback keeps: one with a login time, not past the session's absolute lifetime. */
export function isLiveToken(token: JWT, nowMs: number): boolean {
  return typeof token.loginAt === "number" && !isPastAbsoluteLifetime(token.loginAt, nowMs);
}

/** The decoded cookie, or null when it is missing, unreadable, expired or past the absolute lifetime. */
export async function readSessionCookie(value: string | undefined, secure: boolean): Promise<JWT | null> {
  if (!value) return null;
  try {
    const token = await decodeSessionToken({ token: value, secret: authSecrets(), salt: sessionCookieName(secure) });
    return token && isLiveToken(token, Date.now()) ? token : null;
  } catch {
    return null;
  }
}

/** Who the token says is signed in; null when a field the portal scopes by is missing. */
export function identityOf(token: JWT): SessionIdentity | null {
  const { sub, communeId, communeSlug, role, sessionId } = token;
  if (typeof sub !== "string" || typeof communeId !== "string" || typeof sessionId !== "string") return null;
  return { id: sub, communeId, communeSlug, role, sessionId };
}

/**
 * The cookie lasts SESSION_IDLE_SECONDS from its last renewal. Auth.js renews it on every request; once a
 * minute is enough (the server-side session's idle clock is written that often too, lib/auth/sessions.ts).
 */
export function isDueForRenewal(token: JWT, nowMs: number): boolean {
  return typeof token.iat !== "number" || nowMs / 1000 - token.iat >= SESSION_TOUCH_SECONDS;
}

/** The same claims in a new cookie value, valid SESSION_IDLE_SECONDS from now (the codec sets iat, exp, jti anew). */
export function renewedSessionCookie(token: JWT, secure: boolean): Promise<string> {
  return encodeSessionToken({
    token,
    secret: authSecrets(),
    salt: sessionCookieName(secure),
    maxAge: SESSION_IDLE_SECONDS,
  });
}
