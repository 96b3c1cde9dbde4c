"use client";

import type { ReactNode } from "react";
import { get, type UseFormReturn } from "react-hook-form";
import { DocumentUploadField } from "@/components/documents/document-upload-field";
import { withHtmlAttributes } from "@/components/planning/period-form-fields";
import {
  CheckboxField,
  ChoiceGroupFrame,
  FieldError,
  RadioGroupField,
  SelectField,
  TextField,
} from "@/components/ui/form-kit";
import { formatDate } from "@/lib/format";
import { CARE_TYPE_LABELS, describeWeeklySchedule, NURSERY_KIND_LABELS } from "@/lib/nursery/labels";
import {
  CARE_HOURS,
  CARE_WEEKDAYS,
  GUARDIAN_SITUATION_LABELS,
  MAX_WISHES,
  type NurseryApplicationFields,
  type NurseryApplicationInput,
  scheduleOf,
  UNBORN_CHILD,
  wishesOf,
} from "@/lib/nursery/schemas";
import { weekdayName } from "@/lib/planning/days";
import styles from "./application-form.module.css";

/* The sections of the application form, one per step (components/nursery/application-form.tsx). */

export type NurseryFormApi = UseFormReturn<NurseryApplicationInput, unknown, NurseryApplicationFields>;

/** What the form offers: the file's guardians and children under 4, the commune's structures. */
export type NurseryFormChoices = {
  guardians: { id: string; name: string }[];
  children: { id: string; name: string; birthDate: string }[];
  structures: { id: string; name: string; kind: keyof typeof NURSERY_KIND_LABELS }[];
  /** The certificate of pregnancy's label when the commune asks it; null otherwise. */
  certificateLabel: string | null;
  /** A change of an application whose certificate was already sent: a new one is optional. */
  certificateSent: boolean;
  startBounds: { min: string; max: string };
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const errorOf = (form: NurseryFormApi, name: string): string | undefined => {
  const error = get(form.formState.errors, name) as { message?: string; root?: { message?: string } } | undefined;
  return error?.message ?? error?.root?.message;
};

const SITUATIONS = Object.entries(GUARDIAN_SITUATION_LABELS).map(([value, label]) => ({ value, label }));

export function GuardiansStep({ form, choices }: { form: NurseryFormApi; choices: NurseryFormChoices }) {
  return (
    <>
      <p>Indiquez la situation professionnelle de chaque responsable de l&apos;enfant.</p>
      <FieldError id="nursery-guardians-error" message={errorOf(form, "guardians")} />
      {choices.guardians.map((guardian, index) => (
        <fieldset key={guardian.id} className={styles.day}>
          <legend>{guardian.name}</legend>
          <input type="hidden" {...form.register(`guardians.${index}.guardianId`)} />
          <SelectField
            label="Situation professionnelle"
            required
            placeholder="Choisissez"
            options={SITUATIONS}
            registration={form.register(`guardians.${index}.situation`)}
            error={errorOf(form, `guardians.${index}.situation`)}
          />
          <TextField
            label="Employeur"
            registration={form.register(`guardians.${index}.employer`)}
            error={errorOf(form, `guardians.${index}.employer`)}
          />
        </fieldset>
      ))}
    </>
  );
}

export function ChildStep({ form, choices }: { form: NurseryFormApi; choices: NurseryFormChoices }) {
  const unborn = form.watch("child") === UNBORN_CHILD;
  const options = [
    ...choices.children.map((c) => ({ value: c.id, label: `${c.name} (né(e) le ${formatDate(c.birthDate)})` })),
    { value: UNBORN_CHILD, label: "Un enfant à naître" },
  ];
  return (
    <>
      <RadioGroupField
        legend="Enfant concerné"
        required
        options={options}
        registration={form.register("child")}
        error={errorOf(form, "child")}
      />
      {choices.children.length === 0 ? (
        <p className="field__hint">
          Aucun enfant de moins de 4 ans dans votre dossier famille : la demande porte sur un enfant à naître.
        </p>
      ) : null}
      {unborn ? (
        <>
          <TextField
            label="Date prévue de naissance"
            required
            type="date"
            registration={withHtmlAttributes(form.register("expectedBirthOn"), { min: choices.startBounds.min })}
            error={errorOf(form, "expectedBirthOn")}
          />
          <TextField
            label="Prénom"
            hint="Facultatif, s'il est déjà choisi."
            registration={form.register("unbornFirstName")}
            error={errorOf(form, "unbornFirstName")}
          />
        </>
      ) : null}
    </>
  );
}

const CARE_TYPES = Object.entries(CARE_TYPE_LABELS).map(([value, label]) => ({ value, label }));

export function CareStep({ form, choices }: { form: NurseryFormApi; choices: NurseryFormChoices }) {
  const regular = form.watch("careType") === "regulier";
  const days = form.watch("days") ?? [];
  return (
    <>
      <RadioGroupField
        legend="Type de garde"
        required
        options={CARE_TYPES}
        registration={form.register("careType")}
        error={errorOf(form, "careType")}
      />
      {regular ? (
        <ChoiceGroupFrame legend="Jours et horaires d'accueil" required error={errorOf(form, "days")}>
          <p className="field__hint">
            Du lundi au vendredi, entre {CARE_HOURS.opens} et {CARE_HOURS.closes}.
          </p>
          {CARE_WEEKDAYS.map((weekday, index) => (
            <div key={weekday} className={styles.day}>
              <CheckboxField
                label={capitalized(weekdayName(weekday))}
                registration={form.register(`days.${index}.selected`)}
              />
              {days[index]?.selected ? (
                <div className={styles.hours}>
                  <TextField
                    label={`Heure d'arrivée le ${weekdayName(weekday)}`}
                    type="time"
                    required
                    registration={withHtmlAttributes(form.register(`days.${index}.start`), {
                      min: CARE_HOURS.opens,
                      max: CARE_HOURS.closes,
                    })}
                    error={errorOf(form, `days.${index}.start`)}
                  />
                  <TextField
                    label={`Heure de départ le ${weekdayName(weekday)}`}
                    type="time"
                    required
                    registration={withHtmlAttributes(form.register(`days.${index}.end`), {
                      min: CARE_HOURS.opens,
                      max: CARE_HOURS.closes,
                    })}
                    error={errorOf(form, `days.${index}.end`)}
                  />
                </div>
              ) : null}
            </div>
          ))}
        </ChoiceGroupFrame>
      ) : null}
      <TextField
        label="Date d'entrée souhaitée"
        required
        type="date"
        registration={withHtmlAttributes(form.register("desiredStartOn"), choices.startBounds)}
        error={errorOf(form, "desiredStartOn")}
      />
    </>
  );
}

export function StructuresStep({ form, choices }: { form: NurseryFormApi; choices: NurseryFormChoices }) {
  const options = choices.structures.map((s) => ({ value: s.id, label: `${s.name} (${NURSERY_KIND_LABELS[s.kind]})` }));
  return (
    <>
      <p>Jusqu&apos;à {MAX_WISHES} structures, par ordre de préférence.</p>
      {([1, 2, 3] as const).map((rank) => (
        <SelectField
          key={rank}
          label={`Choix n°${rank}`}
          required={rank === 1}
          placeholder={rank === 1 ? "Choisissez une structure" : "Aucun"}
          options={options}
          registration={form.register(`choice${rank}`)}
          error={errorOf(form, `choice${rank}`)}
        />
      ))}
      <TextField
        label="Commentaire"
        multiline
        hint="Facultatif : ce que la commission doit savoir (fratrie, horaires particuliers…)."
        registration={form.register("comment")}
        error={errorOf(form, "comment")}
      />
    </>
  );
}

export function DocumentsStep({
  form,
  choices,
  householdDocuments,
  certificateError,
}: {
  form: NurseryFormApi;
  choices: NurseryFormChoices;
  /** The household's justificatif de domicile and attestation CAF, with their state and links (server-rendered). */
  householdDocuments: ReactNode;
  certificateError?: string;
}) {
  const unborn = form.watch("child") === UNBORN_CHILD;
  return (
    <>
      {householdDocuments}
      {unborn && choices.certificateLabel ? (
        <DocumentUploadField
          label={`${choices.certificateLabel} (PDF, JPEG ou PNG, 10 Mo maximum)`}
          name="certificate"
          required={!choices.certificateSent}
          hint={
            choices.certificateSent
              ? "Déjà envoyé avec votre demande : joignez-en un nouveau seulement pour le remplacer."
              : "Le certificat médical de grossesse indiquant la date prévue de l'accouchement (plusieurs fichiers possibles)."
          }
          error={certificateError}
        />
      ) : null}
    </>
  );
}

export function SummaryStep({
  form,
  choices,
  certificateFiles,
}: {
  form: NurseryFormApi;
  choices: NurseryFormChoices;
  certificateFiles: number;
}) {
  const v = form.watch();
  const child =
    v.child === UNBORN_CHILD
      ? `Un enfant à naître${v.unbornFirstName ? ` (${v.unbornFirstName})` : ""}, naissance prévue le ${
          v.expectedBirthOn ? formatDate(v.expectedBirthOn) : "—"
        }`
      : (choices.children.find((c) => c.id === v.child)?.name ?? "—");
  const schedule =
    v.careType === "regulier"
      ? describeWeeklySchedule(
          scheduleOf({
            careType: "regulier",
            days: (v.days ?? []).map((d) => ({
              selected: d.selected === true,
              start: d.start ?? "",
              end: d.end ?? "",
            })),
          }),
        )
      : null;
  const wishes = wishesOf({ choice1: v.choice1 ?? "", choice2: v.choice2 ?? "", choice3: v.choice3 ?? "" });
  const structureName = (id: string) => choices.structures.find((s) => s.id === id)?.name ?? "—";
  return (
    <dl className="facts">
      <dt>Responsables</dt>
      <dd>
        <ul>
          {choices.guardians.map((g, i) => {
            const given = v.guardians?.[i];
            const situation =
              GUARDIAN_SITUATION_LABELS[given?.situation as keyof typeof GUARDIAN_SITUATION_LABELS] ?? "—";
            return (
              <li key={g.id}>
                {g.name} : {situation}
                {given?.employer ? ` (${given.employer})` : null}
              </li>
            );
          })}
        </ul>
      </dd>
      <dt>Enfant</dt>
      <dd>{child}</dd>
      <dt>Type de garde</dt>
      <dd>
        {CARE_TYPE_LABELS[v.careType as keyof typeof CARE_TYPE_LABELS] ?? "—"}
        {schedule ? ` : ${schedule}` : null}
      </dd>
      <dt>Date d&apos;entrée souhaitée</dt>
      <dd>{v.desiredStartOn ? formatDate(v.desiredStartOn) : "—"}</dd>
      <dt>Structures souhaitées</dt>
      <dd>
        <ol>
          {wishes.map((id) => (
            <li key={id}>{structureName(id)}</li>
          ))}
        </ol>
      </dd>
      {v.comment ? (
        <>
          <dt>Commentaire</dt>
          <dd>{v.comment}</dd>
        </>
      ) : null}
      {v.child === UNBORN_CHILD && choices.certificateLabel ? (
        <>
          <dt>{choices.certificateLabel}</dt>
          <dd>
            {certificateFiles > 0
              ? `${certificateFiles} fichier(s) joint(s)`
              : choices.certificateSent
                ? "Déjà envoyé"
                : "À joindre"}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
