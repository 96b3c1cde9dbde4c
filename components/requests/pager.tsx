import { Link } from "@/components/ui/link";
import styles from "./requests.module.css";

/** "Page 1 sur 3" with the previous and next pages. */
export function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  return (
    <nav className={styles.pager} aria-label="Pagination">
      {page > 1 ? <Link href={href(page - 1)}>Page précédente</Link> : null}
      <span aria-current="page">
        Page {page} sur {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Page suivante</Link> : null}
    </nav>
  );
}
