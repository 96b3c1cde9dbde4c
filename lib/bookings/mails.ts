import "server-only";
import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "@/db/client";
import { communes, type User, users } from "@/db/schema";
import BookingAcknowledgement, {
  type BookingMailLine,
  bookingAcknowledgementSubject,
} from "@/emails/booking-acknowledgement";
import type { MailCommune } from "@/emails/mail-layout";
import { type MailCommuneRow, mailCommune, mailCommuneColumns } from "@/lib/communes/mail-commune";
import { greetingNameOf } from "@/lib/mail/recipient";
import { routes } from "@/lib/routes/paths";
import { absoluteUrl } from "@/lib/urls";

/*
 * The accusé d'enregistrement, sent at once for each request. The town's and the portal's decisions on days
 * (accepted, refused, waiting list, place given from it) are never mailed one by one: the 13:00 / 18:00 digest
 * reports them (digest.ts).
 */

/** One day of a request, as the accusé d'enregistrement lists it. */
export type AckLine = BookingMailLine;

export interface AckRecipient {
  email: string;
  greetingName: string;
  commune: MailCommune & { slug: string };
}

/** The account making a request, as its session has just read it, and its commune. */
export function acknowledgementRecipientOf(
  account: Pick<User, "email" | "civility" | "firstName" | "lastName">,
  commune: MailCommuneRow,
): AckRecipient {
  return { email: account.email, commune: mailCommune(commune), greetingName: greetingNameOf(account) };
}

/** The account that made the request, if still active: read before the request's transaction, to render its mail there. */
export async function acknowledgementRecipient(
  db: Db,
  p: { communeId: string; userId: string },
): Promise<AckRecipient | null> {
  const [row] = await db
    .select({
      email: users.email,
      civility: users.civility,
      firstName: users.firstName,
      lastName: users.lastName,
      commune: mailCommuneColumns,
    })
    .from(users)
    .innerJoin(communes, eq(communes.id, users.communeId))
    .where(and(eq(users.id, p.userId), eq(users.communeId, p.communeId), eq(users.status, "active")));
  return row ? acknowledgementRecipientOf(row, row.commune) : null;
}

export const acknowledgementSubject = (recipient: AckRecipient) =>
  bookingAcknowledgementSubject(recipient.commune.name);

/** The acknowledgement of these days (none when no day was recorded). */
export function acknowledgementBody(
  recipient: AckRecipient,
  p: { kind: "booking" | "absence"; activityLabel: string; requestedAt: Date; lines: AckLine[] },
) {
  if (p.lines.length === 0) return null;
  return createElement(BookingAcknowledgement, {
    commune: recipient.commune,
    greetingName: recipient.greetingName,
    kind: p.kind,
    activityLabel: p.activityLabel,
    requestedAt: p.requestedAt,
    lines: p.lines,
    myRequestsUrl: absoluteUrl(routes.citizen.requests(recipient.commune.slug)),
  });
}
