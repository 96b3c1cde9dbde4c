"use client";

import { type ReactNode, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/actions/state";

/*
 * A form's result and its submit button, apart from form-kit: a form without client-side validation (a server
 * action alone) shows them without loading react-hook-form and zod.
 */

/** The form-level result: an alert on failure, a polite status on success. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (!state?.message) return null;
  return state.ok ? (
    <p className="notice notice--success" role="status">
      {state.message}
    </p>
  ) : (
    <p className="notice notice--error" role="alert">
      {state.message}
    </p>
  );
}

/**
 * The result of an action whose button disappears with its row (a removed line, a verified flag): the message takes
 * the focus, so a keyboard user is not left on nothing.
 */
export function FocusedFormMessage({ state }: { state: ActionState<unknown> }) {
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) result.current?.focus();
  }, [state]);
  return (
    <div ref={result} tabIndex={-1}>
      <FormMessage state={state} />
    </div>
  );
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button" disabled={pending} aria-busy={pending || undefined}>
      {pending ? "Envoi en cours…" : children}
    </button>
  );
}
