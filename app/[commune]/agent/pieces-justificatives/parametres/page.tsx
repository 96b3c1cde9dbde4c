import type { Metadata } from "next";
import { DocumentSettingsForm } from "@/components/agent/documents/document-settings-form";
import { DocumentTypeForm } from "@/components/agent/documents/document-type-form";
import styles from "@/components/agent/documents/documents.module.css";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { DataTable } from "@/components/ui/data-table";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DOCUMENT_AUDIENCE_LABELS } from "@/lib/documents/labels";
import { listDocumentTypes, readDocumentSettings } from "@/lib/documents/types";
import { requestTypeLabel } from "@/lib/requests/types";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { saveDocumentSettingsAction, saveDocumentTypeAction } from "../actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "Paramètres des pièces justificatives" };

const months = (n: number) => `${n} mois`;

/**
 * The commune's document types (who must provide them, validity) and how long a closed household's documents are
 * kept. Every agent reads them; admins change them, as the town's rules (like the billing settings' régies).
 */
export default async function DocumentSettingsPage({ params }: Props) {
  const { commune: slug } = await params;
  const { commune, user } = await requireUser(slug, {
    roles: staffRoles,
    returnTo: routes.agent.documentSettings(slug),
  });
  const db = await getDb();
  const [types, settings] = await Promise.all([
    listDocumentTypes(db, { communeId: commune.id, includeInactive: true }),
    readDocumentSettings(db, { communeId: commune.id }),
  ]);
  const isAdmin = user.role === "admin";
  const saveType = saveDocumentTypeAction.bind(null, slug);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.documentSettings(slug)} />
      <h1>Paramètres des pièces justificatives</h1>
      {isAdmin ? null : <p>Les types de pièces et la durée de conservation sont modifiés par un administrateur.</p>}

      <h2>Types de pièces</h2>
      {types.length === 0 ? <p>Aucun type de pièce n&apos;est paramétré.</p> : null}
      {isAdmin ? (
        <ul className={styles.typeList}>
          {types.map((type) => (
            <li key={type.id} className="card">
              <h3>
                {type.label}
                {type.active ? "" : " (inactive)"}
              </h3>
              <DocumentTypeForm
                action={saveType}
                type={{
                  id: type.id,
                  label: type.label,
                  description: type.description,
                  audience: type.audience,
                  requestType: type.requestType,
                  required: type.required,
                  validityMonths: type.validityMonths,
                  isHealth: type.isHealth,
                  active: type.active,
                }}
              />
            </li>
          ))}
        </ul>
      ) : types.length > 0 ? (
        <DataTable
          caption="Types de pièces de la commune"
          hiddenCaption
          rows={types}
          columns={[
            { header: "Pièce", rowHeader: true, cell: (t) => t.label },
            {
              header: "Qui la fournit",
              cell: (t) =>
                t.audience === "request" && t.requestType
                  ? `${DOCUMENT_AUDIENCE_LABELS.request} : ${requestTypeLabel(t.requestType)}`
                  : DOCUMENT_AUDIENCE_LABELS[t.audience],
            },
            { header: "Obligatoire", cell: (t) => (t.required ? "Oui" : "Non") },
            { header: "Validité", cell: (t) => (t.validityMonths ? months(t.validityMonths) : "Sans expiration") },
            { header: "Donnée de santé", cell: (t) => (t.isHealth ? "Oui" : "Non") },
            { header: "Active", cell: (t) => (t.active ? "Oui" : "Non") },
          ]}
        />
      ) : null}

      {isAdmin ? (
        <>
          <h2>Ajouter un type de pièce</h2>
          <DocumentTypeForm action={saveType} />
        </>
      ) : null}

      <h2>Conservation</h2>
      {isAdmin ? (
        <DocumentSettingsForm
          action={saveDocumentSettingsAction.bind(null, slug)}
          retentionMonths={settings.retentionMonths}
        />
      ) : (
        <p>
          Les pièces d&apos;un dossier clôturé sont conservées {months(settings.retentionMonths)} après sa clôture, puis
          supprimées.
        </p>
      )}
    </>
  );
}
