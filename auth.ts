import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { authenticate } from "@/lib/accounts/authenticate";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { clientIpFrom } from "@/lib/request";

/** Carries why a login failed to the login action; `code` is the only part Auth.js passes on. */
export class LoginRefused extends CredentialsSignin {
  constructor(code: "invalid" | "not_activated" | "captcha_required" | `throttled:${number}`) {
    super();
    this.code = code;
  }
}

export const { signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A refused login is an expected answer, not a server error: keep the logs for real failures.
    error(error) {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { commune: {}, email: {}, password: {}, captcha: {} },
      // Reached only through signIn() in the login action (no /api/auth route is mounted); the rate limits sit in
      // authenticate() all the same, next to the password check rather than in the form.
      async authorize(credentials, request) {
        const { commune, email, password, captcha } = credentials as Record<string, unknown>;
        if (typeof commune !== "string" || typeof email !== "string" || typeof password !== "string") {
          throw new LoginRefused("invalid");
        }
        const db = await getDb();
        const result = await authenticate(db, {
          communeSlug: commune,
          email,
          password,
          ip: clientIpFrom(request.headers),
          captcha: typeof captcha === "string" ? captcha : undefined,
        });
        if (result.ok) {
          const { user } = result;
          const sessionId = await createSession(db, {
            communeId: user.communeId,
            userId: user.id,
            userAgent: request.headers.get("user-agent"),
          });
          return { ...user, sessionId };
        }
        throw new LoginRefused(result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : result.reason);
      },
    }),
  ],
});
