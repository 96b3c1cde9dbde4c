import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { EditEnrolmentForm } from "@/components/agent/planning/enrolment-forms";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { Link } from "@/components/ui/link";
import { findEnrolment } from "@/lib/activities/enrolments";
import { requireUser, staffRoles } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { activityLabel } from "@/lib/planning/labels";
import { breadcrumbs } from "@/lib/routes/breadcrumbs";
import { routes } from "@/lib/routes/paths";
import { updateEnrolmentAction } from "../../../actions";
import { activityFromParams } from "../../../activity-from-params";

type Props = { params: Promise<{ commune: string; id: string; inscriptionId: string }> };

export const metadata: Metadata = { title: "Modifier une inscription" };

/** One enrolment's period and state; an enrolment of another activity or commune is a 404. */
export default async function EnrolmentPage({ params }: Props) {
  const { commune: slug, id, inscriptionId } = await params;
  const { commune } = await requireUser(slug, {
    roles: staffRoles,
    returnTo: routes.agent.enrolments(slug, id),
  });
  const activity = await activityFromParams(commune.id, id);
  const enrolmentId = z.uuid().safeParse(inscriptionId);
  if (!enrolmentId.success) notFound();
  const enrolment = await findEnrolment(await getDb(), { communeId: commune.id, enrolmentId: enrolmentId.data });
  if (!enrolment || enrolment.activityId !== activity.id) notFound();
  const label = activityLabel(activity);

  return (
    <>
      <Breadcrumbs items={breadcrumbs.enrolments(slug, { id: activity.id, label }, enrolment.childName)} />
      <h1>
        Inscription de {enrolment.childName} à {label}
      </h1>
      <dl className="facts">
        <dt>Famille</dt>
        <dd>
          <Link href={routes.agent.household(slug, enrolment.householdId)}>Famille {enrolment.householdName}</Link>
        </dd>
        <dt>Date de naissance</dt>
        <dd>{formatDate(enrolment.birthDate)}</dd>
      </dl>
      <p className="field__hint">
        Les réservations déjà faites ne sont pas modifiées : raccourcir la période ou mettre l&apos;inscription en liste
        d&apos;attente empêche seulement les nouvelles demandes.
      </p>
      <EditEnrolmentForm action={updateEnrolmentAction.bind(null, slug)} enrolment={enrolment} />
      <p>
        <Link href={routes.agent.enrolments(slug, activity.id)}>Retour aux inscriptions</Link>
      </p>
    </>
  );
}
