import type { DefaultSession } from "next-auth";
import type { Role } from "@/db/schema/users";

/** What a session carries: enough to scope every query, and the server-side session row it stands for. */
interface PortalIdentity {
  communeId: string;
  communeSlug: string;
  role: Role;
  /** The user_sessions row: revoking it ends this session wherever its cookie went. */
  sessionId: string;
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
