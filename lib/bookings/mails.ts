import "server-only";
import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import { communes, subscriptions, users, type Civility } from "@/db/schema";
import BookingAcknowledgement, { bookingAcknowledgementSubject, type BookingMailLine } from "@/emails/booking-acknowledgement";
import BookingPromoted, { bookingPromotedSubject } from "@/emails/booking-promoted";
import { enqueueMail } from "@/lib/mail/send-mail";
import type { IsoDay } from "@/lib/planning/days";
import { absoluteUrl } from "@/lib/urls";

/** One day of a request, as the accusé d'enregistrement lists it. */
export type AckLine = BookingMailLine;

/** Where every booking mail's "Mon espace citoyen" button leads. */
export const myRequestsUrl = (communeSlug: string) => absoluteUrl(communeSlug, "/mon-espace-citoyen/mes-demandes");

// "Bonjour M. Matthieu BLMAN," as in guide 003 §5.
const civilityAbbreviations: Record<Civility, string> = { M: "M.", MME: "Mme" };

const communeColumns = { name: communes.name, serviceSignature: communes.serviceSignature, slug: communes.slug };

/** Writes the acknowledgement for the account that made the request (in the caller's transaction); returns the mail's id. */
export async function enqueueRequestAcknowledgement(
  tx: Db,
  p: { communeId: string; userId: string; kind: "booking" | "absence"; activityLabel: string; requestedAt: Date; lines: AckLine[] },
): Promise<string | null> {
  if (p.lines.length === 0) return null;
  const [row] = await tx
    .select({ email: users.email, civility: users.civility, firstName: users.firstName, lastName: users.lastName, commune: communeColumns })
    .from(users)
    .innerJoin(communes, eq(communes.id, users.communeId))
    .where(and(eq(users.id, p.userId), eq(users.communeId, p.communeId), eq(users.status, "active")));
  if (!row) return null;
  return enqueueMail(tx, {
    communeId: p.communeId,
    to: row.email,
    subject: bookingAcknowledgementSubject(row.commune.name),
    template: "booking-acknowledgement",
    body: createElement(BookingAcknowledgement, {
      commune: row.commune,
      greetingName: `${civilityAbbreviations[row.civility]} ${row.firstName} ${row.lastName.toLocaleUpperCase("fr-FR")}`,
      kind: p.kind,
      activityLabel: p.activityLabel,
      requestedAt: p.requestedAt,
      lines: p.lines,
      myRequestsUrl: myRequestsUrl(row.commune.slug),
    }),
  });
}

/** Tells the household's accounts that a waiting-list booking got a place. */
export async function enqueuePromotionNotice(
  tx: Db,
  p: { communeId: string; householdId: string; childName: string; activityLabel: string; day: IsoDay; startTime: string },
): Promise<void> {
  const recipients = await tx
    .select({ email: users.email, commune: communeColumns })
    .from(subscriptions)
    .innerJoin(users, and(eq(users.id, subscriptions.userId), eq(users.communeId, subscriptions.communeId)))
    .innerJoin(communes, eq(communes.id, subscriptions.communeId))
    .where(and(eq(subscriptions.communeId, p.communeId), eq(subscriptions.householdId, p.householdId), eq(users.status, "active")));
  const commune = recipients[0]?.commune;
  if (!commune) return;
  const body = createElement(BookingPromoted, {
    commune,
    childName: p.childName,
    activityLabel: p.activityLabel,
    day: p.day,
    startTime: p.startTime,
    myRequestsUrl: myRequestsUrl(commune.slug),
  });
  const subject = bookingPromotedSubject(p.childName, p.activityLabel, p.day);
  for (const to of new Set(recipients.map((r) => r.email))) {
    await enqueueMail(tx, { communeId: p.communeId, to, subject, template: "booking-promoted", body });
  }
}
