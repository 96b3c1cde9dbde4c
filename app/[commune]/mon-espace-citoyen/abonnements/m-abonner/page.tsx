import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { SubscribeForms } from "@/components/subscriptions/subscribe-forms";
import { requireUser } from "@/lib/auth/session";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { subscribeByCode, subscribeByInvoice } from "./actions";

type Props = { params: Promise<{ commune: string }> };

export const metadata: Metadata = { title: "M'abonner" };

/** Links a household to the family account, with an invoice or the code abonné; active at once. */
export default async function SubscribePage({ params }: Props) {
  const { commune: slug } = await params;
  await requireUser(slug, { roles: ["family"], returnTo: routes.citizen.subscribe(slug) });
  return (
    <>
      <Breadcrumbs items={breadcrumbs.subscriptions(slug, "M'abonner")} />
      <h1>M&apos;abonner</h1>
      <p>Reliez votre compte à votre dossier famille avec une de vos factures ou avec votre code abonné.</p>
      <p className="form-required-note">Les champs marqués d&apos;un astérisque (*) sont obligatoires.</p>
      <SubscribeForms
        actions={{ byInvoice: subscribeByInvoice.bind(null, slug), byCode: subscribeByCode.bind(null, slug) }}
        cancelHref={routes.citizen.subscriptions(slug)}
      />
    </>
  );
}
