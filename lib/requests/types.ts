import {
  authorizedAdultFields,
  bankFields,
  childFields,
  type FieldDef,
  guardianFields,
  vaccinationFields,
} from "@/lib/family-file/fields";

/**
 * Every kind of request, by its stored code. "Mes demandes" and the agents' inbox only read this table, so a
 * later feature (bookings, documents, nursery…) adds its entries here and its own apply step, nothing else.
 */
export interface RequestTypeDef {
  /** As the guides word it in "Mes demandes". */
  label: string;
  /** What `requests.target_type` holds for this kind. */
  targetType:
    | "guardian"
    | "household"
    | "child"
    | "authorized_adult"
    | "booking_request"
    | "nursery_application"
    | "enrolment";
  /** The fields the before/after diff compares; empty when the payload is not a change of fields. */
  fields: readonly FieldDef[];
}

export const REQUEST_TYPES = {
  "guardian.update": { label: "Modification du responsable", targetType: "guardian", fields: guardianFields },
  "bank.update": { label: "Modification d'info bancaire principal", targetType: "household", fields: bankFields },
  "child.update": { label: "Modification complément enfant", targetType: "child", fields: childFields },
  "vaccinations.update": { label: "Modification des vaccins", targetType: "child", fields: vaccinationFields },
  "authorized_adult.add": {
    label: "Ajout individu autorisation",
    targetType: "authorized_adult",
    fields: authorizedAdultFields,
  },
  "authorized_adult.update": {
    label: "Modification individu autorisation",
    targetType: "authorized_adult",
    fields: authorizedAdultFields,
  },
  "authorized_adult.remove": { label: "Suppression individu autorisation", targetType: "authorized_adult", fields: [] },
  "household.create": { label: "Pré-inscription nouvelle famille", targetType: "household", fields: [] },
  // A service ticked at the pre-registration, asked when the new family is accepted (lib/new-family).
  "enrolment.create": {
    label: "Inscription à une activité",
    targetType: "enrolment",
    fields: [
      { key: "childName", label: "Enfant", kind: "text" },
      { key: "activityName", label: "Activité", kind: "text" },
      { key: "startsOn", label: "Inscrit à partir du", kind: "date" },
      { key: "endsOn", label: "Inscrit jusqu'au", kind: "date" },
    ],
  },
  // One request per submission (one slot or a period); its days live in `bookings` (lib/bookings).
  "booking.add": { label: "Ajout de réservation", targetType: "booking_request", fields: [] },
  "booking.absence": { label: "Demande d'absence", targetType: "booking_request", fields: [] },
  // Its application (lib/nursery) holds the details; the request carries reference, status and history.
  "nursery.application": {
    label: "Pré-inscription en crèche",
    targetType: "nursery_application",
    fields: [],
  },
} as const satisfies Record<string, RequestTypeDef>;

export type RequestType = keyof typeof REQUEST_TYPES;

/** The family-file changes handled by lib/requests/submit-change.ts (the others have their own flows). */
export const FAMILY_FILE_CHANGE_TYPES = [
  "guardian.update",
  "bank.update",
  "child.update",
  "vaccinations.update",
  "authorized_adult.add",
  "authorized_adult.update",
  "authorized_adult.remove",
] as const satisfies readonly RequestType[];
export type FamilyFileChangeType = (typeof FAMILY_FILE_CHANGE_TYPES)[number];

export const BOOKING_REQUEST_TYPES = ["booking.add", "booking.absence"] as const satisfies readonly RequestType[];
export type BookingRequestType = (typeof BOOKING_REQUEST_TYPES)[number];

export function isBookingRequestType(code: string): code is BookingRequestType {
  return (BOOKING_REQUEST_TYPES as readonly string[]).includes(code);
}

export function isRequestType(code: string): code is RequestType {
  return Object.hasOwn(REQUEST_TYPES, code);
}

/** Kinds the portal files by itself, with no upload step: a new family's pre-registration and its enrolments. */
const FILED_BY_THE_PORTAL: readonly string[] = ["household.create", "enrolment.create"];

/** The kinds of request an admin may ask pièces justificatives for (Paramètres des pièces justificatives). */
export function asksForDocuments(code: string): code is RequestType {
  return isRequestType(code) && !FILED_BY_THE_PORTAL.includes(code);
}

export function requestTypeDef(code: string): RequestTypeDef | null {
  return isRequestType(code) ? REQUEST_TYPES[code] : null;
}

/** The label for a stored code; an unknown code (a type removed since) still shows, as itself. */
export function requestTypeLabel(code: string): string {
  return requestTypeDef(code)?.label ?? code;
}

/** "En cours" / "Acceptée"… as the guides print a request's status. */
export const REQUEST_STATUS_LABELS = {
  pending: "En cours",
  accepted: "Acceptée",
  refused: "Refusée",
  withdrawn: "Retirée",
} as const;

/** The "État" filter of Mes demandes: en cours = pending; traité = decided or withdrawn. */
export const REQUEST_STATE_FILTERS = { open: "En cours", done: "Traité", all: "Tous" } as const;
export type RequestStateFilter = keyof typeof REQUEST_STATE_FILTERS;

export const REQUEST_EVENT_LABELS = {
  created: "Demande créée",
  transmitted: "Demande transmise à la collectivité",
  updated: "Demande modifiée",
  accepted: "Demande acceptée",
  refused: "Demande refusée",
  withdrawn: "Demande retirée",
  message: "Message de la collectivité",
} as const;

/** "1 nouveau(x) message(s)" as in the guides. */
export function unreadMessagesLabel(count: number): string {
  return `${count} nouveau(x) message(s)`;
}
