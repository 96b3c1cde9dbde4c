"use client";

import {
  CheckboxField,
  FormMessage,
  RadioGroupField,
  SelectField,
  SubmitButton,
  TextField,
  useActionForm,
} from "@/components/ui/form-kit";
import type { Activity } from "@/db/schema/planning";
import type { FormAction } from "@/lib/actions/state";
import { CATEGORY_LABELS, DEADLINE_KIND_LABELS } from "@/lib/activities/labels";
import { activitySchema } from "@/lib/activities/schemas";
import styles from "./planning.module.css";
import { WeekdayCheckboxes } from "./weekday-checkboxes";

const categoryOptions = Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }));
const deadlineKindOptions = Object.entries(DEADLINE_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** The form's text values: the activity's settings, or a new activity's usual rules (J-2 avant 10:00, jours ouvrés). */
function formValues(activity: Activity | undefined) {
  return {
    activityId: activity?.id ?? "",
    code: activity?.code ?? "",
    name: activity?.name ?? "",
    facility: activity?.facility ?? "",
    category: activity?.category ?? "periscolaire",
    weekdays: (activity?.weekdays ?? [1, 2, 4, 5]).map(String),
    startTime: activity?.startTime ?? "",
    endTime: activity?.endTime ?? "",
    color: activity?.color ?? "#1d4f91",
    capacity: activity?.capacity === null || activity?.capacity === undefined ? "" : String(activity.capacity),
    bookingDeadlineDays: String(activity?.bookingDeadlineDays ?? 2),
    bookingDeadlineTime: activity?.bookingDeadlineTime ?? "10:00",
    cancellationDeadlineDays: String(activity?.cancellationDeadlineDays ?? 2),
    cancellationDeadlineTime: activity?.cancellationDeadlineTime ?? "10:00",
    deadlineDaysKind: activity?.deadlineDaysKind ?? "working",
    lateAbsenceBilled: activity?.lateAbsenceBilled ?? false,
    autoAccept: activity?.autoAccept ?? false,
    archived: activity?.archived ?? false,
  };
}

/** "Créer une activité" (no `activity`) or "Modifier l'activité": its days, hours, places and deadlines. */
export function ActivityForm({ action, activity }: { action: FormAction; activity?: Activity }) {
  const { form, state, pending, onSubmit } = useActionForm(activitySchema, action, formValues(activity));
  const { errors } = form.formState;
  const { register } = form;
  return (
    <form
      className={`form ${styles.form} ${styles.wideForm}`}
      aria-label={activity ? "Modifier l'activité" : "Créer une activité"}
      onSubmit={onSubmit}
      noValidate
    >
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <FormMessage state={state} />
      {activity ? <input type="hidden" {...register("activityId")} /> : null}

      <fieldset>
        <legend>Identification</legend>
        <div className={styles.row}>
          <TextField
            label="Code"
            hint="Facultatif : « 1 » affiche « 1/Péri MATIN »."
            autoComplete="off"
            registration={register("code")}
            error={errors.code?.message}
          />
          <TextField
            label="Nom de l'activité"
            required
            autoComplete="off"
            registration={register("name")}
            error={errors.name?.message}
          />
        </div>
        <TextField
          label="Établissement"
          required
          autoComplete="off"
          registration={register("facility")}
          error={errors.facility?.message}
        />
        <SelectField
          label="Catégorie"
          required
          options={categoryOptions}
          registration={register("category")}
          error={errors.category?.message}
        />
      </fieldset>

      <fieldset>
        <legend>Jours et horaires</legend>
        <WeekdayCheckboxes registration={register("weekdays")} error={errors.weekdays?.message} />
        <div className={styles.row}>
          <TextField
            label="Heure de début"
            type="time"
            required
            hint="Format HH:mm"
            registration={register("startTime")}
            error={errors.startTime?.message}
          />
          <TextField
            label="Heure de fin"
            type="time"
            required
            hint="Format HH:mm"
            registration={register("endTime")}
            error={errors.endTime?.message}
          />
        </div>
        <TextField
          label="Couleur"
          type="color"
          required
          hint="Repère de l'activité dans les écrans des agents (format #RRGGBB)."
          registration={register("color")}
          error={errors.color?.message}
        />
      </fieldset>

      <fieldset>
        <legend>Places</legend>
        <TextField
          label="Capacité (places par jour)"
          inputMode="numeric"
          autoComplete="off"
          hint="Laissez vide si les places sont illimitées. Une activité complète met les nouvelles réservations en liste d'attente."
          registration={register("capacity")}
          error={errors.capacity?.message}
        />
        <CheckboxField
          label="Accepter automatiquement les réservations dans la limite des places"
          registration={register("autoAccept")}
          error={errors.autoAccept?.message}
        />
      </fieldset>

      <fieldset>
        <legend>Délais du règlement de fonctionnement</legend>
        <div className={styles.row}>
          <TextField
            label="Délai de réservation (en jours)"
            inputMode="numeric"
            required
            hint="De 0 à 30 jours avant le jour de l'activité."
            registration={register("bookingDeadlineDays")}
            error={errors.bookingDeadlineDays?.message}
          />
          <TextField
            label="Heure limite de réservation"
            type="time"
            required
            registration={register("bookingDeadlineTime")}
            error={errors.bookingDeadlineTime?.message}
          />
        </div>
        <div className={styles.row}>
          <TextField
            label="Délai d'absence (en jours)"
            inputMode="numeric"
            required
            hint="De 0 à 30 jours avant le jour de l'activité."
            registration={register("cancellationDeadlineDays")}
            error={errors.cancellationDeadlineDays?.message}
          />
          <TextField
            label="Heure limite d'absence"
            type="time"
            required
            registration={register("cancellationDeadlineTime")}
            error={errors.cancellationDeadlineTime?.message}
          />
        </div>
        <RadioGroupField
          legend="Les jours de délai sont comptés en"
          required
          options={deadlineKindOptions}
          registration={register("deadlineDaysKind")}
          error={errors.deadlineDaysKind?.message}
        />
        <CheckboxField
          label="Facturer une absence déclarée hors délai (sinon elle est refusée)"
          registration={register("lateAbsenceBilled")}
          error={errors.lateAbsenceBilled?.message}
        />
      </fieldset>

      {activity ? (
        <CheckboxField
          label="Activité archivée : elle n'est plus proposée aux familles"
          registration={register("archived")}
          error={errors.archived?.message}
        />
      ) : null}
      <div className="button-row">
        <SubmitButton pending={pending}>{activity ? "Enregistrer les modifications" : "Créer l'activité"}</SubmitButton>
      </div>
    </form>
  );
}
