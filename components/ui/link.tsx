import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching (on view or hover). Every page of the portal is dynamic and per visitor: a
 * prefetch is a full server render (session, commune, database) of a page the visitor may never open — about
 * twenty of them for one view of the home page, which on registration day multiplies the server's load and keeps
 * the phone's main thread busy parsing them. The navigation itself stays a client-side transition.
 */
export function Link(props: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  return <NextLink {...props} prefetch={false} />;
}
