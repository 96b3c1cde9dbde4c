import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AuditTable } from "@/components/agent/audit/audit-table";
import { HouseholdQuotientForm } from "@/components/agent/audit/household-quotient-form";
import { RegenerateCodeDialog } from "@/components/agent/regenerate-code-dialog";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { TableWrap } from "@/components/ui/table-wrap";
import { listHouseholdAudit } from "@/lib/agents/audit-read";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listHouseholdPhotoVersions } from "@/lib/family-file/photo-store";
import { formatDate } from "@/lib/format";
import { findHouseholdDetail } from "@/lib/households/household-detail";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { civilityLabels } from "@/lib/validation/fields";

type Props = { params: Promise<{ commune: string; id: string }> };

export const metadata: Metadata = { title: "Dossier famille" };

const subscriptionMethodLabels = { subscriber_code: "Code abonné", invoice: "Facture", agent: "Par un agent" } as const;

/** A household of this commune for the agents; an id of another commune (or not an id) is a 404. */
export default async function HouseholdPage({ params }: Props) {
  const { commune: slug, id } = await params;
  const { commune } = await requireUser(slug, { roles: staffRoles, returnTo: routes.agent.households(slug) });
  const householdId = z.uuid().safeParse(id);
  if (!householdId.success) notFound();
  const household = await findHouseholdDetail(await getDb(), { communeId: commune.id, householdId: householdId.data });
  if (!household) notFound();
  const history = await listHouseholdAudit(await getDb(), { communeId: commune.id, householdId: household.id });
  const photos = await listHouseholdPhotoVersions(await getDb(), { communeId: commune.id, householdId: household.id });

  return (
    <>
      <Breadcrumbs items={breadcrumbs.households(slug, `Famille ${household.name}`)} />
      <h1>Famille {household.name}</h1>

      <section className="card" aria-labelledby="code-abonne">
        <h2 id="code-abonne">Code abonné</h2>
        <p>
          <span className="code">{household.subscriberCode}</span>
        </p>
        <p>Quotient familial : {household.familyQuotient ?? "non renseigné"}</p>
        <RegenerateCodeDialog slug={slug} householdId={household.id} householdName={household.name} />
      </section>

      <HouseholdQuotientForm slug={slug} householdId={household.id} familyQuotient={household.familyQuotient} />

      <h2>Responsables</h2>
      <TableWrap label="Responsables">
        <table>
          <caption className="visually-hidden">Responsables de la famille {household.name}</caption>
          <thead>
            <tr>
              <th scope="col">Responsable</th>
              <th scope="col">Qualité</th>
              <th scope="col">E-mail</th>
              <th scope="col">Téléphone</th>
              <th scope="col">Payeur</th>
            </tr>
          </thead>
          <tbody>
            {household.guardians.map((guardian) => (
              <tr key={guardian.id}>
                <td>
                  {civilityLabels[guardian.civility]} {guardian.firstName} {guardian.lastName}
                </td>
                <td>{guardian.quality ?? "–"}</td>
                <td>{guardian.email ?? "–"}</td>
                <td>{guardian.mobilePhone ?? guardian.phone ?? "–"}</td>
                <td>{guardian.isPayer ? "Oui" : "Non"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h2>Enfants</h2>
      {household.children.length === 0 ? (
        <p>Aucun enfant dans ce dossier.</p>
      ) : (
        <TableWrap label="Enfants">
          <table>
            <caption className="visually-hidden">Enfants de la famille {household.name}</caption>
            <thead>
              <tr>
                <th scope="col">Photo</th>
                <th scope="col">Enfant</th>
                <th scope="col">Date de naissance</th>
                <th scope="col">École</th>
                <th scope="col">Classe</th>
              </tr>
            </thead>
            <tbody>
              {household.children.map((child) => (
                <tr key={child.id}>
                  <td>
                    {photos.has(child.id) ? (
                      <img
                        src={routes.family.childPhoto(slug, child.id, photos.get(child.id))}
                        alt={`Photo de ${child.firstName}`}
                        width={64}
                        height={64}
                        style={{ objectFit: "cover", borderRadius: "0.25rem" }}
                      />
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>
                    {child.firstName} {child.lastName}
                  </td>
                  <td>{formatDate(child.birthDate)}</td>
                  <td>{child.school ?? "–"}</td>
                  <td>{child.schoolClass ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>Comptes abonnés</h2>
      {household.accounts.length === 0 ? (
        <p>Aucun compte citoyen n&apos;est abonné à ce dossier.</p>
      ) : (
        <TableWrap label="Comptes abonnés">
          <table>
            <caption className="visually-hidden">
              Comptes citoyens abonnés au dossier de la famille {household.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">Titulaire</th>
                <th scope="col">E-mail</th>
                <th scope="col">Abonné depuis le</th>
                <th scope="col">Abonnement</th>
              </tr>
            </thead>
            <tbody>
              {household.accounts.map((account) => (
                <tr key={account.userId}>
                  <td>
                    {civilityLabels[account.civility]} {account.firstName} {account.lastName}
                  </td>
                  <td>{account.email}</td>
                  <td>{formatDate(account.since)}</td>
                  <td>{subscriptionMethodLabels[account.method]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>Historique</h2>
      {history.length === 0 ? (
        <p>Aucune action enregistrée sur ce dossier.</p>
      ) : (
        <AuditTable
          rows={history}
          caption={`Dernières actions sur le dossier de la famille ${household.name}`}
          showTarget={false}
        />
      )}
    </>
  );
}
