import "server-only";
import { cookies, headers } from "next/headers";
import { identityOf, readSessionCookie, type SessionIdentity, sessionCookieName } from "./session-cookie";

/**
 * Whether this request's session cookie is the `__Secure-` one, decided as Auth.js decides it for a server
 * component (next-auth › getSession, @auth/core › createActionURL): AUTH_URL's protocol when it is set, else the
 * X-Forwarded-Proto Next.js stamps on every request, else HTTPS.
 */
function isSecureRequest(requestHeaders: Headers): boolean {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const protocol = configured ? new URL(configured).protocol : (requestHeaders.get("x-forwarded-proto") ?? "https");
  return protocol.replace(/:$/, "") === "https";
}

/**
 * Who the session cookie of this request says is signed in, or null. Only what the cookie says: findSession
 * (lib/auth/session.ts) checks it against the server-side session, the account and the commune.
 */
export async function requestIdentity(): Promise<SessionIdentity | null> {
  const secure = isSecureRequest(await headers());
  const token = await readSessionCookie((await cookies()).get(sessionCookieName(secure))?.value, secure);
  return token && identityOf(token);
}
