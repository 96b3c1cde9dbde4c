import type { DefaultSession } from "next-auth";
import type { Role } from "@/db/schema/users";

/** What a session carries: enough to scope every query, and a version so sessions can be revoked. */
interface PortalIdentity {
  communeId: string;
  communeSlug: string;
  role: Role;
  sessionVersion: number;
}

declare module "next-auth" {
  interface User extends PortalIdentity {
    id: string;
  }
  interface Session {
    user: PortalIdentity & { id: string } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT extends PortalIdentity {
    loginAt: number;
  }
}
