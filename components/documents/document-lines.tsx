import { Link } from "@/components/ui/link";
import type { DocumentLine } from "@/lib/documents/household-documents";
import { formatDate } from "@/lib/format";
import { routes } from "@/lib/routes/paths";
import { DocumentStateBadge } from "./document-state-badge";
import styles from "./documents.module.css";

/** "Ajouter" / "Remplacer" / "Voir le document", named in full for a screen reader's list of links. */
function LinkText({ text, what }: { text: string; what: string }) {
  return (
    <>
      {text}
      <span className="visually-hidden"> : {what}</span>
    </>
  );
}

/**
 * One line of the family's list: the type, its state (with the town's reason when refused, the end of validity
 * when validated), and what the family may do. Documents handed in with a request (`withRequest`) are replaced by
 * making the request again, not from here.
 */
function DocumentLineItem({
  slug,
  line,
  householdId,
  withRequest,
}: {
  slug: string;
  line: DocumentLine;
  householdId?: string;
  withRequest: boolean;
}) {
  const { type, current, display } = line;
  const what = line.child ? `${type.label} de ${line.child.firstName}` : type.label;
  const deposit = routes.family.depositDocument(slug, {
    type: type.id,
    enfant: line.child?.id,
    famille: householdId,
  });
  return (
    <li className="card">
      <div className={styles.line}>
        <span className={styles.lineTitle}>{type.label}</span>
        <DocumentStateBadge state={display} />
      </div>
      {type.description ? <p className={`field__hint ${styles.lineFacts}`}>{type.description}</p> : null}
      {display === "refused" && current?.refusalReason ? (
        <p className={styles.lineFacts}>Motif du refus : {current.refusalReason}</p>
      ) : null}
      {display === "validated" && current?.expiresOn ? (
        <p className={styles.lineFacts}>Valable jusqu&apos;au {formatDate(current.expiresOn)}</p>
      ) : null}
      {display === "expired" && current?.expiresOn ? (
        <p className={styles.lineFacts}>Expirée depuis le {formatDate(current.expiresOn)}</p>
      ) : null}
      <p className={`${styles.lineLinks} ${styles.lineFacts}`}>
        {withRequest ? null : (
          <Link href={deposit}>
            <LinkText text={current ? "Remplacer" : "Ajouter"} what={what} />
          </Link>
        )}
        {current ? (
          <a href={routes.family.documentFile(slug, current.id)} download>
            <LinkText text="Voir le document" what={what} />
          </a>
        ) : null}
      </p>
    </li>
  );
}

/** A titled group of lines: "Le foyer", one per child, "Avec vos demandes". */
export function DocumentSection({
  id,
  title,
  intro,
  lines,
  slug,
  householdId,
  withRequest = false,
}: {
  id: string;
  title: string;
  intro?: string;
  lines: readonly DocumentLine[];
  slug: string;
  householdId?: string;
  withRequest?: boolean;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro ? <p>{intro}</p> : null}
      {lines.length === 0 ? <p>Aucune pièce n&apos;est demandée ici pour le moment.</p> : null}
      <ul className={styles.lines}>
        {lines.map((line) => (
          <DocumentLineItem
            key={`${line.type.id}:${line.child?.id ?? ""}:${line.current?.id ?? ""}`}
            slug={slug}
            line={line}
            householdId={householdId}
            withRequest={withRequest}
          />
        ))}
      </ul>
    </section>
  );
}
