import { demo } from "@/db/demo-data";

/** Records of the demo seed the forms below point at (filled by the fuzz test). */
export type FormIds = {
  household: string;
  child: string;
  activity: string;
  enrolment: string;
  booking: string;
  request: string;
  closure: string;
  staff: string;
  regie: string;
  nature: string;
};

type Form = Record<string, string | string[]>;

const newPassword = { password: "Soleil2027portail", passwordConfirmation: "Soleil2027portail" };
const period = { kind: "booking", from: "2027-01-04", to: "2027-01-29", weekdays: ["1", "2", "4"] };
const activityForm = {
  name: "Étude du soir",
  facility: "École Jules Ferry",
  category: "etude",
  weekdays: ["1", "2", "4", "5"],
  startTime: "16:30",
  endTime: "18:00",
  color: "#1d4ed8",
  capacity: "30",
  bookingDeadlineDays: "2",
  bookingDeadlineTime: "10:00",
  cancellationDeadlineDays: "2",
  cancellationDeadlineTime: "10:00",
  deadlineDaysKind: "working",
};
const guardian = {
  "guardian1.civility": "MME",
  "guardian1.lastName": "NOUVEL",
  "guardian1.firstName": "Anne",
  "guardian1.phone": "04 76 00 00 00",
  "guardian1.mobilePhone": "06 12 34 56 78",
  "guardian1.email": "anne.nouvel@example.fr",
  "guardian1.postcode": "38330",
  "guardian1.city": "Démo",
  "guardian1.country": "France",
  "guardian1.invoiceByPost": "non",
  "children.0.firstName": "Lou",
  "children.0.lastName": "NOUVEL",
  "children.0.birthDate": "2019-05-04",
  "children.0.sex": "F",
};

const nurseryApplicationForm = {
  "guardians.0.guardianId": "00000000-0000-4000-8000-00000000c002",
  "guardians.0.situation": "en_activite",
  child: "a_naitre",
  expectedBirthOn: "2027-05-02",
  careType: "regulier",
  "days.0.selected": "on",
  "days.0.start": "08:00",
  "days.0.end": "17:30",
  desiredStartOn: "2027-09-01",
  choice1: "00000000-0000-4000-8000-00000000c003",
};

/**
 * A form each server action accepts (or refuses only for a business reason), keyed by the action's export name.
 * The fuzz test changes a few of its fields to hostile values, so the calls reach the handlers and the database
 * rather than stopping at the first invalid field. Every action must be listed: a new one fails the fuzz test
 * until it is added here.
 */
export const validActionForms: Record<string, (ids: FormIds) => Form> = {
  activate: () => ({ jeton: "un-jeton-inconnu" }),
  resendActivation: () => ({ email: demo.family.email, captcha: "x" }),
  forgotPassword: () => ({ email: demo.family.email, captcha: "x" }),
  logIn: () => ({ email: demo.family.email, password: "pas-le-bon-mot-de-passe" }),
  signUp: () => ({
    civility: "MME",
    lastName: "NOUVEL",
    firstName: "Anne",
    email: "anne.nouvel@example.fr",
    ...newPassword,
    acceptTerms: "on",
    captcha: "x",
  }),
  chooseNewPassword: () => ({ jeton: "un-jeton-inconnu", ...newPassword }),
  // A wrong current password: a right one would end the session the next calls use.
  changePassword: () => ({ currentPassword: "pas-le-bon-mot-de-passe", ...newPassword }),
  endOtherSession: () => ({ sessionId: "7d0c5a52-9a51-4a8e-9a4e-0b7f6f1f2c3d" }),
  logOutEverywhere: () => ({}),

  requestSlot: (ids) => ({
    kind: "booking",
    childId: ids.child,
    activityId: ids.activity,
    from: "2027-01-05",
    to: "2027-01-05",
    weekdays: "2",
  }),
  cancelSlot: (ids) => ({ bookingId: ids.booking }),
  slotHistoryAction: (ids) => ({ bookingId: ids.booking }),
  previewPeriodRequest: (ids) => ({ ...period, childId: ids.child, activityId: ids.activity }),
  submitPeriodRequest: (ids) => ({ ...period, childId: ids.child, activityId: ids.activity }),
  createCalendarLink: (ids) => ({ householdId: ids.household }),
  revokeCalendarLink: (ids) => ({ householdId: ids.household }),
  decideBookingsAction: (ids) => ({ bookingIds: [ids.booking], decision: "refuse", message: "Complet ce jour-là." }),

  saveActivityAction: (ids) => ({ ...activityForm, activityId: ids.activity }),
  addClosuresAction: () => ({ from: "2027-02-01", to: "2027-02-03", kind: "closure", label: "Travaux" }),
  removeClosuresAction: (ids) => ({ closureIds: [ids.closure] }),
  createEnrolmentAction: (ids) => ({
    activityId: ids.activity,
    childId: ids.child,
    startsOn: "2026-09-01",
    endsOn: "2027-07-04",
    status: "active",
  }),
  updateEnrolmentAction: (ids) => ({
    enrolmentId: ids.enrolment,
    startsOn: "2026-09-01",
    endsOn: "2027-07-04",
    status: "active",
  }),

  createStaffAccountAction: () => ({
    civility: "M",
    lastName: "DURAND",
    firstName: "Paul",
    email: "paul.durand@example.fr",
    role: "agent",
  }),
  resendStaffInvitationAction: (ids) => ({ userId: ids.staff }),
  setStaffAccountStatusAction: (ids) => ({ userId: ids.staff, status: "disabled" }),
  resetStaffSecondFactorAction: (ids) => ({ userId: ids.staff }),
  setAgentSecondFactorRequirementAction: () => ({ required: "on" }),
  verifySecondFactorAction: () => ({ code: "123456" }),
  verifyRecoveryCodeAction: () => ({ recoveryCode: "ABCD-EFGH-JK01-MNPQ" }),
  confirmEnrolmentAction: () => ({ code: "123456" }),
  decideRequestsAction: (ids) => ({ requestIds: [ids.request], decision: "refused", message: "Pièce manquante." }),
  postTownMessageAction: (ids) => ({
    requestId: ids.request,
    message: "Bonjour,\nmerci de nous envoyer l'attestation.",
  }),
  saveRegieAction: (ids) => ({
    regieId: ids.regie,
    name: "Régie enfance jeunesse",
    code: "ENF",
    payfipClientNumber: "012345",
    payfipMode: "T",
    payfipServiceUrl: "/simulateur-payfip/tpa",
    dueDays: "20",
    treasuryDelayDays: "30",
    paymentInstructions: "Chèque à l'ordre du Trésor public.",
    treasuryContact: "Service de gestion comptable de Démo",
  }),
  saveNatureAction: (ids) => ({ natureId: ids.nature, label: "Périscolaire", regieId: ids.regie }),
  setActivityNatureAction: (ids) => ({ activityId: ids.activity, natureId: ids.nature }),
  saveTariffAction: (ids) => ({
    activityId: ids.activity,
    validFrom: "2027-09-01",
    defaultUnitPrice: "4,70",
    "brackets.0.upToQuotient": "500",
    "brackets.0.unitPrice": "1,00",
    "brackets.1.unitPrice": "3,90",
  }),
  regenerateSubscriberCodeAction: (ids) => ({ householdId: ids.household }),
  updateFamilyQuotientAction: (ids) => ({ householdId: ids.household, familyQuotient: "780" }),
  // The demo's invoices are not in FormIds: an unknown invoice or payment is refused for a business reason.
  recordPaymentAction: (ids) => ({
    householdId: ids.household,
    idempotencyKey: "5f0e7d1c-2b3a-4c5d-8e9f-0a1b2c3d4e5f",
    method: "cheque",
    receivedOn: "2027-01-04",
    reference: "1234567",
    amount: "14,10",
    "allocations.0.invoiceId": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
    "allocations.0.selected": "on",
    "allocations.0.amount": "14,10",
  }),
  cancelPaymentAction: () => ({
    paymentId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
    reason: "Chèque rejeté par la banque",
  }),
  issueCreditNoteAction: () => ({ invoiceId: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", reason: "Erreur de tarif" }),
  transmitToTreasuryAction: () => ({ invoiceIds: ["9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"] }),
  // No régie of the demo has this id: the run is refused as "Régie introuvable." after every check.
  issueRunAction: () => ({ regieId: "00000000-0000-4000-8000-00000000f001", month: "2027-01" }),
  // The demo has no online payment: refused as "n'est plus à vérifier, ou il est introuvable".
  resolveOnlinePaymentFlagAction: () => ({ attemptId: "00000000-0000-4000-8000-00000000f002" }),

  withdrawMyRequest: (ids) => ({ householdId: ids.household, requestId: ids.request }),
  markMyRequestsRead: (ids) => ({ householdId: ids.household, scope: "all" }),
  // The demo family has no crèche application: these answer "Demande introuvable." once past validation.
  acceptNurseryPlace: (ids) => ({ householdId: ids.household, applicationId: ids.request }),
  acceptNurseryPlaceWithBirth: (ids) => ({
    householdId: ids.household,
    applicationId: ids.request,
    firstName: "Rose",
    sex: "F",
    birthDate: "2026-06-01",
  }),
  declineNurseryPlace: (ids) => ({ householdId: ids.household, applicationId: ids.request }),
  submitSectionChange: (ids) => ({
    section: "child.general",
    householdId: ids.household,
    targetId: ids.child,
    firstName: "Léa",
    lastName: "MARTIN",
    birthDate: "2016-04-12",
    sex: "F",
  }),
  submitVaccinations: (ids) => ({
    householdId: ids.household,
    targetId: ids.child,
    "vaccinations.0.name": "DTP",
    "vaccinations.0.date": "2020-03-01",
  }),
  removeAuthorizedAdult: (ids) => ({ householdId: ids.household, targetId: ids.child }),
  // No invoice of the demo is in FormIds: an unknown invoice is refused before PayFiP is asked.
  payInvoiceOnline: () => ({ invoiceId: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" }),
  uploadChildPhoto: (ids) => ({ childId: ids.child }),
  removeChildPhoto: (ids) => ({ childId: ids.child }),

  saveFamilyStep: () => guardian,
  saveFinanceStep: () => ({
    payer: "1",
    benefitScheme: "CAF",
    allocataire: "1",
    allocataireNumber: "1234567",
    directDebit: "no",
  }),
  saveWishesStep: () => ({ wishes: ["0:cantine", "0:soir"] }),
  sendPreRegistration: () => ({}),
  subscribeByCode: () => ({ code: demo.unsubscribedCode }),
  subscribeByInvoice: () => ({
    emissionCode: demo.invoice.emissionCode,
    reference: demo.invoice.reference,
    amount: demo.invoice.amount,
    personalCode: demo.invoice.personalCode,
  }),
  // No file and no type of the demo has this id: refused at the file field ("Choisissez un fichier.").
  uploadDocument: (ids) => ({ householdId: ids.household, typeId: "00000000-0000-4000-8000-00000000f003" }),

  // Pré-inscription en crèche. No structure nor guardian of the demo is in FormIds: refused at those fields.
  sendNurseryApplication: (ids) => ({ householdId: ids.household, ...nurseryApplicationForm }),
  changeNurseryApplication: (ids) => ({
    householdId: ids.household,
    applicationId: "00000000-0000-4000-8000-00000000c001",
    ...nurseryApplicationForm,
  }),
  confirmNurseryApplicationAction: (ids) => ({
    householdId: ids.household,
    applicationId: "00000000-0000-4000-8000-00000000c001",
  }),

  // Documents, agent side. No document of the demo is in FormIds: an unknown one is refused as not found.
  validateDocumentAction: () => ({ documentId: "00000000-0000-4000-8000-00000000d001", expiresOn: "2027-12-31" }),
  refuseDocumentAction: () => ({
    documentId: "00000000-0000-4000-8000-00000000d001",
    reason: "Le document est illisible.",
  }),
  validateDocumentsAction: () => ({ documentIds: ["00000000-0000-4000-8000-00000000d001"] }),
  saveDocumentTypeAction: () => ({
    label: "Attestation de quotient familial",
    description: "L'attestation de la CAF de moins de 3 mois.",
    audience: "request",
    requestType: "bank.update",
    required: "on",
    active: "on",
    validityMonths: "12",
  }),
  saveDocumentSettingsAction: () => ({ retentionMonths: "24" }),
  // Petite enfance, town side. No application or structure of the demo is in FormIds: unknown ones are refused.
  decideCommissionAction: () => ({
    commissionOn: "2027-01-11",
    "decisions.0.applicationId": "00000000-0000-4000-8000-00000000c001",
    "decisions.0.seen": "2027-01-04T09:00:00.000Z",
    "decisions.0.decision": "offer",
    "decisions.0.structureId": "00000000-0000-4000-8000-00000000c002",
    "decisions.0.startOn": "2027-09-01",
    "decisions.0.day1": "on",
    "decisions.0.start1": "08:00",
    "decisions.0.end1": "17:30",
  }),
  createNurseryStructureAction: () => ({
    name: "Multi-accueil Les Hirondelles",
    kind: "multi_accueil",
    address: "3 rue des Écoles",
    bebes: "2",
    moyens: "3",
    grands: "3",
  }),
  updateNurseryStructureAction: () => ({
    structureId: "00000000-0000-4000-8000-00000000c002",
    active: "on",
    bebes: "2",
    moyens: "3",
    grands: "3",
  }),
  saveNurserySettingsAction: () => ({ offerResponseDays: "8", confirmationMonths: "3" }),
  saveCommuneLookAction: () => ({
    brandColor: "#1d4f91",
    mailSenderName: "Ville de Démo",
    contactHours: "Du lundi au vendredi, de 8 h 30 à 12 h",
  }),
  // The file itself is checked by the handler; without one the form answers at the field.
  uploadCommuneLogoAction: () => ({}),
  closeHouseholdAction: (ids) => ({ householdId: ids.household }),
  reopenHouseholdAction: (ids) => ({ householdId: ids.household }),
};
