"use client";

import { CheckboxField, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { agentSecondFactorSchema } from "@/lib/agents/schemas";

/** The commune's rule: admins always use the second factor; agents when this is ticked (or of their own accord). */
export function AgentSecondFactorForm({ action, required }: { action: FormAction; required: boolean }) {
  const { form, state, pending, onSubmit } = useActionForm(agentSecondFactorSchema, action, { required });
  return (
    <form className="form" aria-labelledby="double-authentification-agents" onSubmit={onSubmit} noValidate>
      <h2 id="double-authentification-agents">Double authentification</h2>
      <p>
        Les administrateurs se connectent toujours avec un code à usage unique en plus de leur mot de passe. Les agents
        peuvent l&apos;activer eux-mêmes ; vous pouvez aussi l&apos;exiger pour tous : ils devront alors l&apos;activer
        pour continuer à utiliser le portail.
      </p>
      <FormMessage state={state} />
      <CheckboxField
        label="Exiger la double authentification pour les agents"
        registration={form.register("required")}
      />
      <div className="button-row">
        <SubmitButton pending={pending}>Enregistrer</SubmitButton>
      </div>
    </form>
  );
}
