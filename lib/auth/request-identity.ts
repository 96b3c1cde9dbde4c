import "server-only";
import { cookies, headers } from "next/headers";
import {
  identityOf,
  isSecureSession,
  readSessionCookie,
  type SessionIdentity,
  sessionCookieName,
} from "./session-cookie";

/**
 * Who the session cookie of this request says is signed in, or null. Only what the cookie says: findSession
 * (lib/auth/session.ts) checks it against the server-side session, the account and the commune.
 */
export async function requestIdentity(): Promise<SessionIdentity | null> {
  const secure = isSecureSession((await headers()).get("x-forwarded-proto"));
  const token = await readSessionCookie((await cookies()).get(sessionCookieName(secure))?.value, secure);
  return token && identityOf(token);
}
