import { authorizedAdultFields, childFields, type FieldDef, FOOD_PRACTICES, guardianFields } from "./fields";

/**
 * The sections of the Dossier famille screens, as the guides lay them out. Each section is one form and one
 * request type; the schemas (schemas.ts), the generic form (components/family-file/section-form.tsx) and the
 * server action (actions.ts) are all built from these definitions.
 */

export type SectionInput =
  | "text"
  | "email"
  | "tel"
  | "postcode"
  | "date"
  | "checkbox"
  | "radio"
  | "checkboxes"
  | "iban"
  | "bic";

export interface SectionField {
  /** The payload key (lib/family-file/fields.ts). */
  key: string;
  label: string;
  input: SectionInput;
  required?: boolean;
  hint?: string;
  options?: Readonly<Record<string, string>>;
  autoComplete?: string;
  /** How error messages name the field ("Le nom", "La date de naissance"). */
  errorLabel?: string;
}

export interface SectionGroup {
  /** A fieldset legend; a group without one is a plain list of fields. */
  legend?: string;
  hint?: string;
  fields: SectionField[];
}

export interface FileSection {
  id: string;
  title: string;
  requestType: "guardian.update" | "bank.update" | "child.update" | "authorized_adult.add" | "authorized_adult.update";
  /** What the form's targetId names: the household for the bank account, a new adult's child for an addition. */
  target: "guardian" | "household" | "child" | "authorized_adult";
  groups: SectionGroup[];
}

/** A field labelled as in lib/family-file/fields.ts (shared with the diff and the agents' screens) unless told otherwise. */
function from(
  defs: readonly FieldDef[],
  key: string,
  extra: Partial<SectionField> & { input: SectionInput },
): SectionField {
  const def = defs.find((d) => d.key === key);
  if (!def) throw new Error(`unknown family-file field ${key}`);
  return { key, label: def.label, options: def.options, ...extra };
}

const g = (key: string, extra: Partial<SectionField> & { input: SectionInput }) => from(guardianFields, key, extra);
const c = (key: string, extra: Partial<SectionField> & { input: SectionInput }) => from(childFields, key, extra);
const a = (key: string, extra: Partial<SectionField> & { input: SectionInput }) =>
  from(authorizedAdultFields, key, extra);

const authorizedAdultGroups: SectionGroup[] = [
  {
    fields: [
      a("lastName", { input: "text", required: true, errorLabel: "Le nom", autoComplete: "off" }),
      a("firstName", { input: "text", required: true, errorLabel: "Le prénom", autoComplete: "off" }),
      a("relationship", {
        input: "text",
        required: true,
        errorLabel: "Le lien avec l'enfant",
        hint: "Par exemple : grand-mère, voisin.",
      }),
      a("phone", { input: "tel", errorLabel: "Le téléphone" }),
      a("mobilePhone", { input: "tel", errorLabel: "Le téléphone portable" }),
      a("mayPickUp", { input: "checkbox" }),
      a("emergencyContact", { input: "checkbox" }),
    ],
  },
];

export const FAMILY_FILE_SECTIONS = [
  {
    id: "guardian.basic",
    title: "Information de base",
    requestType: "guardian.update",
    target: "guardian",
    groups: [
      {
        fields: [
          g("civility", { input: "radio", required: true }),
          g("lastName", { input: "text", required: true, errorLabel: "Le nom", autoComplete: "family-name" }),
          g("firstName", { input: "text", required: true, errorLabel: "Le prénom", autoComplete: "given-name" }),
          g("quality", { input: "text", errorLabel: "La qualité", hint: "Par exemple : mère, père, tuteur." }),
          g("familySituation", { input: "text", errorLabel: "La situation familiale" }),
          g("email", { input: "email", autoComplete: "email" }),
          g("phone", { input: "tel", errorLabel: "Le téléphone", autoComplete: "tel" }),
          g("mobilePhone", { input: "tel", errorLabel: "Le téléphone portable", autoComplete: "tel" }),
        ],
      },
    ],
  },
  {
    id: "guardian.address",
    title: "Adresse",
    requestType: "guardian.update",
    target: "guardian",
    groups: [
      {
        fields: [
          g("addressLine", { input: "text", errorLabel: "L'adresse", autoComplete: "street-address" }),
          g("postcode", { input: "postcode", autoComplete: "postal-code" }),
          g("city", { input: "text", errorLabel: "La ville", autoComplete: "address-level2" }),
          g("country", { input: "text", errorLabel: "Le pays", autoComplete: "country-name" }),
        ],
      },
    ],
  },
  {
    id: "guardian.communication",
    title: "Communication et factures",
    requestType: "guardian.update",
    target: "guardian",
    groups: [
      {
        legend: "Mode de communication",
        fields: [
          g("acceptsEmail", { input: "checkbox" }),
          g("acceptsSms", { input: "checkbox" }),
          g("acceptsPost", { input: "checkbox" }),
        ],
      },
      {
        legend: "Facture par courrier",
        fields: [
          g("invoiceByPost", {
            input: "checkbox",
            label: "La facture sera toujours disponible sur le portail, je souhaite aussi la recevoir par courrier",
          }),
        ],
      },
      {
        legend: "Mode de relance de paiement des factures",
        fields: [
          g("remindByEmail", { input: "checkbox" }),
          g("remindBySms", { input: "checkbox" }),
          g("remindByPost", { input: "checkbox" }),
        ],
      },
    ],
  },
  {
    id: "guardian.benefits",
    title: "Payeur et allocataire CAF / MSA",
    requestType: "guardian.update",
    target: "guardian",
    groups: [
      { fields: [g("isPayer", { input: "checkbox" })] },
      {
        legend: "Allocataire CAF / MSA",
        hint: "ATTENTION : afin de pouvoir récupérer votre quotient familial, il faut bien que la case d'autorisation ci-dessous soit cochée.",
        fields: [
          g("isBenefitRecipient", {
            input: "checkbox",
            label: "Responsable allocataire CAF / MSA de la famille (un seul allocataire possible)",
          }),
          g("benefitScheme", { input: "radio" }),
          g("allocataireNumber", { input: "text", errorLabel: "Le numéro d'allocataire" }),
          g("qfFetchConsent", {
            input: "checkbox",
            label: "J'autorise la transmission de mes données à la CAF pour le calcul de mon quotient familial",
          }),
        ],
      },
    ],
  },
  {
    id: "bank",
    title: "Données bancaires",
    requestType: "bank.update",
    target: "household",
    groups: [
      {
        fields: [
          { key: "directDebit", label: "Je souhaite être en prélèvement automatique", input: "checkbox" },
          {
            key: "iban",
            label: "Nouvel IBAN",
            input: "iban",
            autoComplete: "off",
            hint: "Laissez vide pour conserver le compte enregistré. Exemple : FR76 3000 6000 0112 3456 7890 189.",
          },
          {
            key: "bic",
            label: "BIC",
            input: "bic",
            autoComplete: "off",
            hint: "8 ou 11 caractères, par exemple BNPAFRPP.",
          },
          {
            key: "holderName",
            label: "Titulaire du compte",
            input: "text",
            errorLabel: "Le titulaire du compte",
            autoComplete: "off",
          },
        ],
      },
    ],
  },
  {
    id: "child.general",
    title: "Informations générales",
    requestType: "child.update",
    target: "child",
    groups: [
      {
        fields: [
          c("lastName", { input: "text", required: true, errorLabel: "Le nom" }),
          c("firstName", { input: "text", required: true, errorLabel: "Le prénom" }),
          c("birthDate", { input: "date", required: true, errorLabel: "La date de naissance" }),
          c("sex", { input: "radio", required: true }),
        ],
      },
    ],
  },
  {
    id: "child.authorizations",
    title: "Autorisations",
    requestType: "child.update",
    target: "child",
    groups: [
      {
        fields: [
          c("photo", { input: "checkbox", label: "J'autorise mon enfant à être pris en photo" }),
          c("leaveAlone", { input: "checkbox", label: "J'autorise mon enfant à partir seul" }),
          c("hospitalisation", {
            input: "checkbox",
            label: "J'autorise l'hospitalisation de mon enfant en cas de besoin",
          }),
          c("outingsWithStaff", {
            input: "checkbox",
            label:
              "J'autorise mon enfant à sortir de l'école, accompagné par le personnel municipal, pour des activités spécifiques (bibliothèque, parc de la mairie, sorties du centre de loisirs, etc.)",
          }),
        ],
      },
    ],
  },
  {
    id: "child.health",
    title: "Données sanitaires",
    requestType: "child.update",
    target: "child",
    groups: [
      { fields: [c("foodPractices", { input: "checkboxes", options: FOOD_PRACTICES })] },
      {
        fields: [
          c("allergies", {
            input: "text",
            errorLabel: "Le champ « Allergies »",
            hint: "Par exemple : arachide, œuf. Laissez vide s'il n'y en a pas.",
          }),
          c("hasPai", { input: "checkbox" }),
          c("paiDetails", { input: "text", errorLabel: "Le détail du PAI" }),
          c("doctorName", { input: "text", errorLabel: "Le médecin traitant" }),
          c("doctorPhone", { input: "tel", errorLabel: "Le téléphone du médecin" }),
        ],
      },
    ],
  },
  {
    id: "adult.add",
    title: "Ajouter une personne habilitée",
    requestType: "authorized_adult.add",
    target: "child",
    groups: authorizedAdultGroups,
  },
  {
    id: "adult.update",
    title: "Modifier la personne habilitée",
    requestType: "authorized_adult.update",
    target: "authorized_adult",
    groups: authorizedAdultGroups,
  },
] as const satisfies readonly FileSection[];

export type SectionId = (typeof FAMILY_FILE_SECTIONS)[number]["id"];

export function fileSection(id: SectionId): FileSection {
  return FAMILY_FILE_SECTIONS.find((s) => s.id === id)!;
}
