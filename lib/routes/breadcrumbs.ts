import { routes } from "./paths";

export type Crumb = { label: string; href?: string };

/*
 * The breadcrumb trails, with the guides' labels. Each gives the trail down to a page of the portal, then, when
 * given, the label of the current page below it; the last crumb is shown as the current page.
 */

type Trail = (slug: string) => Crumb[];

/** The trail one step below `parent`, to the page `href` builds. */
const under =
  (parent: Trail, label: string, href: (slug: string) => string): Trail =>
  (slug) => [...parent(slug), { label, href: href(slug) }];

const below = (trail: Crumb[], current: string | undefined): Crumb[] =>
  current === undefined ? trail : [...trail, { label: current }];

/** A trail as pages take it: with the current page's label, or ending on the trail's own page. */
const trail = (to: Trail) => (slug: string, current?: string) => below(to(slug), current);

const home: Trail = (slug) => [{ label: "Accueil", href: routes.home(slug) }];
const citizenSpace = under(home, "Mon espace citoyen", routes.citizen.space);
const familySpace = under(home, "Espace famille", routes.family.space);
const billing = under(home, "Espace facturation", routes.billing);
const agentSpace = under(home, "Espace agent", routes.agent.space);
const activities = under(agentSpace, "Activités", routes.agent.activities);
const agentBilling = under(agentSpace, "Facturation", routes.agent.billing);
const billingSettings = under(agentBilling, "Paramètres", routes.agent.billingSettings);
const documentQueue = under(agentSpace, "Pièces justificatives", (slug) => routes.agent.documentQueue(slug));
const agentNursery = under(agentSpace, "Petite enfance", (slug) => routes.agent.nursery(slug));

export const breadcrumbs = {
  home: trail(home),
  login: trail(under(home, "Connexion", routes.login)),

  citizenSpace: trail(citizenSpace),
  subscriptions: trail(under(citizenSpace, "Mes abonnements", routes.citizen.subscriptions)),
  myRequests: trail(under(citizenSpace, "Mes demandes", routes.citizen.requests)),

  /** Espace facturation's pages (Mes factures is the space itself). */
  billing: trail(billing),
  /** A page about one invoice (its online payment), below the invoice. */
  billingInvoice: (slug: string, invoice: { id: string; reference: string }, current?: string) =>
    below(
      [...billing(slug), { label: `Facture ${invoice.reference}`, href: routes.billingInvoice(slug, invoice.id) }],
      current,
    ),

  familySpace: trail(familySpace),
  familyFile: trail(under(familySpace, "Dossier famille", routes.family.file)),
  /** The planning's other pages (the planning itself is "Planning des activités", below Espace famille). */
  planning: trail(under(familySpace, "Planning", routes.family.planning)),
  preRegistration: trail(under(familySpace, "Pré-inscription", routes.family.preRegistration)),

  agentSpace: trail(agentSpace),
  activities: trail(activities),
  /** An activity's enrolments, below the activity. */
  enrolments: (slug: string, activity: { id: string; label: string }, current?: string) =>
    below(
      [
        ...activities(slug),
        { label: activity.label, href: routes.agent.activity(slug, activity.id) },
        { label: "Inscriptions", href: routes.agent.enrolments(slug, activity.id) },
      ],
      current,
    ),
  agentRequests: trail(under(agentSpace, "Demandes", routes.agent.requests)),
  households: trail(under(agentSpace, "Familles", routes.agent.households)),
  bookings: trail(under(agentSpace, "Réservations et absences", routes.agent.bookings)),
  /** The agents' billing pages (Trésorerie, Enregistrer un règlement…), below "Facturation". */
  agentBilling: trail(agentBilling),
  agentInvoices: trail(under(agentBilling, "Factures", routes.agent.invoices)),
  billingSettings: trail(billingSettings),
  billingExports: trail(under(agentBilling, "Exports", routes.agent.billingExports)),
  /** Espace famille › Pièces justificatives, and its deposit page below it. */
  familyDocuments: trail(under(familySpace, "Pièces justificatives", (slug) => routes.family.documents(slug))),
  /** The agents' document pages: the queue, a document's review page (its label as current), the settings. */
  documentQueue: trail(documentQueue),
  /** Pré-inscription en crèche: the family's pages (an application's reference as current) and the agents'. */
  familyNursery: trail(under(familySpace, "Pré-inscription en crèche", (slug) => routes.family.nursery(slug))),
  agentNursery: trail(agentNursery),
  nurseryCommission: trail(under(agentNursery, "Commission", (slug) => routes.agent.nurseryCommission(slug))),
  nurserySettings: trail(under(agentNursery, "Paramètres", routes.agent.nurserySettings)),
  documentSettings: trail(under(documentQueue, "Paramètres", routes.agent.documentSettings)),
  communeSettings: trail(under(agentSpace, "Identité de la commune", routes.agent.communeSettings)),
};
