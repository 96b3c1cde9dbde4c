"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "@/components/ui/link";
import { routes } from "@/lib/routes/paths";

/** Replaces a form once it has succeeded; takes the focus so keyboard and screen-reader users land on it. */
export function FormDone({ message, children }: { message: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="notice notice--success" role="status" tabIndex={-1}>
      <p>{message}</p>
      {children}
    </div>
  );
}

/** Success that leads to the login page (account activated, password chosen). */
export function FormDoneLogIn({ message, communeSlug }: { message: string; communeSlug: string }) {
  return (
    <FormDone message={message}>
      <p>
        <Link className="button" href={routes.login(communeSlug)}>
          Se connecter
        </Link>
      </p>
    </FormDone>
  );
}
