import type { DocumentAudience } from "@/db/schema";

/*
 * The document types a commune starts with, and the two codes the portal's own flows ask for: the RIB on a change
 * of bank details and in the new-family wizard, the medical certificate that justifies an absence. Pure: the
 * seed, the commune script and the settings screen read it.
 */

export const RIB_CODE = "rib";
export const MEDICAL_CERTIFICATE_CODE = "certificat_medical";
/** Asked with a pré-inscription en crèche for a child to be born (required then only: lib/nursery). */
export const PREGNANCY_CERTIFICATE_CODE = "certificat_grossesse";

export interface DefaultDocumentType {
  code: string;
  label: string;
  description: string | null;
  audience: DocumentAudience;
  requestType: string | null;
  required: boolean;
  validityMonths: number | null;
  isHealth: boolean;
}

export const DEFAULT_DOCUMENT_TYPES: readonly DefaultDocumentType[] = [
  {
    code: "justificatif_domicile",
    label: "Justificatif de domicile",
    description: "De moins de 3 mois : facture d'énergie, de téléphone ou quittance de loyer.",
    audience: "household",
    requestType: null,
    required: true,
    validityMonths: 12,
    isHealth: false,
  },
  {
    code: "attestation_caf",
    label: "Attestation CAF / avis d'imposition",
    description: "L'attestation de quotient familial de la CAF ou de la MSA, ou votre dernier avis d'imposition.",
    audience: "household",
    requestType: null,
    required: true,
    validityMonths: 12,
    isHealth: false,
  },
  {
    code: "attestation_assurance",
    label: "Attestation d'assurance",
    description: "Responsabilité civile et individuelle accident pour l'année scolaire.",
    audience: "child",
    requestType: null,
    required: true,
    validityMonths: 12,
    isHealth: false,
  },
  {
    code: "carnet_vaccination",
    label: "Carnet de vaccination",
    description: "Les pages des vaccinations, avec le nom de l'enfant.",
    audience: "child",
    requestType: null,
    required: true,
    validityMonths: null,
    isHealth: true,
  },
  {
    code: RIB_CODE,
    label: "RIB",
    description: "Le relevé d'identité bancaire du compte à prélever, au nom du titulaire.",
    audience: "request",
    requestType: "bank.update",
    required: true,
    validityMonths: null,
    isHealth: false,
  },
  {
    code: MEDICAL_CERTIFICATE_CODE,
    label: "Certificat médical",
    description: "Le certificat du médecin couvrant les jours d'absence.",
    audience: "request",
    requestType: "booking.absence",
    required: false,
    validityMonths: null,
    isHealth: true,
  },
  {
    code: PREGNANCY_CERTIFICATE_CODE,
    label: "Certificat de grossesse",
    description: "Le certificat médical de grossesse indiquant la date prévue de l'accouchement.",
    audience: "request",
    requestType: "nursery.application",
    required: true,
    validityMonths: null,
    isHealth: true,
  },
  {
    code: "pai",
    label: "PAI (projet d'accueil individualisé)",
    description: "Le PAI signé par le médecin, si votre enfant en a un.",
    audience: "child",
    requestType: null,
    required: false,
    validityMonths: 12,
    isHealth: true,
  },
];
