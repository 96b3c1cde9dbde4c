import { Link } from "@/components/ui/link";
import { routes } from "@/lib/routes/paths";
import styles from "./billing.module.css";

export type BillingSection = "factures" | "operations" | "reglements";

/** Mes factures / Mes opérations / Mes règlements, keeping the household shown; the current one is marked. */
export function BillingNav({ slug, current, famille }: { slug: string; current: BillingSection; famille?: string }) {
  const items: { section: BillingSection; label: string; href: string }[] = [
    { section: "factures", label: "Mes factures", href: routes.billing(slug, { famille }) },
    { section: "operations", label: "Mes opérations", href: routes.billingOperations(slug, { famille }) },
    { section: "reglements", label: "Mes règlements", href: routes.billingPayments(slug, famille) },
  ];
  return (
    <nav className={styles.subnav} aria-label="Espace facturation">
      <ul>
        {items.map((item) => (
          <li key={item.section}>
            <Link href={item.href} aria-current={item.section === current ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** For an account following several households: which one the page shows. */
export function HouseholdChooser({
  households,
  currentId,
  href,
}: {
  households: readonly { id: string; name: string }[];
  currentId: string;
  href: (householdId: string) => string;
}) {
  if (households.length < 2) return null;
  return (
    <nav aria-label="Dossier famille affiché">
      <ul className={styles.households}>
        {households.map((h) => (
          <li key={h.id}>
            <Link href={href(h.id)} aria-current={h.id === currentId ? "page" : undefined}>
              Famille {h.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
