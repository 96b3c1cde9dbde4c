import { z } from "zod";
import { pastDate } from "@/lib/family-file/schemas";
import { checkbox, civilityField, emailField, requiredText } from "@/lib/validation/fields";
import { frenchPhoneField } from "@/lib/validation/french-phone";
import { bicIsValid, checkIban, normalizeBic } from "@/lib/validation/iban";
import { postcodeField } from "@/lib/validation/postcode";

/**
 * The new-family pre-registration wizard: "Ma famille > Mes informations financières >
 * Mes pré-inscriptions et réservations > Confirmation". The same schemas validate in the browser
 * (react-hook-form) and in the server actions, with the same French messages.
 */

export const NEW_FAMILY_STEPS = [
  { slug: "ma-famille", label: "Ma famille" },
  { slug: "informations-financieres", label: "Mes informations financières" },
  { slug: "reservations", label: "Mes pré-inscriptions et réservations" },
  { slug: "confirmation", label: "Confirmation" },
] as const;
export type NewFamilyStepSlug = (typeof NEW_FAMILY_STEPS)[number]["slug"];

export const MAX_CHILDREN = 8;

const optionalText = (label: string, max = 100) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} ne doit pas dépasser ${max} caractères.`)
    .transform((v) => v || null);

const optionalEmail = () =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().toLowerCase())
    .refine(
      (v) => !v || (v.length <= 254 && z.email().safeParse(v).success),
      "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    )
    .transform((v) => v || null);

/** "La facture sera toujours disponible sur le portail, souhaitez-vous la recevoir par courrier ?" Oui / Non. */
export const INVOICE_BY_POST_QUESTION =
  "La facture sera toujours disponible sur le portail, souhaitez-vous la recevoir par courrier ?";
const invoiceByPostField = () =>
  z
    .enum(["oui", "non"], { error: "Indiquez si vous souhaitez recevoir la facture par courrier." })
    .transform((v) => v === "oui");

function guardianSchema(rank: 1 | 2) {
  return z.object({
    civility: civilityField(),
    lastName: requiredText("Le nom"),
    firstName: requiredText("Le prénom"),
    quality: optionalText("La qualité"),
    familySituation: optionalText("La situation familiale"),
    phone: frenchPhoneField("Le téléphone", { required: rank === 1 }),
    mobilePhone: frenchPhoneField("Le téléphone portable", { required: true }),
    email: rank === 1 ? emailField() : optionalEmail(),
    addressLine: optionalText("L'adresse", 200),
    postcode: postcodeField({ required: true }),
    city: requiredText("La ville"),
    country: requiredText("Le pays"),
    acceptsEmail: checkbox(),
    acceptsSms: checkbox(),
    acceptsPost: checkbox(),
    invoiceByPost: invoiceByPostField(),
    remindByEmail: checkbox(),
    remindBySms: checkbox(),
    remindByPost: checkbox(),
  });
}

const childSchema = z.object({
  firstName: requiredText("Le prénom de l'enfant"),
  lastName: requiredText("Le nom de l'enfant"),
  birthDate: pastDate("La date de naissance"),
  sex: z.enum(["F", "M"], { error: "Indiquez s'il s'agit d'une fille ou d'un garçon." }),
  school: optionalText("L'école"),
});

/** Flat form keys ("guardian1.lastName", "children.0.firstName") as react-hook-form nests them. */
export function nestKeys(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const parts = key.split(".");
    if (
      parts.length > 4 ||
      parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")
    )
      continue;
    let node: Record<string, unknown> | unknown[] = result;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const index = /^\d{1,2}$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[index] ??= value;
        return;
      }
      const nextIsIndex = /^\d{1,2}$/.test(parts[i + 1]!);
      if (typeof container[index] !== "object" || container[index] === null) container[index] = nextIsIndex ? [] : {};
      node = container[index] as Record<string, unknown>;
    });
  }
  for (const value of Object.values(result)) {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] ??= {};
  }
  return result;
}

const ticked = (v: unknown) => v === true || v === "on" || v === "true";

/** Step 1 "Ma famille" as the browser validates it (responsable 2's fields unregistered when not declared). */
export const familyStepObject = z.object({
  guardian1: guardianSchema(1),
  hasGuardian2: checkbox(),
  guardian2: guardianSchema(2).optional(),
  children: z
    .array(childSchema)
    .min(1, "Ajoutez au moins un enfant.")
    .max(MAX_CHILDREN, `${MAX_CHILDREN} enfants au plus.`),
});

/** Step 1 "Ma famille" as the server reads the flat FormData: responsable 1, optional responsable 2, the children. */
export const familyStepSchema = z.preprocess((input) => {
  const nested = nestKeys(input) as Record<string, unknown>;
  if (!ticked(nested.hasGuardian2)) delete nested.guardian2;
  return { children: [], ...nested };
}, familyStepObject);
export type FamilyStep = z.output<typeof familyStepObject>;
export type FamilyStepInput = z.input<typeof familyStepObject>;
export type NewFamilyGuardian = FamilyStep["guardian1"];
export type NewFamilyChild = FamilyStep["children"][number];

const blankToNull = (v: string | undefined) => {
  const t = (v ?? "").trim();
  return t ? t : null;
};

/** Step 2 "Mes informations financières": payer, CAF/MSA allocataire, direct debit with IBAN/BIC. */
export const financeStepSchema = z
  .object({
    payer: z.enum(["1", "2"], { error: "Choisissez le responsable payeur." }),
    benefitScheme: z.enum(["none", "CAF", "MSA"], { error: "Indiquez si vous êtes allocataire CAF ou MSA." }),
    allocataire: z.enum(["1", "2"]).optional(),
    allocataireNumber: z.string().optional(),
    directDebit: z.enum(["yes", "no"], { error: "Indiquez si vous souhaitez être en prélèvement." }),
    iban: z.string().optional(),
    bic: z.string().optional(),
    holderName: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.benefitScheme !== "none") {
      if (!v.allocataire)
        ctx.addIssue({ code: "custom", path: ["allocataire"], message: "Choisissez le responsable allocataire." });
      const number = blankToNull(v.allocataireNumber);
      if (!number)
        ctx.addIssue({
          code: "custom",
          path: ["allocataireNumber"],
          message: "Le numéro d'allocataire est obligatoire.",
        });
      else if (!/^[0-9A-Za-z]{1,20}$/.test(number))
        ctx.addIssue({
          code: "custom",
          path: ["allocataireNumber"],
          message: "Le numéro d'allocataire ne contient que des chiffres et des lettres (20 au plus).",
        });
    }
    if (v.directDebit === "yes") {
      const iban = checkIban(v.iban ?? "");
      if (!iban.ok) ctx.addIssue({ code: "custom", path: ["iban"], message: iban.message });
      const bic = normalizeBic(v.bic ?? "");
      if (!bic) ctx.addIssue({ code: "custom", path: ["bic"], message: "Le BIC est obligatoire." });
      else if (!bicIsValid(bic))
        ctx.addIssue({
          code: "custom",
          path: ["bic"],
          message: "Le BIC compte 8 ou 11 caractères, par exemple BNPAFRPP ou BNPAFRPPXXX.",
        });
      const holder = blankToNull(v.holderName);
      if (!holder)
        ctx.addIssue({ code: "custom", path: ["holderName"], message: "Le titulaire du compte est obligatoire." });
      else if (holder.length > 100)
        ctx.addIssue({
          code: "custom",
          path: ["holderName"],
          message: "Le titulaire du compte ne doit pas dépasser 100 caractères.",
        });
    }
  })
  .transform((v) => {
    const benefit = v.benefitScheme !== "none";
    const debit = v.directDebit === "yes";
    const iban = debit ? checkIban(v.iban ?? "") : null;
    return {
      payer: Number(v.payer) as 1 | 2,
      benefitScheme: benefit ? (v.benefitScheme as "CAF" | "MSA") : null,
      allocataire: benefit ? (Number(v.allocataire) as 1 | 2) : null,
      allocataireNumber: benefit ? blankToNull(v.allocataireNumber)!.toUpperCase() : null,
      directDebit: debit,
      iban: iban?.ok ? iban.iban : null,
      bic: debit ? normalizeBic(v.bic ?? "") : null,
      holderName: debit ? blankToNull(v.holderName) : null,
    };
  });
export type FinanceStep = z.output<typeof financeStepSchema>;

/** Step 3: the services wished per child, as tick boxes (the activities themselves come with a later feature). */
export const WISHED_SERVICES = {
  cantine: "Restauration scolaire (cantine)",
  matin: "Périscolaire du matin",
  soir: "Périscolaire du soir",
  mercredi: "Accueil de loisirs du mercredi",
} as const;
export type WishedService = keyof typeof WISHED_SERVICES;
const WISH_PATTERN = new RegExp(`^\\d{1,2}:(${Object.keys(WISHED_SERVICES).join("|")})$`);

export const wishesStepSchema = z.object({
  wishes: z.preprocess(
    (v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().regex(WISH_PATTERN, "Choix inconnu.")).max(MAX_CHILDREN * 4),
  ),
});

/** "0:cantine" tick boxes to { 0: ["cantine"] }, children without wishes included as []. */
export function wishesByChild(wishes: readonly string[], childCount: number): WishedService[][] {
  const result: WishedService[][] = Array.from({ length: childCount }, () => []);
  for (const wish of wishes) {
    const [index, service] = wish.split(":") as [string, WishedService];
    const list = result[Number(index)];
    if (list && !list.includes(service)) list.push(service);
  }
  return result;
}

/** What the draft holds: each validated step. */
export interface NewFamilyDraftData {
  family?: FamilyStep;
  finance?: FinanceStep;
  /** Per child (same order as family.children); present once step 3 has been saved. */
  wishes?: WishedService[][];
}

/** The payload of the "household.create" request. The IBAN is top-level so a decided request keeps it masked. */
export interface NewFamilyPayload extends Record<string, unknown> {
  family: FamilyStep;
  finance: Omit<FinanceStep, "iban">;
  iban: string | null;
  wishes: WishedService[][];
}

/** The first step still to fill in, or "confirmation". */
export function nextStep(data: NewFamilyDraftData): NewFamilyStepSlug {
  if (!data.family) return "ma-famille";
  if (!data.finance) return "informations-financieres";
  if (!data.wishes) return "reservations";
  return "confirmation";
}

/** The steps a family may open: those already done and the next one. */
export function stepIsOpen(data: NewFamilyDraftData, step: NewFamilyStepSlug): boolean {
  const order = NEW_FAMILY_STEPS.map((s) => s.slug);
  return order.indexOf(step) <= order.indexOf(nextStep(data));
}
