"use client";

import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import type { Path } from "react-hook-form";
import { FormMessage, SubmitButton, useActionForm } from "@/components/ui/form-kit";
import type { FormAction } from "@/lib/actions/state";
import { hasChosenFiles } from "@/lib/documents/form-files";
import {
  CERTIFICATE_REQUIRED,
  NURSERY_FORM_STEPS,
  type NurseryApplicationInput,
  nurseryApplicationFormSchema,
  UNBORN_CHILD,
} from "@/lib/nursery/schemas";
import styles from "./application-form.module.css";
import {
  CareStep,
  ChildStep,
  DocumentsStep,
  GuardiansStep,
  type NurseryFormChoices,
  StructuresStep,
  SummaryStep,
} from "./application-form-steps";

const LAST = NURSERY_FORM_STEPS.length - 1;
const stepOfField = (field: string) =>
  NURSERY_FORM_STEPS.findIndex((step) => (step.fields as readonly string[]).includes(field.split(".")[0]!));

/**
 * The pré-inscription en crèche form, in six steps on one page: each step is checked with the shared schema before
 * the next one opens; every step's fields stay in the form (hidden), so "Envoyer ma demande" posts them all with
 * the certificate's files. A refusal from the server opens the step of its first field.
 */
export function NurseryApplicationForm({
  action,
  householdId,
  applicationId,
  defaults,
  choices,
  householdDocuments,
}: {
  action: FormAction;
  householdId: string;
  /** Set when changing an application ("Modifier ma demande"). */
  applicationId?: string;
  defaults: NurseryApplicationInput;
  choices: NurseryFormChoices;
  householdDocuments: ReactNode;
}) {
  const schema = useMemo(() => nurseryApplicationFormSchema(choices.children), [choices.children]);
  const { form, state, pending, onSubmit } = useActionForm(schema, action, defaults);
  const [step, setStep] = useState(0);
  const [certificateError, setCertificateError] = useState<string>();
  const [certificateFiles, setCertificateFiles] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const moved = useRef(false);

  // A new step takes the focus on its heading, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (moved.current) headings.current[step]?.focus();
  }, [step]);

  // The server's field errors (put on the fields by useActionForm) open the step of the first one.
  useEffect(() => {
    if (!state || state.ok) return;
    if (state.fieldErrors.certificate?.[0]) setCertificateError(state.fieldErrors.certificate[0]);
    const first = Object.keys(state.fieldErrors)
      .map(stepOfField)
      .filter((i) => i >= 0);
    if (first.length === 0) return;
    moved.current = true;
    setStep(Math.min(...first));
  }, [state]);

  function goTo(index: number) {
    moved.current = true;
    setStep(index);
  }

  function chosenCertificate(): boolean {
    return formRef.current ? hasChosenFiles(new FormData(formRef.current).getAll("certificate")) : false;
  }

  /** The step's errors from the shared schema (and the certificate's), shown at their fields; true when none. */
  function checkStep(index: number): boolean {
    const fields = NURSERY_FORM_STEPS[index]!.fields as readonly string[];
    form.clearErrors(fields as Path<NurseryApplicationInput>[]);
    const issues = (schema.safeParse(form.getValues()).error?.issues ?? []).filter((issue) =>
      fields.includes(String(issue.path[0])),
    );
    issues.forEach((issue, i) => {
      form.setError(
        issue.path.join(".") as Path<NurseryApplicationInput>,
        { message: issue.message },
        {
          shouldFocus: i === 0,
        },
      );
    });
    let certificateMissing = false;
    if (fields.includes("certificate")) {
      const asked = form.getValues("child") === UNBORN_CHILD && choices.certificateLabel && !choices.certificateSent;
      certificateMissing = Boolean(asked) && !chosenCertificate();
      setCertificateError(certificateMissing ? CERTIFICATE_REQUIRED : undefined);
    }
    return issues.length === 0 && !certificateMissing;
  }

  function next() {
    if (!checkStep(step)) return;
    if (step === LAST - 1 && formRef.current) setCertificateFiles(countCertificateFiles(formRef.current));
    goTo(step + 1);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    if (step < LAST) {
      // Enter in a field of an earlier step means "Continuer".
      event.preventDefault();
      next();
      return;
    }
    for (let index = 0; index < LAST; index++) {
      if (!checkStep(index)) {
        event.preventDefault();
        goTo(index);
        return;
      }
    }
    return onSubmit(event);
  }

  const sections: ReactNode[] = [
    <GuardiansStep key="responsables" form={form} choices={choices} />,
    <ChildStep key="enfant" form={form} choices={choices} />,
    <CareStep key="garde" form={form} choices={choices} />,
    <StructuresStep key="structures" form={form} choices={choices} />,
    <DocumentsStep
      key="pieces"
      form={form}
      choices={choices}
      householdDocuments={householdDocuments}
      certificateError={certificateError}
    />,
    <SummaryStep key="recapitulatif" form={form} choices={choices} certificateFiles={certificateFiles} />,
  ];

  return (
    <form ref={formRef} className="form" aria-label="Pré-inscription en crèche" onSubmit={submit} noValidate>
      <input type="hidden" name="householdId" value={householdId} />
      {applicationId ? <input type="hidden" name="applicationId" value={applicationId} /> : null}
      <nav aria-label="Étapes de la demande">
        <ol className={styles.steps}>
          {NURSERY_FORM_STEPS.map((s, index) => (
            <li key={s.id} aria-current={index === step ? "step" : undefined}>
              {s.label}
            </li>
          ))}
        </ol>
      </nav>
      <p className="form-required-note">Les champs marqués d&apos;un * sont obligatoires.</p>
      <FormMessage state={state} />
      {NURSERY_FORM_STEPS.map((s, index) => (
        <section key={s.id} hidden={index !== step} aria-labelledby={`etape-${s.id}`}>
          <h2
            id={`etape-${s.id}`}
            tabIndex={-1}
            ref={(element) => {
              headings.current[index] = element;
            }}
          >
            Étape {index + 1} sur {NURSERY_FORM_STEPS.length} : {s.label}
          </h2>
          {sections[index]}
        </section>
      ))}
      <p className="button-row">
        {step > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => goTo(step - 1)}>
            Précédent
          </button>
        ) : null}
        {step < LAST ? (
          <button type="button" className="button" onClick={next}>
            Continuer
          </button>
        ) : (
          <SubmitButton pending={pending}>
            {applicationId ? "Enregistrer les modifications" : "Envoyer ma demande"}
          </SubmitButton>
        )}
      </p>
    </form>
  );
}

function countCertificateFiles(formElement: HTMLFormElement): number {
  return new FormData(formElement).getAll("certificate").filter((part) => part instanceof File && part.size > 0).length;
}
