import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { listLocalMails } from "@/lib/mail/local-mailbox";
import { canReadLocalMailbox } from "@/lib/mail/local-mailbox-access";
import { routes } from "@/lib/routes/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Boîte mail locale", robots: { index: false } };

const statusLabels = {
  local: "gardé localement",
  pending: "en attente d'envoi",
  sent: "envoyé",
  failed: "échec d'envoi",
} as const;

/** Where mails land when no provider is configured, so a local user can click their activation link. */
export default async function LocalMailboxPage() {
  if (!(await canReadLocalMailbox())) notFound();
  const mails = await listLocalMails(await getDb());
  return (
    <main id="contenu" className="container site-main">
      <h1>Boîte mail locale</h1>
      <p className="notice">
        Aucun service d&apos;envoi n&apos;est configuré (RESEND_API_KEY) : les e-mails du portail sont conservés ici.
        Cette page ne s&apos;affiche que sur la machine qui fait tourner le portail et n&apos;existe pas en production.
      </p>
      {mails.length === 0 ? (
        <p>Aucun e-mail pour le moment.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">E-mails envoyés par le portail, du plus récent au plus ancien</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Destinataire</th>
                <th scope="col">Objet</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((mail) => (
                <tr key={mail.id}>
                  <td>{formatDateTime(mail.createdAt)}</td>
                  <td>{mail.to}</td>
                  <td>
                    <Link href={routes.localMail(mail.id)}>{mail.subject}</Link>
                  </td>
                  <td>{statusLabels[mail.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
