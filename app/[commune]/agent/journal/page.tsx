import type { Metadata } from "next";
import { AuditTable } from "@/components/agent/audit/audit-table";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { SearchForm } from "@/components/ui/search-form";
import { listCommuneAudit } from "@/lib/agents/audit-read";
import { AUDIT_ACTION_LABELS } from "@/lib/agents/audit-read-labels";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { journalSearchParams } from "./search-params";

type Props = {
  params: Promise<{ commune: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Journal des actions" };

/** Admins only: who did what and when in the commune (decisions, file changes, health-data reads, accounts). */
export default async function AuditJournalPage({ params, searchParams }: Props) {
  const { commune: slug } = await params;
  const { commune } = await requireUser(slug, { roles: ["admin"], returnTo: routes.agent.journal(slug) });
  const search = journalSearchParams.parse(await searchParams);
  const journal = await listCommuneAudit(await getDb(), {
    communeId: commune.id,
    action: search.action,
    page: search.page,
  });
  const pageText = journal.pageCount > 1 ? ` – page ${journal.page} sur ${journal.pageCount}` : "";

  return (
    <>
      <Breadcrumbs items={breadcrumbs.agentSpace(slug, "Journal des actions")} />
      <h1>Journal des actions</h1>
      <SearchForm label="Filtrer le journal" submitLabel="Filtrer">
        <div className="field">
          <label htmlFor="filtre-action">Action</label>
          <select id="filtre-action" name="action" defaultValue={search.action ?? ""}>
            <option value="">Toutes les actions</option>
            {Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>

      {journal.total === 0 ? (
        <p role="status">Aucune action enregistrée.</p>
      ) : (
        <AuditTable
          rows={journal.rows}
          caption={`Actions enregistrées pour ${commune.name} (${journal.total} au total)${pageText}`}
        />
      )}

      {journal.pageCount > 1 ? (
        <nav aria-label="Pagination du journal" className="button-row">
          {journal.page > 1 ? (
            <Link href={routes.agent.journal(slug, { ...search, page: journal.page - 1 })}>Page précédente</Link>
          ) : null}
          {journal.page < journal.pageCount ? (
            <Link href={routes.agent.journal(slug, { ...search, page: journal.page + 1 })}>Page suivante</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
