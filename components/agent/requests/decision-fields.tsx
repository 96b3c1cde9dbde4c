"use client";

import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { TextField } from "@/components/ui/form-kit";
import type { decideRequestsSchema } from "@/lib/agents/requests-schemas";
import styles from "./requests.module.css";

type DecisionForm = UseFormReturn<z.input<typeof decideRequestsSchema>, unknown, z.output<typeof decideRequestsSchema>>;

/**
 * The message to the family and the "Accepter" / "Refuser" buttons. Each button writes its decision in the hidden
 * field before the form submits, so the same zod schema checks that a refusal carries a message.
 */
export function DecisionFields({
  form,
  pending,
  acceptLabel,
  refuseLabel,
}: {
  form: DecisionForm;
  pending: boolean;
  acceptLabel: string;
  refuseLabel: string;
}) {
  const { errors } = form.formState;
  return (
    <>
      <input type="hidden" {...form.register("decision")} />
      <TextField
        multiline
        label="Message à la famille"
        hint="Obligatoire pour un refus. La famille le lit dans Mes demandes et dans le mail qui l'informe de la décision."
        registration={form.register("message")}
        error={errors.message?.message}
      />
      {errors.requestIds?.message ? (
        <p className="field__error" role="alert">
          {errors.requestIds.message}
        </p>
      ) : null}
      <div className={`button-row ${styles.decisionButtons}`}>
        <button
          type="submit"
          className="button"
          disabled={pending}
          aria-busy={pending || undefined}
          onClick={() => form.setValue("decision", "accepted")}
        >
          {acceptLabel}
        </button>
        <button
          type="submit"
          className="button button--danger"
          disabled={pending}
          aria-busy={pending || undefined}
          onClick={() => form.setValue("decision", "refused")}
        >
          {refuseLabel}
        </button>
      </div>
    </>
  );
}
