import "server-only";
import type { ReactNode } from "react";
import { BillingNav, type BillingSection, HouseholdChooser } from "@/components/billing/billing-nav";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { NoSubscriptionNotice } from "@/components/subscriptions/no-subscription-notice";
import type { Commune } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import type { Crumb } from "@/lib/routes/breadcrumbs";
import type { SubscribedHousehold } from "@/lib/subscriptions/households";

/**
 * The frame of Mes factures, Mes opérations and Mes règlements: breadcrumbs, title, the household shown (for an
 * account with several), the sub-navigation — or, without any subscription, how to get one.
 */
export function BillingPage({
  crumbs,
  title,
  commune,
  user,
  households,
  section,
  hrefFor,
  children,
}: {
  crumbs: Crumb[];
  title: string;
  commune: Commune;
  user: SessionUser;
  households: { current: SubscribedHousehold; all: SubscribedHousehold[] } | null;
  section: BillingSection;
  /** This page for another household. */
  hrefFor: (householdId: string) => string;
  children?: ReactNode;
}) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1>{title}</h1>
      {households ? (
        <>
          <HouseholdChooser households={households.all} currentId={households.current.id} href={hrefFor} />
          <BillingNav
            slug={commune.slug}
            current={section}
            famille={households.all.length > 1 ? households.current.id : undefined}
          />
          {children}
        </>
      ) : (
        <NoSubscriptionNotice commune={commune} canSubscribe={user.role === "family"} />
      )}
    </>
  );
}
