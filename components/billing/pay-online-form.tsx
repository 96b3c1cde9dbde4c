"use client";

import { type ReactNode, useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form-feedback";
import type { FormAction } from "@/lib/actions/state";
import styles from "./billing.module.css";

/**
 * "Payer en ligne": posts the invoice to the action, which sends the browser to PayFiP's card page; a refusal is
 * shown beside the button. `children` is the button's text, naming the invoice for screen readers.
 */
export function PayOnlineForm({
  action,
  invoiceId,
  children,
}: {
  action: FormAction;
  invoiceId: string;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={styles.payOnline}>
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <SubmitButton pending={pending}>{children}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
