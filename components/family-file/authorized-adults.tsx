import type { FamilyFile } from "@/lib/family-file/read";
import styles from "./family-file.module.css";
import type { FamilyFileActions } from "./form-actions";
import { PendingRequestNotice } from "./pending-request-notice";
import { RemoveAuthorizedAdultButton } from "./remove-authorized-adult-button";
import { SectionForm } from "./section-form";
import { sectionFormValues } from "./section-values";
import { WithdrawRequestButton } from "./withdraw-request-button";

type Child = FamilyFile["children"][number];

/** "Personnes habilitées": the adults who may pick the child up or be called, with the pending additions in yellow. */
export function AuthorizedAdults({
  actions,
  householdId,
  child,
}: {
  actions: FamilyFileActions;
  householdId: string;
  child: Child;
}) {
  const hasNone = child.authorizedAdults.length === 0 && child.pendingAdditions.length === 0;
  return (
    <>
      {hasNone ? <p>Aucune personne habilitée n&apos;est enregistrée.</p> : null}
      {child.authorizedAdults.map((adult) => {
        const name = `${adult.values.firstName} ${adult.values.lastName}`;
        const { defaults, notes } = sectionFormValues("adult.update", adult);
        return (
          <article key={adult.id} className={`card ${styles.section}`} aria-labelledby={`adulte-${adult.id}`}>
            <h3 id={`adulte-${adult.id}`}>
              {name} ({adult.values.relationship})
            </h3>
            <PendingRequestNotice
              withdraw={actions.withdrawRequest}
              householdId={householdId}
              pending={adult.pending}
              what="Une modification de cette personne"
            />
            <PendingRequestNotice
              withdraw={actions.withdrawRequest}
              householdId={householdId}
              pending={adult.pendingRemoval}
              what="La suppression de cette personne"
            />
            <details>
              <summary>Modifier {name}</summary>
              <SectionForm
                action={actions.submitSection}
                sectionId="adult.update"
                householdId={householdId}
                targetId={adult.id}
                defaults={defaults}
                notes={notes}
              />
            </details>
            {adult.pendingRemoval ? null : (
              <RemoveAuthorizedAdultButton
                action={actions.removeAuthorizedAdult}
                householdId={householdId}
                adultId={adult.id}
                name={name}
              />
            )}
          </article>
        );
      })}
      {child.pendingAdditions.map((addition) => (
        <article
          key={addition.requestId}
          className="card pending-value"
          aria-label={`Ajout en attente : ${addition.values.firstName} ${addition.values.lastName}`}
        >
          <p>
            <strong>
              Ajout en attente de validation (demande {addition.reference}) : {String(addition.values.firstName ?? "")}{" "}
              {String(addition.values.lastName ?? "")}
              {addition.values.relationship ? `, ${String(addition.values.relationship)}` : ""}
            </strong>
          </p>
          <WithdrawRequestButton
            action={actions.withdrawRequest}
            householdId={householdId}
            requestId={addition.requestId}
            reference={addition.reference}
          />
        </article>
      ))}
      <h3>Ajouter une personne habilitée</h3>
      <SectionForm
        action={actions.submitSection}
        sectionId="adult.add"
        householdId={householdId}
        targetId={child.id}
        defaults={{ mayPickUp: true, emergencyContact: false }}
        notes={{}}
        submitLabel="Ajouter la personne"
      />
    </>
  );
}
