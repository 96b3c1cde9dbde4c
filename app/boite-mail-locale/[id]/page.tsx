import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Link } from "@/components/ui/link";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { findLocalMail, linksOf } from "@/lib/mail/local-mailbox";
import { canReadLocalMailbox } from "@/lib/mail/local-mailbox-access";
import { routes } from "@/lib/routes/paths";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "E-mail – Boîte mail locale", robots: { index: false } };

export default async function LocalMailPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success || !(await canReadLocalMailbox())) notFound();
  const mail = await findLocalMail(await getDb(), id.data);
  if (!mail) notFound();
  return (
    <main id="contenu" className="container site-main">
      <p>
        <Link href={routes.localMailbox()}>← Boîte mail locale</Link>
      </p>
      <h1>{mail.subject}</h1>
      <p>
        À : {mail.to} · {formatDateTime(mail.createdAt)}
      </p>
      <h2>Liens du message</h2>
      <ul>
        {linksOf(mail.text).map((href) => (
          <li key={href}>
            <a href={href}>{href}</a>
          </li>
        ))}
      </ul>
      <h2>Aperçu</h2>
      {/* sandbox: the mail's HTML never runs script nor touches this page */}
      <iframe
        className="mail-preview"
        title={`Aperçu de l'e-mail « ${mail.subject} »`}
        sandbox=""
        srcDoc={mail.html}
        width="100%"
        height="640"
      />
      <h2>Version texte</h2>
      <pre className="mail-text">{mail.text}</pre>
    </main>
  );
}
