import type { ReactNode } from "react";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { routes } from "@/lib/routes/paths";

type Props = { children: ReactNode; params: Promise<{ commune: string }> };

/** The agents' back office: staff of this commune only (a family gets 403). Each page checks again. */
export default async function AgentLayout({ children, params }: Props) {
  const { commune: slug } = await params;
  await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.space(slug) });
  return children;
}
