import type { PlanningView } from "@/components/planning/calendar-view";
import type { Role } from "@/db/schema";
import type { NewFamilyStepSlug } from "@/lib/new-family/schemas";
import type { IsoDay } from "@/lib/planning/days";

/*
 * The one map of the portal's addresses. Pure and free of server-only imports: pages, client components, server
 * actions and proxy.ts all build their paths here. Mailed links add APP_URL (lib/urls.ts).
 */

/**
 * Every page of app/ (and the files its route handlers serve), by its route pattern: the map builds paths from
 * these, revalidatePath takes them as they are, and routes.test.ts checks them against the app/ tree.
 */
export const routePatterns = {
  communes: "/",
  localMailbox: "/boite-mail-locale",
  localMail: "/boite-mail-locale/[id]",
  captchaChallenge: "/api/captcha",
  calendarFeed: "/api/calendrier/[token]",
  onlinePaymentNotification: "/api/paiement-en-ligne/notification",
  onlinePaymentReturn: "/api/paiement-en-ligne/retour",

  home: "/[commune]",
  communeLogo: "/[commune]/logo",
  accessibility: "/[commune]/accessibilite",
  terms: "/[commune]/conditions-utilisation",
  login: "/[commune]/connexion",
  signUp: "/[commune]/creer-un-compte",
  activation: "/[commune]/activation",
  resendActivation: "/[commune]/activation/renvoyer",
  forgotPassword: "/[commune]/mot-de-passe-oublie",
  resetPassword: "/[commune]/reinitialiser-mot-de-passe",
  secondFactor: "/[commune]/double-authentification",
  secondFactorEnrolment: "/[commune]/double-authentification/activation",
  billing: "/[commune]/espace-facturation",
  billingInvoice: "/[commune]/espace-facturation/factures/[id]",
  billingInvoicePdf: "/[commune]/espace-facturation/factures/[id]/pdf",
  billingOperations: "/[commune]/espace-facturation/operations",
  billingPayments: "/[commune]/espace-facturation/reglements",
  billingAttestation: "/[commune]/espace-facturation/attestations/[annee]",
  billingOnlinePayment: "/[commune]/espace-facturation/paiements/[id]",

  citizenSpace: "/[commune]/mon-espace-citoyen",
  subscriptions: "/[commune]/mon-espace-citoyen/abonnements",
  subscribe: "/[commune]/mon-espace-citoyen/abonnements/m-abonner",
  myRequests: "/[commune]/mon-espace-citoyen/mes-demandes",
  myRequest: "/[commune]/mon-espace-citoyen/mes-demandes/[id]",
  changePassword: "/[commune]/mon-espace-citoyen/mot-de-passe",
  security: "/[commune]/mon-espace-citoyen/securite",

  familySpace: "/[commune]/espace-famille",
  familyFile: "/[commune]/espace-famille/dossier",
  guardian: "/[commune]/espace-famille/dossier/responsables/[id]",
  child: "/[commune]/espace-famille/dossier/enfants/[id]",
  childPhoto: "/[commune]/espace-famille/dossier/enfants/[id]/photo",
  planning: "/[commune]/espace-famille/planning",
  planningList: "/[commune]/espace-famille/planning/liste",
  bookingPeriod: "/[commune]/espace-famille/planning/reservation",
  absencePeriod: "/[commune]/espace-famille/planning/absence",
  calendarSync: "/[commune]/espace-famille/planning/agenda",
  preRegistration: "/[commune]/espace-famille/pre-inscription",
  preRegistrationFamily: "/[commune]/espace-famille/pre-inscription/ma-famille",
  preRegistrationFinances: "/[commune]/espace-famille/pre-inscription/informations-financieres",
  preRegistrationWishes: "/[commune]/espace-famille/pre-inscription/reservations",
  preRegistrationConfirmation: "/[commune]/espace-famille/pre-inscription/confirmation",
  familyDocuments: "/[commune]/espace-famille/pieces-justificatives",
  depositDocument: "/[commune]/espace-famille/pieces-justificatives/deposer",
  familyDocumentFile: "/[commune]/espace-famille/pieces-justificatives/[id]/fichier",
  familyNursery: "/[commune]/espace-famille/creche",
  newNurseryApplication: "/[commune]/espace-famille/creche/nouvelle-demande",
  familyNurseryApplication: "/[commune]/espace-famille/creche/[id]",

  agentSpace: "/[commune]/agent",
  activities: "/[commune]/agent/activites",
  newActivity: "/[commune]/agent/activites/nouvelle",
  closures: "/[commune]/agent/activites/fermetures",
  activity: "/[commune]/agent/activites/[id]",
  enrolments: "/[commune]/agent/activites/[id]/inscriptions",
  enrolment: "/[commune]/agent/activites/[id]/inscriptions/[inscriptionId]",
  agentRequests: "/[commune]/agent/demandes",
  agentRequest: "/[commune]/agent/demandes/[id]",
  households: "/[commune]/agent/familles",
  household: "/[commune]/agent/familles/[id]",
  bookingInbox: "/[commune]/agent/reservations",
  staffAccounts: "/[commune]/agent/comptes",
  journal: "/[commune]/agent/journal",
  agentBilling: "/[commune]/agent/facturation",
  agentInvoices: "/[commune]/agent/facturation/factures",
  agentInvoice: "/[commune]/agent/facturation/factures/[id]",
  newPayment: "/[commune]/agent/facturation/reglements/nouveau",
  treasury: "/[commune]/agent/facturation/tresorerie",
  billingSettings: "/[commune]/agent/facturation/parametres",
  newRegie: "/[commune]/agent/facturation/parametres/regies/nouvelle",
  regie: "/[commune]/agent/facturation/parametres/regies/[id]",
  activityBilling: "/[commune]/agent/facturation/parametres/activites/[id]",
  billingExports: "/[commune]/agent/facturation/exports",
  runAccountingCsv: "/[commune]/agent/facturation/exports/[id]/ecritures",
  runDirectDebitCsv: "/[commune]/agent/facturation/exports/[id]/prelevements",
  billingRunEmission: "/[commune]/agent/facturation/emission",
  agentOnlinePayments: "/[commune]/agent/facturation/paiements-en-ligne",
  documentQueue: "/[commune]/agent/pieces-justificatives",
  documentReview: "/[commune]/agent/pieces-justificatives/[id]",
  agentDocumentFile: "/[commune]/agent/pieces-justificatives/[id]/fichier",
  documentSettings: "/[commune]/agent/pieces-justificatives/parametres",
  agentNursery: "/[commune]/agent/petite-enfance",
  agentNurseryApplication: "/[commune]/agent/petite-enfance/[id]",
  nurseryCommission: "/[commune]/agent/petite-enfance/commission",
  nurserySettings: "/[commune]/agent/petite-enfance/parametres",
  communeSettings: "/[commune]/agent/commune",
} as const;

type Pattern = (typeof routePatterns)[keyof typeof routePatterns];
type ParamName<P extends string> = P extends `${string}[${infer Name}]${infer Rest}` ? Name | ParamName<Rest> : never;

/** The patterns whose one parameter is the commune. */
type CommunePattern = {
  [P in Pattern]: [ParamName<P>] extends ["commune"] ? (["commune"] extends [ParamName<P>] ? P : never) : never;
}[Pattern];

/** The pattern with its dynamic segments filled in (slugs and uuids: safe in a path as they are). */
function fill<P extends Pattern>(pattern: P, params: Record<ParamName<P>, string>): string {
  const values = params as Record<string, string>;
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => values[name] ?? "");
}

/** A page of a commune that takes no other parameter. */
const communePage = (pattern: CommunePattern) => (slug: string) => fill(pattern, { commune: slug });

/** The path with those query parameters that have a value, in this order. */
function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Paged lists leave page 1 out of their address. */
const pageParam = (page: number | undefined) => (page && page > 1 ? String(page) : undefined);

const preRegistrationSteps = {
  "ma-famille": routePatterns.preRegistrationFamily,
  "informations-financieres": routePatterns.preRegistrationFinances,
  reservations: routePatterns.preRegistrationWishes,
  confirmation: routePatterns.preRegistrationConfirmation,
} as const satisfies Record<NewFamilyStepSlug, Pattern>;

export const routes = {
  /** The towns of this deployment (or straight on to the only one). */
  communes: () => routePatterns.communes,
  localMailbox: () => routePatterns.localMailbox,
  localMail: (id: string) => fill(routePatterns.localMail, { id }),
  captchaChallenge: () => routePatterns.captchaChallenge,
  calendarFeed: (token: string) => fill(routePatterns.calendarFeed, { token }),
  /** PayFiP's server-to-server notification (its urlnotif). */
  onlinePaymentNotification: () => routePatterns.onlinePaymentNotification,
  /** Where PayFiP sends the family back (its urlredirect), naming the attempt. */
  onlinePaymentReturn: (attemptId: string) => withQuery(routePatterns.onlinePaymentReturn, { paiement: attemptId }),

  home: communePage(routePatterns.home),
  /** The commune's logo (public: header and mails); `version` (its last change) defeats stale copies. */
  communeLogo: (slug: string, version: Date) =>
    withQuery(fill(routePatterns.communeLogo, { commune: slug }), { v: String(version.getTime()) }),
  accessibility: communePage(routePatterns.accessibility),
  terms: communePage(routePatterns.terms),
  /** `retour`: the page to go back to once signed in. */
  login: (slug: string, retour?: string) => withQuery(fill(routePatterns.login, { commune: slug }), { retour }),
  signUp: communePage(routePatterns.signUp),
  /** The mailed activation link. */
  activation: (slug: string, token: string) =>
    withQuery(fill(routePatterns.activation, { commune: slug }), { jeton: token }),
  resendActivation: communePage(routePatterns.resendActivation),
  forgotPassword: communePage(routePatterns.forgotPassword),
  /** The mailed reset link (also an agent's invitation). */
  resetPassword: (slug: string, token: string) =>
    withQuery(fill(routePatterns.resetPassword, { commune: slug }), { jeton: token }),
  /** The page asking for the code (it sends an account that has to enrol on to the enrolment page). */
  secondFactor: (slug: string, retour?: string) =>
    withQuery(fill(routePatterns.secondFactor, { commune: slug }), { retour }),
  /** The enrolment page (QR code, first code, recovery codes). */
  secondFactorEnrolment: (slug: string, retour?: string) =>
    withQuery(fill(routePatterns.secondFactorEnrolment, { commune: slug }), { retour }),
  /** Where an account lands after logging in when it was not sent back somewhere. */
  landing: (slug: string, role: Role): string =>
    role === "family" ? routes.citizen.space(slug) : routes.agent.space(slug),
  /** Mes factures, with its filters (Nature, Année, "Factures à payer") and the household shown. */
  billing: (slug: string, query: { famille?: string; nature?: string; annee?: number; aPayer?: boolean } = {}) =>
    withQuery(fill(routePatterns.billing, { commune: slug }), {
      famille: query.famille,
      nature: query.nature,
      annee: query.annee ? String(query.annee) : undefined,
      apayer: query.aPayer ? "1" : undefined,
    }),
  /** An invoice's detail page (also the link of the invoice mails). */
  billingInvoice: (slug: string, id: string) => fill(routePatterns.billingInvoice, { commune: slug, id }),
  /** The invoice as a PDF file (a download). */
  billingInvoicePdf: (slug: string, id: string) => fill(routePatterns.billingInvoicePdf, { commune: slug, id }),
  /** Mes opérations: the ledger, newest first unless `ordre` says otherwise. */
  billingOperations: (slug: string, query: { famille?: string; ordre?: "asc" | "desc" } = {}) =>
    withQuery(fill(routePatterns.billingOperations, { commune: slug }), {
      famille: query.famille,
      ordre: query.ordre === "asc" ? "asc" : undefined,
    }),
  billingPayments: (slug: string, famille?: string) =>
    withQuery(fill(routePatterns.billingPayments, { commune: slug }), { famille }),
  /** The "Attestation de frais de garde" PDF of a year, for the household shown. */
  billingAttestation: (slug: string, year: number, famille?: string) =>
    withQuery(fill(routePatterns.billingAttestation, { commune: slug, annee: String(year) }), { famille }),
  /** The result of a card payment (PayFiP): accepted, refused, abandoned or being confirmed. */
  billingOnlinePayment: (slug: string, id: string) => fill(routePatterns.billingOnlinePayment, { commune: slug, id }),

  citizen: {
    space: communePage(routePatterns.citizenSpace),
    /** Mes abonnements, optionally told which subscription just succeeded (it shows the notice). */
    subscriptions: (slug: string, justSubscribed?: { householdId: string; alreadySubscribed: boolean }) =>
      withQuery(fill(routePatterns.subscriptions, { commune: slug }), {
        abonnement: justSubscribed?.householdId,
        deja: justSubscribed?.alreadySubscribed ? "1" : undefined,
      }),
    subscribe: communePage(routePatterns.subscribe),
    /** Mes demandes, with its filters and page ("all" states is the default, left out). */
    requests: (
      slug: string,
      filters: { famille?: string; type?: string; etat?: string; reference?: string; page?: number } = {},
    ) =>
      withQuery(fill(routePatterns.myRequests, { commune: slug }), {
        famille: filters.famille,
        type: filters.type,
        etat: filters.etat === "all" ? undefined : filters.etat,
        reference: filters.reference,
        page: pageParam(filters.page),
      }),
    request: (slug: string, id: string) => fill(routePatterns.myRequest, { commune: slug, id }),
    changePassword: communePage(routePatterns.changePassword),
    security: communePage(routePatterns.security),
  },

  family: {
    space: communePage(routePatterns.familySpace),
    file: communePage(routePatterns.familyFile),
    guardian: (slug: string, id: string) => fill(routePatterns.guardian, { commune: slug, id }),
    child: (slug: string, id: string) => fill(routePatterns.child, { commune: slug, id }),
    /** A child's photo (served to the family and the commune's agents only); `version` defeats stale copies. */
    childPhoto: (slug: string, childId: string, version?: Date | string | null) =>
      withQuery(fill(routePatterns.childPhoto, { commune: slug, id: childId }), {
        v: version ? String(new Date(version).getTime()) : undefined,
      }),
    /** The planning, for a view and date, keeping the chosen household when the account has several. */
    planning: (slug: string, query?: { vue: PlanningView | null; date: IsoDay; famille?: string }) =>
      withQuery(fill(routePatterns.planning, { commune: slug }), {
        vue: query?.vue,
        date: query?.date,
        famille: query?.famille,
      }),
    planningList: (slug: string, query: { famille?: string; enfant?: string; page?: number } = {}) =>
      withQuery(fill(routePatterns.planningList, { commune: slug }), {
        famille: query.famille,
        enfant: query.enfant,
        page: pageParam(query.page),
      }),
    bookingPeriod: (slug: string, famille?: string) =>
      withQuery(fill(routePatterns.bookingPeriod, { commune: slug }), { famille }),
    absencePeriod: (slug: string, famille?: string) =>
      withQuery(fill(routePatterns.absencePeriod, { commune: slug }), { famille }),
    calendarSync: (slug: string, famille?: string) =>
      withQuery(fill(routePatterns.calendarSync, { commune: slug }), { famille }),
    /**
     * Pièces justificatives: what the town asks of the household and of each child, and its state; `sent`: a
     * document was just handed in (the page says so).
     */
    documents: (slug: string, famille?: string, options: { sent?: boolean } = {}) =>
      withQuery(fill(routePatterns.familyDocuments, { commune: slug }), {
        famille,
        envoye: options.sent ? "1" : undefined,
      }),
    /** "Ajouter" / "Remplacer" a document of a type (for a child when the type is asked of each child). */
    depositDocument: (slug: string, choice: { type: string; enfant?: string; famille?: string }) =>
      withQuery(fill(routePatterns.depositDocument, { commune: slug }), {
        type: choice.type,
        enfant: choice.enfant,
        famille: choice.famille,
      }),
    /** A document's file, served to the household's subscribers only (a download). */
    documentFile: (slug: string, id: string) => fill(routePatterns.familyDocumentFile, { commune: slug, id }),
    /** Pré-inscription en crèche: the household's applications; `sent`: one was just sent (the page says so). */
    nursery: (slug: string, famille?: string, options: { sent?: boolean } = {}) =>
      withQuery(fill(routePatterns.familyNursery, { commune: slug }), {
        famille,
        envoyee: options.sent ? "1" : undefined,
      }),
    /** The application form; `demande`: an application to change instead of a new one. */
    newNurseryApplication: (slug: string, options: { famille?: string; demande?: string } = {}) =>
      withQuery(fill(routePatterns.newNurseryApplication, { commune: slug }), {
        famille: options.famille,
        demande: options.demande,
      }),
    nurseryApplication: (slug: string, id: string) =>
      fill(routePatterns.familyNurseryApplication, { commune: slug, id }),
    /** The pre-registration wizard: its start page, or one of its steps. */
    preRegistration: (slug: string, step?: NewFamilyStepSlug) =>
      fill(step ? preRegistrationSteps[step] : routePatterns.preRegistration, { commune: slug }),
  },

  agent: {
    space: communePage(routePatterns.agentSpace),
    activities: communePage(routePatterns.activities),
    newActivity: communePage(routePatterns.newActivity),
    closures: communePage(routePatterns.closures),
    /** `created`: the activity was just created (the page says so). */
    activity: (slug: string, id: string, options: { created?: boolean } = {}) =>
      withQuery(fill(routePatterns.activity, { commune: slug, id }), { creee: options.created ? "1" : undefined }),
    /** An activity's enrolments, with the child search and the child chosen to enrol. */
    enrolments: (slug: string, activityId: string, search: { q?: string; enfant?: string } = {}) =>
      withQuery(fill(routePatterns.enrolments, { commune: slug, id: activityId }), {
        q: search.q,
        enfant: search.enfant,
      }),
    enrolment: (slug: string, activityId: string, enrolmentId: string) =>
      fill(routePatterns.enrolment, { commune: slug, id: activityId, inscriptionId: enrolmentId }),
    /** The requests inbox, with its filters and page (pending is the default state, left out). */
    requests: (slug: string, search: { type?: string; etat?: string; q?: string; page?: number } = {}) =>
      withQuery(fill(routePatterns.agentRequests, { commune: slug }), {
        type: search.type,
        etat: search.etat === "pending" ? undefined : search.etat,
        q: search.q,
        page: pageParam(search.page),
      }),
    request: (slug: string, id: string) => fill(routePatterns.agentRequest, { commune: slug, id }),
    households: (slug: string, search: { q?: string; page?: number } = {}) =>
      withQuery(fill(routePatterns.households, { commune: slug }), { q: search.q, page: pageParam(search.page) }),
    household: (slug: string, id: string) => fill(routePatterns.household, { commune: slug, id }),
    /** The bookings inbox, on an activity (and a day). */
    bookings: (slug: string, selection: { activityId?: string; day?: IsoDay } = {}) =>
      withQuery(fill(routePatterns.bookingInbox, { commune: slug }), {
        activite: selection.activityId,
        jour: selection.day,
      }),
    staffAccounts: communePage(routePatterns.staffAccounts),
    journal: (slug: string, search: { action?: string; page?: number } = {}) =>
      withQuery(fill(routePatterns.journal, { commune: slug }), {
        action: search.action,
        page: pageParam(search.page),
      }),
    billing: communePage(routePatterns.agentBilling),
    /** The commune's invoices, with their filters and page (every state is the default, left out). */
    invoices: (slug: string, search: { q?: string; etat?: string; famille?: string; page?: number } = {}) =>
      withQuery(fill(routePatterns.agentInvoices, { commune: slug }), {
        q: search.q,
        etat: search.etat === "all" ? undefined : search.etat,
        famille: search.famille,
        page: pageParam(search.page),
      }),
    invoice: (slug: string, id: string) => fill(routePatterns.agentInvoice, { commune: slug, id }),
    /** "Enregistrer un règlement" for a household. */
    newPayment: (slug: string, householdId: string) =>
      withQuery(fill(routePatterns.newPayment, { commune: slug }), { famille: householdId }),
    treasury: communePage(routePatterns.treasury),
    /** The documents to check, oldest first (pending is the default state, left out). */
    documentQueue: (
      slug: string,
      search: { type?: string; etat?: string; page?: number; decision?: "validated" | "refused" } = {},
    ) =>
      withQuery(fill(routePatterns.documentQueue, { commune: slug }), {
        type: search.type,
        etat: search.etat === "pending" ? undefined : search.etat,
        page: pageParam(search.page),
        // `decision`: a document was just validated or refused on its review page (the queue says so).
        decision: search.decision === "validated" ? "validee" : search.decision === "refused" ? "refusee" : undefined,
      }),
    documentReview: (slug: string, id: string) => fill(routePatterns.documentReview, { commune: slug, id }),
    /** A document's file for the commune's staff; `inline`: shown in the review page's viewer, else a download. */
    documentFile: (slug: string, id: string, options: { inline?: boolean } = {}) =>
      withQuery(fill(routePatterns.agentDocumentFile, { commune: slug, id }), {
        affichage: options.inline ? "1" : undefined,
      }),
    documentSettings: communePage(routePatterns.documentSettings),
    /** Petite enfance: the applications with their filters (every state but the closed ones is the default). */
    nursery: (
      slug: string,
      search: { structure?: string; mois?: string; age?: string; garde?: string; etat?: string; page?: number } = {},
    ) =>
      withQuery(fill(routePatterns.agentNursery, { commune: slug }), {
        structure: search.structure,
        mois: search.mois,
        age: search.age,
        garde: search.garde,
        etat: search.etat,
        page: pageParam(search.page),
      }),
    nurseryApplication: (slug: string, id: string) =>
      fill(routePatterns.agentNurseryApplication, { commune: slug, id }),
    /** The commission's page; `date`: the commission date being decided. */
    nurseryCommission: (slug: string, date?: IsoDay) =>
      withQuery(fill(routePatterns.nurseryCommission, { commune: slug }), { date }),
    nurserySettings: communePage(routePatterns.nurserySettings),
    /** The commune's look and mails: logo, colour, sender, contact block (admins). */
    communeSettings: communePage(routePatterns.communeSettings),
    billingSettings: communePage(routePatterns.billingSettings),
    newRegie: communePage(routePatterns.newRegie),
    /** `created`: the régie was just created (the page says so). */
    regie: (slug: string, id: string, options: { created?: boolean } = {}) =>
      withQuery(fill(routePatterns.regie, { commune: slug, id }), { creee: options.created ? "1" : undefined }),
    /** An activity's nature and tariffs; `from`: the tariff of that date is put in the form to be corrected. */
    activityBilling: (slug: string, id: string, options: { from?: IsoDay } = {}) =>
      withQuery(fill(routePatterns.activityBilling, { commune: slug, id }), { depuis: options.from }),
    billingExports: communePage(routePatterns.billingExports),
    /** A run's invoice lines as CSV for the accounting software. */
    runAccountingCsv: (slug: string, runId: string) =>
      fill(routePatterns.runAccountingCsv, { commune: slug, id: runId }),
    /** A run's direct-debit batch as CSV (whole IBANs: each download is audited). */
    runDirectDebitCsv: (slug: string, runId: string) =>
      fill(routePatterns.runDirectDebitCsv, { commune: slug, id: runId }),
    /** "Émission des factures": a régie's monthly run, for a month ("2027-01"), at a page of its households. */
    billingRunEmission: (slug: string, choice: { regie?: string; mois?: string; page?: number } = {}) =>
      withQuery(fill(routePatterns.billingRunEmission, { commune: slug }), {
        regie: choice.regie,
        mois: choice.mois,
        page: pageParam(choice.page),
      }),
    /** "Paiements en ligne": the PayFiP attempts, with their filters and page (every state is the default, left out). */
    onlinePayments: (
      slug: string,
      search: { etat?: string; signales?: boolean; du?: IsoDay; au?: IsoDay; q?: string; page?: number } = {},
    ) =>
      withQuery(fill(routePatterns.agentOnlinePayments, { commune: slug }), {
        etat: search.etat === "all" ? undefined : search.etat,
        signales: search.signales ? "1" : undefined,
        du: search.du,
        au: search.au,
        q: search.q,
        page: pageParam(search.page),
      }),
  },
};
