import type { NextAuthConfig } from "next-auth";
import { isPastAbsoluteLifetime, SESSION_IDLE_SECONDS } from "@/lib/auth/session-policy";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

/**
 * Edge-safe part of the Auth.js configuration, shared by the proxy and `auth.ts`.
 * No database here: the proxy only gates optimistically, the real checks sit next to the data (lib/auth/session.ts).
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 60 },
  // Auth.js's cookie format, with the key derived once per process (lib/auth/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.communeId = user.communeId;
        token.communeSlug = user.communeSlug;
        token.role = user.role;
        token.sessionId = user.sessionId;
        token.loginAt = Date.now();
      }
      if (typeof token.loginAt !== "number" || isPastAbsoluteLifetime(token.loginAt, Date.now())) return null;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      session.user.communeId = token.communeId;
      session.user.communeSlug = token.communeSlug;
      session.user.role = token.role;
      session.user.sessionId = token.sessionId;
      return session;
    },
  },
} satisfies NextAuthConfig;
