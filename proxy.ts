import { type NextRequest, NextResponse } from "next/server";
import {
  isDueForRenewal,
  isSecureSession,
  readSessionCookie,
  renewedSessionCookie,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/session-cookie";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-policy";
import { routePatterns, routes } from "@/lib/routes/paths";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/security/headers";

/** Sections that need a session. Only a first, optimistic gate: layouts, actions and data access check again. */
const signedInSections = new Set(
  [routePatterns.citizenSpace, routePatterns.familySpace, routePatterns.billing, routePatterns.agentSpace].map(
    (pattern) => pattern.split("/")[2],
  ),
);

/**
 * The documents' files (Pièces justificatives) answer with their own CSP (lib/documents/serve.ts: sandboxed, and
 * framable by the portal's own review page when inline): the page CSP, which forbids any framing, is not put on them.
 */
const documentFilePaths = [routePatterns.familyDocumentFile, routePatterns.agentDocumentFile].map(
  (pattern) => new RegExp(`^${pattern.replace(/\[[^\]]+\]/g, "[^/]+")}$`),
);
const isDocumentFile = (pathname: string) => documentFilePaths.some((path) => path.test(pathname));

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // Next derives the protocol from the TLS socket or the front proxy's X-Forwarded-Proto.
  const https = request.nextUrl.protocol === "https:";
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });

  const secureSession = isSecureSession(request.nextUrl.protocol);
  const cookieName = sessionCookieName(secureSession);
  const cookie = request.cookies.get(cookieName)?.value;
  const session = await readSessionCookie(cookie, secureSession);

  const [, commune, section] = request.nextUrl.pathname.split("/");
  let response: NextResponse;
  if (commune && section && signedInSections.has(section) && !session) {
    response = NextResponse.redirect(new URL(routes.login(commune, request.nextUrl.pathname), request.nextUrl));
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  if (!isDocumentFile(request.nextUrl.pathname)) response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);

  // The cookie's upkeep Auth.js did here: renewed while in use (it expires after SESSION_IDLE_SECONDS without a
  // request), cleared once unreadable or past the session's absolute lifetime.
  if (session && isDueForRenewal(session, Date.now())) {
    response.cookies.set(cookieName, await renewedSessionCookie(session, secureSession), {
      ...sessionCookieOptions(secureSession),
      expires: new Date(Date.now() + SESSION_IDLE_SECONDS * 1000),
    });
  } else if (cookie && !session) {
    response.cookies.set(cookieName, "", { ...sessionCookieOptions(secureSession), maxAge: 0 });
  }
  return response;
}

/**
 * Every request but static files and API routes, prefetches included (a prefetched page is shown as it was
 * fetched: it needs its CSP and the gate). Exclusions are anchored on a whole path segment: a commune whose slug
 * starts with "api" or "icon" (Apinac) is a page like any other.
 */
export const config = {
  matcher: ["/((?!(?:api|_next/static|_next/image)(?:/|$)|(?:favicon\\.ico|icon\\.svg)$).*)"],
};
