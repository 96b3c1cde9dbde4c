import { vi } from "vitest";
import { currentSession, harness } from "./harness";

// Server actions run here as in Next.js, with the framework's request-scoped pieces replaced by the harness.
vi.mock("@/lib/db", () => ({
  getDb: async () => {
    if (!harness.db) throw new Error("harness.db is not set: call createTestDatabase() in beforeAll");
    return harness.db;
  },
}));

vi.mock("@/auth", async () => {
  const { CredentialsSignin } = await import("next-auth");
  class LoginRefused extends CredentialsSignin {
    constructor(code: string) {
      super();
      this.code = code;
    }
  }
  return {
    signIn: async (...args: unknown[]) => {
      harness.signIns.push(args);
    },
    signOut: async (...args: unknown[]) => {
      harness.signOuts.push(args);
      harness.session = null;
    },
    LoginRefused,
  };
});

// What the session cookie would say: the harness session (lib/auth/request-identity.ts reads the real cookie).
vi.mock("@/lib/auth/request-identity", () => ({
  requestIdentity: async () => {
    const identity = (await currentSession())?.user;
    return identity ? { ...identity } : null;
  },
}));

// The client address server.mjs would have stamped on the request.
vi.mock("@/lib/request", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/request")>()),
  clientIp: async () => harness.ip,
  clientIpFrom: () => harness.ip,
}));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    harness.afterResponse.push(task);
  },
}));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));

vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  refresh: () => {},
}));
