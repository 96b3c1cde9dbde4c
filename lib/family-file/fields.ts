/**
 * The fields of each part of the family file a family can change, with the French labels the diff, the
 * agents' inbox and the mails show. Keys are the payload keys of the matching request type.
 */

export type FieldKind = "text" | "phone" | "boolean" | "date" | "choice" | "choices" | "iban" | "vaccinations";

export interface FieldDef {
  key: string;
  label: string;
  kind: FieldKind;
  /** For "choice" and "choices": code → French label. */
  options?: Readonly<Record<string, string>>;
}

/** Dietary needs the canteen can serve, as tick boxes. Deliberately no religious categories (GDPR art. 9). */
export const FOOD_PRACTICES = {
  vegetarian: "Repas végétarien (sans viande ni poisson)",
  no_meat: "Sans viande (poisson accepté)",
  gluten_free: "Sans gluten",
  lactose_free: "Sans lactose",
  adapted_texture: "Texture adaptée (mixé, haché)",
} as const;
export type FoodPractice = keyof typeof FOOD_PRACTICES;

export const guardianFields: readonly FieldDef[] = [
  { key: "civility", label: "Civilité", kind: "choice", options: { M: "Monsieur", MME: "Madame" } },
  { key: "lastName", label: "Nom", kind: "text" },
  { key: "firstName", label: "Prénom", kind: "text" },
  { key: "quality", label: "Qualité", kind: "text" },
  { key: "familySituation", label: "Situation familiale", kind: "text" },
  { key: "email", label: "E-mail", kind: "text" },
  { key: "phone", label: "Téléphone", kind: "phone" },
  { key: "mobilePhone", label: "Téléphone portable", kind: "phone" },
  { key: "addressLine", label: "Adresse", kind: "text" },
  { key: "postcode", label: "Code postal", kind: "text" },
  { key: "city", label: "Ville", kind: "text" },
  { key: "country", label: "Pays", kind: "text" },
  { key: "isPayer", label: "Responsable payeur", kind: "boolean" },
  { key: "isBenefitRecipient", label: "Allocataire CAF / MSA de la famille", kind: "boolean" },
  { key: "benefitScheme", label: "Régime d'allocations", kind: "choice", options: { CAF: "CAF", MSA: "MSA" } },
  { key: "allocataireNumber", label: "Numéro d'allocataire", kind: "text" },
  { key: "qfFetchConsent", label: "Autorise la transmission à la CAF pour le quotient familial", kind: "boolean" },
  { key: "acceptsEmail", label: "Accepte de recevoir des e-mails", kind: "boolean" },
  { key: "acceptsSms", label: "Accepte de recevoir des SMS", kind: "boolean" },
  { key: "acceptsPost", label: "Accepte de recevoir des courriers", kind: "boolean" },
  { key: "invoiceByPost", label: "Facture par courrier", kind: "boolean" },
  { key: "remindByEmail", label: "Relance de paiement par e-mail", kind: "boolean" },
  { key: "remindBySms", label: "Relance de paiement par SMS", kind: "boolean" },
  { key: "remindByPost", label: "Relance de paiement par courrier", kind: "boolean" },
];

export const bankFields: readonly FieldDef[] = [
  { key: "directDebit", label: "Prélèvement automatique", kind: "boolean" },
  { key: "iban", label: "IBAN", kind: "iban" },
  { key: "bic", label: "BIC", kind: "text" },
  { key: "holderName", label: "Titulaire du compte", kind: "text" },
];

export const childFields: readonly FieldDef[] = [
  { key: "lastName", label: "Nom", kind: "text" },
  { key: "firstName", label: "Prénom", kind: "text" },
  { key: "birthDate", label: "Date de naissance", kind: "date" },
  { key: "sex", label: "Sexe", kind: "choice", options: { F: "Fille", M: "Garçon" } },
  { key: "photo", label: "Autorisation d'être pris en photo", kind: "boolean" },
  { key: "leaveAlone", label: "Autorisation de partir seul", kind: "boolean" },
  { key: "hospitalisation", label: "Autorisation d'hospitalisation en cas de besoin", kind: "boolean" },
  { key: "outingsWithStaff", label: "Autorisation de sortie avec le personnel municipal", kind: "boolean" },
  { key: "foodPractices", label: "Pratiques alimentaires", kind: "choices", options: FOOD_PRACTICES },
  { key: "allergies", label: "Allergies", kind: "text" },
  { key: "hasPai", label: "PAI (projet d'accueil individualisé)", kind: "boolean" },
  { key: "paiDetails", label: "Détails du PAI", kind: "text" },
  { key: "doctorName", label: "Médecin traitant", kind: "text" },
  { key: "doctorPhone", label: "Téléphone du médecin", kind: "phone" },
];

export const vaccinationFields: readonly FieldDef[] = [{ key: "vaccinations", label: "Vaccins", kind: "vaccinations" }];

export const authorizedAdultFields: readonly FieldDef[] = [
  { key: "lastName", label: "Nom", kind: "text" },
  { key: "firstName", label: "Prénom", kind: "text" },
  { key: "relationship", label: "Lien avec l'enfant", kind: "text" },
  { key: "phone", label: "Téléphone", kind: "phone" },
  { key: "mobilePhone", label: "Téléphone portable", kind: "phone" },
  { key: "mayPickUp", label: "Peut récupérer l'enfant", kind: "boolean" },
  { key: "emergencyContact", label: "À prévenir en cas d'urgence", kind: "boolean" },
];

/** Fields whose values are health data: reading them as an agent is audited. */
export const HEALTH_FIELD_KEYS = [
  "foodPractices",
  "allergies",
  "hasPai",
  "paiDetails",
  "doctorName",
  "doctorPhone",
  "vaccinations",
] as const;

export interface Vaccination {
  name: string;
  /** yyyy-MM-dd */
  date: string;
}
