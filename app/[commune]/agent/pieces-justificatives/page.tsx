import type { Metadata } from "next";
import { DocumentQueue, type QueueViewRow } from "@/components/agent/documents/document-queue";
import { documentStateLabel } from "@/components/agent/documents/document-state-text";
import { describeFormat } from "@/components/agent/documents/document-viewer";
import styles from "@/components/agent/requests/requests.module.css";
import { Pager } from "@/components/requests/pager";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { SearchForm } from "@/components/ui/search-form";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { todayInParis } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { DOCUMENT_QUEUE_PAGE_SIZE, listDocumentQueue } from "@/lib/documents/queue";
import { listDocumentTypes } from "@/lib/documents/types";
import { formatDateTime } from "@/lib/format";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { validateDocumentsAction } from "./actions";
import { QUEUE_STATE_FILTERS, queueSearchParams } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Pièces justificatives à vérifier" };

const DECISION_NOTICES = {
  validee: "La pièce a été validée.",
  refusee: "La pièce a été refusée : la famille est prévenue par mail, avec le motif.",
} as const;

/** The documents families handed in, oldest first, filtered by type and state; validated one by one or by selection. */
export default async function DocumentQueuePage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.documentQueue(slug) });
  const search = queueSearchParams.parse(await searchParams);
  const db = await getDb();
  const [types, result] = await Promise.all([
    listDocumentTypes(db, { communeId: commune.id, includeInactive: true }),
    listDocumentQueue(db, { communeId: commune.id, state: search.etat, typeId: search.type, page: search.page }),
  ]);
  const today = todayInParis();
  const pageCount = Math.max(1, Math.ceil(result.total / DOCUMENT_QUEUE_PAGE_SIZE));
  const rows: QueueViewRow[] = result.rows.map((row) => ({
    id: row.id,
    href: routes.agent.documentReview(slug, row.id),
    typeLabel: row.typeLabel,
    householdName: row.householdName,
    householdHref: row.householdId ? routes.agent.household(slug, row.householdId) : null,
    childName: row.childName,
    createdAt: formatDateTime(row.createdAt),
    format: describeFormat(row.mediaType, row.pageCount),
    stateLabel: documentStateLabel({ state: row.state, expiresOn: null }, today),
    requestHref: row.requestId ? routes.agent.request(slug, row.requestId) : null,
    pending: row.state === "pending",
  }));
  const filters = { type: search.type, etat: search.etat };
  const pageText = pageCount > 1 ? ` – page ${search.page} sur ${pageCount}` : "";
  const caption = `Pièces ${QUEUE_STATE_FILTERS[search.etat].toLowerCase()}, les plus anciennes d'abord (${result.total} au total)${pageText}`;

  return (
    <>
      <Breadcrumbs items={breadcrumbs.documentQueue(slug)} />
      <h1>Pièces justificatives à vérifier</h1>
      {search.decision ? (
        <p className="notice notice--success" role="status">
          {DECISION_NOTICES[search.decision]}
        </p>
      ) : null}
      <p>
        <Link href={routes.agent.documentSettings(slug)}>Paramètres des pièces justificatives</Link>
      </p>
      <SearchForm
        label="Filtrer les pièces"
        submitLabel="Filtrer"
        className={`form ${styles.filters}`}
        after={<Link href={routes.agent.documentQueue(slug)}>Réinitialiser les filtres</Link>}
      >
        <div className="field">
          <label htmlFor="filtre-type">Type de pièce</label>
          <select id="filtre-type" name="type" defaultValue={search.type ?? ""}>
            <option value="">Tous les types</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filtre-etat">État</label>
          <select id="filtre-etat" name="etat" defaultValue={search.etat}>
            {Object.entries(QUEUE_STATE_FILTERS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>

      <DocumentQueue
        key={`${search.etat}-${search.type ?? ""}-${search.page}`}
        action={validateDocumentsAction.bind(null, slug)}
        rows={rows}
        caption={caption}
        empty={
          result.total === 0 ? (
            <p role="status">
              {search.etat === "pending" ? "Aucune pièce à vérifier." : "Aucune pièce ne correspond à ces critères."}
            </p>
          ) : (
            <p role="status">
              Cette page est vide.{" "}
              <Link href={routes.agent.documentQueue(slug, { ...filters, page: 1 })}>Revenir à la première page</Link>
            </p>
          )
        }
      />

      {pageCount > 1 ? (
        <Pager
          page={search.page}
          pageCount={pageCount}
          href={(page) => routes.agent.documentQueue(slug, { ...filters, page })}
        />
      ) : null}
    </>
  );
}
