import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { NEW_FAMILY_STEPS } from "@/lib/new-family/schemas";
import { breadcrumbs, type Crumb } from "./breadcrumbs";
import { routePatterns, routes } from "./paths";

const root = fileURLToPath(new URL("../..", import.meta.url));
const appDir = join(root, "app");

/** The route pattern of every page.tsx (or route.ts) under app/, private `_folders` left out as Next does. */
function appRoutes(file: "page.tsx" | "route.ts"): string[] {
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.split(sep).at(-1) === file)
    .map((path) => path.split(sep).slice(0, -1))
    .filter((segments) => !segments.some((segment) => segment.startsWith("_")))
    .map((segments) => `/${segments.join("/")}`);
}

const pages = appRoutes("page.tsx");
const handlers = appRoutes("route.ts");

/** The page or handler of app/ that serves this path, static segments first as Next matches them. */
function servedBy(path: string): string | undefined {
  const { pathname } = new URL(path, "http://portail.invalid");
  const wanted = pathname.split("/").slice(1).filter(Boolean);
  const score = (pattern: string) => {
    const segments = pattern.split("/").slice(1).filter(Boolean);
    if (segments.length !== wanted.length) return null;
    let rank = "";
    for (const [index, segment] of segments.entries()) {
      if (segment === wanted[index]) rank += "1";
      else if (segment.startsWith("[")) rank += "0";
      else return null;
    }
    return rank;
  };
  const ranked = [...pages, ...handlers].flatMap((pattern) => {
    const rank = score(pattern);
    return rank === null ? [] : [{ pattern, rank }];
  });
  return ranked.sort((a, b) => b.rank.localeCompare(a.rank))[0]?.pattern;
}

const slug = "demo";
const id = "0b7f2a4e-3c1d-4e5f-8a9b-0c1d2e3f4a5b";
const otherId = "6c2d9e8f-1a2b-4c3d-9e8f-7a6b5c4d3e2f";

/** At least one path from every builder of the map: a builder added without one here does not compile. */
type Built<T> = { [K in keyof T]: T[K] extends (...args: never[]) => string ? string[] : Built<T[K]> };
const built: Built<typeof routes> = {
  communes: [routes.communes()],
  localMailbox: [routes.localMailbox()],
  localMail: [routes.localMail(id)],
  captchaChallenge: [routes.captchaChallenge()],
  calendarFeed: [routes.calendarFeed("AbC_dEf-123")],
  onlinePaymentNotification: [routes.onlinePaymentNotification()],
  onlinePaymentReturn: [routes.onlinePaymentReturn(id)],
  home: [routes.home(slug)],
  communeLogo: [routes.communeLogo(slug, new Date("2027-01-11T07:00:00Z"))],
  accessibility: [routes.accessibility(slug)],
  terms: [routes.terms(slug)],
  login: [routes.login(slug), routes.login(slug, "/demo/agent")],
  signUp: [routes.signUp(slug)],
  activation: [routes.activation(slug, "jeton")],
  resendActivation: [routes.resendActivation(slug)],
  forgotPassword: [routes.forgotPassword(slug)],
  resetPassword: [routes.resetPassword(slug, "jeton")],
  secondFactor: [routes.secondFactor(slug), routes.secondFactor(slug, "/demo/agent")],
  secondFactorEnrolment: [routes.secondFactorEnrolment(slug, "/demo/agent")],
  landing: [routes.landing(slug, "family"), routes.landing(slug, "agent")],
  billing: [routes.billing(slug), routes.billing(slug, { famille: id, nature: otherId, annee: 2027, aPayer: true })],
  billingInvoice: [routes.billingInvoice(slug, id)],
  billingInvoicePdf: [routes.billingInvoicePdf(slug, id)],
  billingOperations: [routes.billingOperations(slug), routes.billingOperations(slug, { famille: id, ordre: "asc" })],
  billingPayments: [routes.billingPayments(slug), routes.billingPayments(slug, id)],
  billingAttestation: [routes.billingAttestation(slug, 2026), routes.billingAttestation(slug, 2026, id)],
  billingOnlinePayment: [routes.billingOnlinePayment(slug, id)],
  citizen: {
    space: [routes.citizen.space(slug)],
    subscriptions: [
      routes.citizen.subscriptions(slug),
      routes.citizen.subscriptions(slug, { householdId: id, alreadySubscribed: true }),
    ],
    subscribe: [routes.citizen.subscribe(slug)],
    requests: [routes.citizen.requests(slug), routes.citizen.requests(slug, { etat: "pending", page: 2 })],
    request: [routes.citizen.request(slug, id)],
    changePassword: [routes.citizen.changePassword(slug)],
    security: [routes.citizen.security(slug)],
  },
  family: {
    space: [routes.family.space(slug)],
    file: [routes.family.file(slug)],
    guardian: [routes.family.guardian(slug, id)],
    child: [routes.family.child(slug, id)],
    childPhoto: [routes.family.childPhoto(slug, id), routes.family.childPhoto(slug, id, new Date())],
    planning: [routes.family.planning(slug), routes.family.planning(slug, { vue: "mois", date: "2026-12-03" })],
    planningList: [routes.family.planningList(slug, { famille: id, enfant: otherId, page: 3 })],
    bookingPeriod: [routes.family.bookingPeriod(slug, id)],
    absencePeriod: [routes.family.absencePeriod(slug)],
    calendarSync: [routes.family.calendarSync(slug, id)],
    documents: [
      routes.family.documents(slug),
      routes.family.documents(slug, id),
      routes.family.documents(slug, undefined, { sent: true }),
    ],
    depositDocument: [routes.family.depositDocument(slug, { type: id, enfant: otherId, famille: id })],
    documentFile: [routes.family.documentFile(slug, id)],
    nursery: [routes.family.nursery(slug), routes.family.nursery(slug, id, { sent: true })],
    newNurseryApplication: [
      routes.family.newNurseryApplication(slug),
      routes.family.newNurseryApplication(slug, { famille: id, demande: otherId }),
    ],
    nurseryApplication: [routes.family.nurseryApplication(slug, id)],
    preRegistration: [
      routes.family.preRegistration(slug),
      ...NEW_FAMILY_STEPS.map((step) => routes.family.preRegistration(slug, step.slug)),
    ],
  },
  agent: {
    space: [routes.agent.space(slug)],
    activities: [routes.agent.activities(slug)],
    newActivity: [routes.agent.newActivity(slug)],
    closures: [routes.agent.closures(slug)],
    activity: [routes.agent.activity(slug, id, { created: true })],
    enrolments: [routes.agent.enrolments(slug, id, { q: "Martin", enfant: otherId })],
    enrolment: [routes.agent.enrolment(slug, id, otherId)],
    requests: [routes.agent.requests(slug, { type: "booking", etat: "all", q: "Martin", page: 2 })],
    request: [routes.agent.request(slug, id)],
    households: [routes.agent.households(slug, { q: "Martin", page: 2 })],
    household: [routes.agent.household(slug, id)],
    bookings: [routes.agent.bookings(slug, { activityId: id, day: "2026-12-03" })],
    staffAccounts: [routes.agent.staffAccounts(slug)],
    journal: [routes.agent.journal(slug, { action: "login", page: 2 })],
    billing: [routes.agent.billing(slug)],
    invoices: [
      routes.agent.invoices(slug),
      routes.agent.invoices(slug, { q: "F2027", etat: "open", famille: id, page: 2 }),
    ],
    invoice: [routes.agent.invoice(slug, id)],
    newPayment: [routes.agent.newPayment(slug, id)],
    treasury: [routes.agent.treasury(slug)],
    documentQueue: [
      routes.agent.documentQueue(slug),
      routes.agent.documentQueue(slug, { type: id, etat: "all", page: 2 }),
      routes.agent.documentQueue(slug, { decision: "refused" }),
    ],
    documentReview: [routes.agent.documentReview(slug, id)],
    documentFile: [routes.agent.documentFile(slug, id), routes.agent.documentFile(slug, id, { inline: true })],
    documentSettings: [routes.agent.documentSettings(slug)],
    nursery: [
      routes.agent.nursery(slug),
      routes.agent.nursery(slug, {
        structure: id,
        mois: "2027-09",
        age: "bebes",
        garde: "regulier",
        etat: "all",
        page: 2,
      }),
    ],
    nurseryApplication: [routes.agent.nurseryApplication(slug, id)],
    nurseryCommission: [routes.agent.nurseryCommission(slug), routes.agent.nurseryCommission(slug, "2027-03-15")],
    nurserySettings: [routes.agent.nurserySettings(slug)],
    communeSettings: [routes.agent.communeSettings(slug)],
    billingSettings: [routes.agent.billingSettings(slug)],
    newRegie: [routes.agent.newRegie(slug)],
    regie: [routes.agent.regie(slug, id), routes.agent.regie(slug, id, { created: true })],
    activityBilling: [routes.agent.activityBilling(slug, id, { from: "2026-09-01" })],
    billingExports: [routes.agent.billingExports(slug)],
    runAccountingCsv: [routes.agent.runAccountingCsv(slug, id)],
    runDirectDebitCsv: [routes.agent.runDirectDebitCsv(slug, id)],
    billingRunEmission: [
      routes.agent.billingRunEmission(slug),
      routes.agent.billingRunEmission(slug, { regie: id, mois: "2027-01", page: 2 }),
    ],
    onlinePayments: [
      routes.agent.onlinePayments(slug),
      routes.agent.onlinePayments(slug, {
        etat: "paid",
        signales: true,
        du: "2027-01-01",
        au: "2027-01-31",
        q: "MARTIN",
        page: 2,
      }),
    ],
  },
};

const flatten = (tree: object): string[] =>
  Object.values(tree).flatMap((value: string[] | object) => (Array.isArray(value) ? value : flatten(value)));

const activity = { id, label: "Cantine – École Jules Ferry" };
const trails: Record<keyof typeof breadcrumbs, Crumb[]> = {
  home: breadcrumbs.home(slug, "Accessibilité"),
  login: breadcrumbs.login(slug, "Mot de passe oublié"),
  citizenSpace: breadcrumbs.citizenSpace(slug, "Sécurité"),
  subscriptions: breadcrumbs.subscriptions(slug, "M'abonner"),
  myRequests: breadcrumbs.myRequests(slug, "Demande D-2026-0001"),
  familySpace: breadcrumbs.familySpace(slug, "Planning des activités"),
  billing: breadcrumbs.billing(slug, "Mes opérations"),
  billingInvoice: breadcrumbs.billingInvoice(slug, { id, reference: "F2027-000001" }, "Paiement en ligne"),
  familyFile: breadcrumbs.familyFile(slug, "Léa Martin"),
  planning: breadcrumbs.planning(slug, "Liste"),
  preRegistration: breadcrumbs.preRegistration(slug, "Ma famille"),
  agentSpace: breadcrumbs.agentSpace(slug, "Journal des actions"),
  activities: breadcrumbs.activities(slug, "Jours de fermeture"),
  enrolments: breadcrumbs.enrolments(slug, activity, "Léa Martin"),
  agentRequests: breadcrumbs.agentRequests(slug, "D-2026-0001"),
  households: breadcrumbs.households(slug, "Famille Martin"),
  bookings: breadcrumbs.bookings(slug),
  agentBilling: breadcrumbs.agentBilling(slug, "Trésorerie"),
  agentInvoices: breadcrumbs.agentInvoices(slug, "Facture F2027-000001"),
  billingSettings: breadcrumbs.billingSettings(slug, "Régie enfance jeunesse"),
  billingExports: breadcrumbs.billingExports(slug),
  familyDocuments: breadcrumbs.familyDocuments(slug, "Déposer une pièce justificative"),
  documentQueue: breadcrumbs.documentQueue(slug, "RIB"),
  documentSettings: breadcrumbs.documentSettings(slug),
  familyNursery: breadcrumbs.familyNursery(slug, "Demande D2027-000042"),
  agentNursery: breadcrumbs.agentNursery(slug, "Demande D2027-000042"),
  nurseryCommission: breadcrumbs.nurseryCommission(slug),
  nurserySettings: breadcrumbs.nurserySettings(slug),
  communeSettings: breadcrumbs.communeSettings(slug),
};

describe("the route map", () => {
  it("names only pages and route handlers that app/ has", () => {
    const missing = Object.values(routePatterns).filter((p) => !pages.includes(p) && !handlers.includes(p));
    expect(missing).toEqual([]);
  });

  it("has every page of app/", () => {
    const patterns: string[] = Object.values(routePatterns);
    expect(pages.filter((page) => !patterns.includes(page))).toEqual([]);
  });

  it("builds paths that app/ serves", () => {
    const paths = flatten(built);
    expect(paths.filter((path) => servedBy(path) === undefined)).toEqual([]);
    expect(servedBy(routes.agent.newActivity(slug))).toBe(routePatterns.newActivity);
    expect(servedBy(routes.family.childPhoto(slug, id, new Date()))).toBe(routePatterns.childPhoto);
  });

  it("builds the breadcrumb trails from pages that app/ serves", () => {
    const hrefs = Object.values(trails).flatMap((trail) => trail.flatMap((crumb) => crumb.href ?? []));
    expect(hrefs.filter((href) => servedBy(href) === undefined)).toEqual([]);
  });

  it("is what revalidatePath takes: every call names a pattern of the map", () => {
    const sources = ["app", "components", "lib"].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
        .map((path) => join(dir, path)),
    );
    const calls = sources.flatMap((path) =>
      [...readFileSync(join(root, path), "utf8").matchAll(/revalidatePath\(([^)]*)\)/g)].map((match) => ({
        at: path,
        args: match[1]!,
      })),
    );
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter((call) => !/^routePatterns\.\w+, "(page|layout)"$/.test(call.args))).toEqual([]);
  });
});

describe("paths", () => {
  it("sends families to their espace and staff to the agents' one", () => {
    expect(routes.landing(slug, "family")).toBe("/demo/mon-espace-citoyen");
    expect(routes.landing(slug, "agent")).toBe("/demo/agent");
    expect(routes.landing(slug, "admin")).toBe("/demo/agent");
  });

  it("carries the page to go back to, encoded", () => {
    expect(routes.login(slug, "/demo/agent/demandes?q=a b")).toBe(
      "/demo/connexion?retour=%2Fdemo%2Fagent%2Fdemandes%3Fq%3Da+b",
    );
    expect(routes.secondFactor(slug, "/demo/agent")).toBe("/demo/double-authentification?retour=%2Fdemo%2Fagent");
    expect(routes.login(slug)).toBe("/demo/connexion");
  });

  it("builds the planning's addresses for a view and date", () => {
    expect(routes.family.planning(slug, { vue: "jour", date: "2026-12-03" })).toBe(
      "/demo/espace-famille/planning?vue=jour&date=2026-12-03",
    );
    expect(routes.family.planning(slug, { vue: null, date: "2026-12-03", famille: "f" })).toBe(
      "/demo/espace-famille/planning?date=2026-12-03&famille=f",
    );
    expect(routes.family.bookingPeriod(slug, "f")).toBe("/demo/espace-famille/planning/reservation?famille=f");
  });

  it("leaves defaults out of the lists' addresses", () => {
    expect(routes.citizen.requests(slug, { etat: "all", page: 1 })).toBe("/demo/mon-espace-citoyen/mes-demandes");
    expect(
      routes.citizen.requests(slug, { famille: "f", type: "booking", etat: "pending", reference: "R", page: 2 }),
    ).toBe("/demo/mon-espace-citoyen/mes-demandes?famille=f&type=booking&etat=pending&reference=R&page=2");
    expect(routes.agent.requests(slug, { etat: "pending", q: "", page: 1 })).toBe("/demo/agent/demandes");
    expect(routes.agent.requests(slug, { etat: "all", page: 3 })).toBe("/demo/agent/demandes?etat=all&page=3");
    expect(routes.family.planningList(slug, { page: 1 })).toBe("/demo/espace-famille/planning/liste");
  });

  it("names the subscription that just succeeded", () => {
    expect(routes.citizen.subscriptions(slug, { householdId: "h", alreadySubscribed: false })).toBe(
      "/demo/mon-espace-citoyen/abonnements?abonnement=h",
    );
    expect(routes.citizen.subscriptions(slug, { householdId: "h", alreadySubscribed: true })).toBe(
      "/demo/mon-espace-citoyen/abonnements?abonnement=h&deja=1",
    );
  });

  it("versions a child's photo by its last change", () => {
    expect(routes.family.childPhoto(slug, "c", "2026-12-03T10:00:00.000Z")).toBe(
      "/demo/espace-famille/dossier/enfants/c/photo?v=1796292000000",
    );
    expect(routes.family.childPhoto(slug, "c", null)).toBe("/demo/espace-famille/dossier/enfants/c/photo");
  });

  it("names the online payment attempt in PayFiP's return address", () => {
    expect(routes.onlinePaymentReturn(id)).toBe(`/api/paiement-en-ligne/retour?paiement=${id}`);
    expect(routes.billingOnlinePayment(slug, id)).toBe(`/demo/espace-facturation/paiements/${id}`);
  });
});

describe("breadcrumbs", () => {
  it("spells the guides' trails, the current page last", () => {
    expect(trails.enrolments).toEqual([
      { label: "Accueil", href: "/demo" },
      { label: "Espace agent", href: "/demo/agent" },
      { label: "Activités", href: "/demo/agent/activites" },
      { label: activity.label, href: `/demo/agent/activites/${id}` },
      { label: "Inscriptions", href: `/demo/agent/activites/${id}/inscriptions` },
      { label: "Léa Martin" },
    ]);
    expect(breadcrumbs.planning(slug, "Liste").map((crumb) => crumb.label)).toEqual([
      "Accueil",
      "Espace famille",
      "Planning",
      "Liste",
    ]);
    expect(trails.billingSettings.map((crumb) => crumb.href ?? crumb.label)).toEqual([
      "/demo",
      "/demo/agent",
      "/demo/agent/facturation",
      "/demo/agent/facturation/parametres",
      "Régie enfance jeunesse",
    ]);
    expect(breadcrumbs.agentBilling(slug).map((crumb) => crumb.label)).toEqual([
      "Accueil",
      "Espace agent",
      "Facturation",
    ]);
    expect(trails.billingInvoice.map((crumb) => crumb.href ?? crumb.label)).toEqual([
      "/demo",
      "/demo/espace-facturation",
      `/demo/espace-facturation/factures/${id}`,
      "Paiement en ligne",
    ]);
    expect(trails.billingInvoice[2]!.label).toBe("Facture F2027-000001");
    expect(breadcrumbs.myRequests(slug).at(-1)).toEqual({
      label: "Mes demandes",
      href: "/demo/mon-espace-citoyen/mes-demandes",
    });
  });
});
