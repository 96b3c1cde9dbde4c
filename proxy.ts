import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/auth.config";
import { contentSecurityPolicy } from "@/lib/security/csp";

const { auth } = NextAuth(authConfig);

/** Sections that need a session. Only a first, optimistic gate: layouts, actions and data access check again. */
const signedInSections = new Set(["mon-espace-citoyen", "espace-famille", "espace-facturation", "agent"]);

export const proxy = auth((request) => {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:",
  });

  const [, commune, section] = request.nextUrl.pathname.split("/");
  let response: NextResponse;
  if (commune && section && signedInSections.has(section) && !request.auth) {
    const login = new URL(`/${commune}/connexion`, request.nextUrl);
    login.searchParams.set("retour", request.nextUrl.pathname);
    response = NextResponse.redirect(login);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
