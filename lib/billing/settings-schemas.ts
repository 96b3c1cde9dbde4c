import { z } from "zod";
import type { TariffBracket } from "@/db/schema/billing";
import type { PayfipMode } from "@/db/schema/online-payments";
import { nestIndexedKeys } from "@/lib/family-file/schemas";
import { checkbox, dayField, requiredText } from "@/lib/validation/fields";
import { parseEurosToCents } from "./euros";

/*
 * The billing settings' forms (régies, natures, an activity's nature and tariffs), validated with the same rules and
 * French messages in the browser (react-hook-form) and in the server actions.
 */

export const REGIE_CODE = /^[A-Z]{2,8}$/;
export const MAX_DUE_DAYS = 90;
export const MAX_TREASURY_DELAY_DAYS = 365;
/** Above any real quotient familial (CAF quotients are a few thousand). */
export const MAX_QUOTIENT = 99_999;
export const MAX_BRACKETS = 12;
/** The highest price of one slot: 1 000,00 €. */
export const MAX_UNIT_CENTS = 100_000;

const WHOLE_NUMBER = /^\d+$/;

const optionalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.uuid(message).optional());

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, `${label} ne doit pas dépasser ${max} caractères.`);

const daysField = (label: string, max: number) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, { message: `${label} est obligatoire.`, abort: true })
    .regex(WHOLE_NUMBER, { message: `${label} doit être un nombre entier de jours, entre 0 et ${max}.`, abort: true })
    .transform(Number)
    .refine((days) => days <= max, `${label} doit être compris entre 0 et ${max} jours.`);

/** A price typed in euros ("1,85"), as integer cents. */
export const euroField = (label: string) =>
  z.string({ error: `${label} est obligatoire.` }).transform((value, ctx) => {
    const parsed = parseEurosToCents(value, { label, maxCents: MAX_UNIT_CENTS });
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

/** PayFiP's `saisie` modes, with the words of the DGFiP's guide: a town moves from T to X to W. */
export const PAYFIP_MODE_LABELS: Record<PayfipMode, string> = { T: "Test", X: "Activation", W: "Production" };
const payfipModes = Object.keys(PAYFIP_MODE_LABELS) as [PayfipMode, ...PayfipMode[]];

/** The DGFiP's PayFiP (the column's default), and this portal's own simulator of it. */
export const PAYFIP_SERVICE_URL = "https://www.payfip.gouv.fr/tpa";
export const PAYFIP_SIMULATOR_PATH = "/simulateur-payfip/tpa";

const SERVICE_URL_MESSAGE = `L'adresse du service PayFiP doit commencer par https://, par exemple ${PAYFIP_SERVICE_URL}, ou par « / » pour le simulateur du portail (${PAYFIP_SIMULATOR_PATH}).`;
// A path of this portal: letters, digits and - . _ ~ between single slashes ("//host" would leave the portal).
const PORTAL_PATH = /^(\/[A-Za-z0-9._~-]+)+$/;

function isPayfipServiceUrl(value: string): boolean {
  if (value.startsWith("/"))
    return PORTAL_PATH.test(value) && !value.split("/").some((segment) => segment === "." || segment === "..");
  if (/[\s?#]/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "" && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * The base address under which PayFiP's web service and card page sit: an https URL without query, fragment or
 * credentials (paths are appended to it), or a path of this portal (its simulator). Kept without a trailing "/".
 */
const payfipServiceUrlField = z
  .string({ error: "L'adresse du service PayFiP est obligatoire." })
  .trim()
  .min(1, { message: "L'adresse du service PayFiP est obligatoire.", abort: true })
  .max(200, { message: "L'adresse du service PayFiP ne doit pas dépasser 200 caractères.", abort: true })
  .transform((v) => (v.length > 1 ? v.replace(/\/+$/, "") : v))
  .refine(isPayfipServiceUrl, SERVICE_URL_MESSAGE);

/** "Créer une régie" (no id) or "Modifier la régie". The code is typed in any case and kept in capitals. */
export const regieSchema = z
  .object({
    regieId: optionalId("Régie introuvable."),
    name: requiredText("Le nom de la régie"),
    code: z
      .string({ error: "Le code de la régie est obligatoire." })
      .trim()
      .min(1, { message: "Le code de la régie est obligatoire.", abort: true })
      .transform((v) => v.toUpperCase())
      .refine((v) => REGIE_CODE.test(v), "Le code doit compter de 2 à 8 lettres sans accent, par exemple ENF."),
    payfipClientNumber: z
      .string()
      .optional()
      .transform((v) => (v ?? "").replace(/\s/g, ""))
      .refine((v) => v === "" || /^\d{6}$/.test(v), "Le numéro client PayFiP compte 6 chiffres, par exemple 012345.")
      .transform((v) => v || null),
    payfipMode: z.enum(payfipModes, { error: "Choisissez le mode PayFiP." }),
    payfipServiceUrl: payfipServiceUrlField,
    dueDays: daysField("Le délai de paiement", MAX_DUE_DAYS),
    treasuryDelayDays: daysField("Le délai avant transmission en trésorerie", MAX_TREASURY_DELAY_DAYS),
    paymentInstructions: optionalText("Les moyens de paiement", 1000),
    treasuryContact: optionalText("Le contact de la trésorerie", 500),
  })
  .refine((regie) => !(regie.payfipMode === "W" && regie.payfipServiceUrl.startsWith("/")), {
    // The simulator debits no card: in production it would record règlements nobody paid.
    path: ["payfipServiceUrl"],
    message:
      "En mode Production, l'adresse est celle du service PayFiP de la DGFiP : le simulateur ne débite aucune carte.",
  });
export type RegieInput = z.output<typeof regieSchema>;

/** "Ajouter une nature" (no id) or "Enregistrer" one: its label and the régie that invoices it. */
export const natureSchema = z.object({
  natureId: optionalId("Nature introuvable."),
  label: requiredText("Le libellé de la nature", 60),
  regieId: z.uuid("Choisissez une régie."),
  childcare: checkbox(),
});
export type NatureInput = z.output<typeof natureSchema>;

/** The nature an activity is invoiced under; empty: the activity is not invoiced. */
export const activityNatureSchema = z.object({
  activityId: z.uuid("Activité introuvable."),
  natureId: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid("Nature introuvable.").nullable()),
});
export type ActivityNatureInput = z.output<typeof activityNatureSchema>;

const typed = () =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim());

/** A row as typed; checked as a whole list below, so a wrong price and a wrong limit show at once. */
const bracketRow = z.object({
  /** Empty on the last row (above every other bracket). */
  upToQuotient: typed(),
  unitPrice: typed(),
});

const BRACKET_PRICE = { label: "Le prix de la tranche", maxCents: MAX_UNIT_CENTS };

/**
 * The brackets as typed: every row but the last says up to which quotient familial (inclusive, strictly increasing),
 * the last one has none (it applies above the others).
 */
const bracketsField = z
  .array(bracketRow, { error: "Ajoutez au moins une tranche." })
  .min(1, "Ajoutez au moins une tranche.")
  .max(MAX_BRACKETS, `${MAX_BRACKETS} tranches au plus.`)
  .superRefine((rows, ctx) => {
    let previous: number | null = null;
    rows.forEach((row, index) => {
      const price = parseEurosToCents(row.unitPrice, BRACKET_PRICE);
      if (!price.ok) ctx.addIssue({ code: "custom", path: [index, "unitPrice"], message: price.message });
      const at = [index, "upToQuotient"];
      const last = index === rows.length - 1;
      if (last) {
        if (row.upToQuotient !== "")
          ctx.addIssue({
            code: "custom",
            path: at,
            message: "La dernière tranche s'applique au-delà des autres : laissez son quotient vide.",
          });
        return;
      }
      if (row.upToQuotient === "") {
        ctx.addIssue({ code: "custom", path: at, message: "Indiquez le quotient familial maximal de la tranche." });
        previous = null;
        return;
      }
      if (!WHOLE_NUMBER.test(row.upToQuotient) || Number(row.upToQuotient) > MAX_QUOTIENT) {
        ctx.addIssue({
          code: "custom",
          path: at,
          message: `Le quotient familial doit être un nombre entier entre 0 et ${MAX_QUOTIENT}, par exemple 900.`,
        });
        previous = null;
        return;
      }
      const value = Number(row.upToQuotient);
      if (previous !== null && value <= previous)
        ctx.addIssue({
          code: "custom",
          path: at,
          message: `Les tranches doivent être croissantes : saisissez un quotient supérieur à ${previous}.`,
        });
      previous = value;
    });
  })
  .transform((rows): TariffBracket[] =>
    rows.map((row, index) => ({
      upToQuotient: index === rows.length - 1 ? null : Number(row.upToQuotient),
      unitCents: (parseEurosToCents(row.unitPrice, BRACKET_PRICE) as { cents: number }).cents,
    })),
  );

/** "Enregistrer le tarif": from a date on, the default price (quotient unknown) and the brackets. */
export const tariffSchema = z
  .object({
    activityId: z.uuid("Activité introuvable."),
    validFrom: dayField({
      missing: "La date de début d'application est obligatoire.",
      invalid: "La date de début d'application doit être une date valide (jj/mm/aaaa).",
    }),
    defaultUnitPrice: euroField("Le prix quand le quotient est inconnu"),
    brackets: bracketsField,
  })
  .transform(({ defaultUnitPrice, ...rest }) => ({ ...rest, defaultUnitCents: defaultUnitPrice }));
export type TariffInput = z.output<typeof tariffSchema>;

/** The action's schema: FormData is flat ("brackets.0.unitPrice"), nested back as the form had it. */
export const tariffFormSchema = z.preprocess((input) => {
  const nested = nestIndexedKeys(input) as Record<string, unknown>;
  return { brackets: [], ...nested };
}, tariffSchema);

/** A bracket as the settings print it: "QF jusqu'à 900", then "QF au-delà de 900" for the open-ended last one. */
export function describeBracket(bracket: TariffBracket, previous: TariffBracket | undefined): string {
  if (bracket.upToQuotient === null)
    return previous?.upToQuotient != null ? `QF au-delà de ${previous.upToQuotient}` : "Tous quotients";
  return `QF jusqu'à ${bracket.upToQuotient}`;
}
